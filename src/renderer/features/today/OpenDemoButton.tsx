import { useState } from 'react';
import { appDb } from '../../db/dbContext';
import { usePacks } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { navigate } from '../../app/router';

/**
 * One click to a filled-in Loopdesk: a demo loop of three candidates scored by four interviewers
 * of different leniency, imported like any bundle (a second click adds nothing).
 */
export function OpenDemoButton() {
  const packs = usePacks();
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [isBusy, setIsBusy] = useState(false);
  const pack = packs.find((p) => p.manifest.id === 'staff-devops' && p.origin === 'built-in');

  const open = async () => {
    if (!pack) return;
    setIsBusy(true);
    try {
      // Loaded on demand: the demo script and the import code are not needed to start the app.
      const [{ demoScriptProblems }, { demoLoopOpen }] = await Promise.all([
        import('../../../core/demo'),
        import('../../db/actions/importActions'),
      ]);
      const problems = demoScriptProblems(pack);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const plan = await demoLoopOpen(appDb(), pack);
      noticeShow(
        'info',
        plan.summary.isNothingToAdd
          ? 'The demo loop is already here.'
          : 'Demo loop opened: three candidates, four interviewers, sealed scorecards.',
      );
      navigate('#/committee');
    } catch (error) {
      noticeShow('error', `Could not open the demo loop: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <button
      type="button"
      onClick={() => void open()}
      disabled={isBusy || !pack}
      title={pack ? undefined : 'The built-in Staff DevOps pack is not loaded'}
    >
      {isBusy ? 'Opening…' : 'Open demo loop'}
    </button>
  );
}
