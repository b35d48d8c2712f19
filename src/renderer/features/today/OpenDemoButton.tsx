import { useState } from 'react';
import { DEMO_PACK_ID, demoScriptProblems } from '../../../core/demo';
import { appDb } from '../../db/dbContext';
import { demoLoopOpen } from '../../db/actions/importActions';
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
  const pack = packs.find((p) => p.manifest.id === DEMO_PACK_ID && p.origin === 'built-in');
  const problems = pack ? demoScriptProblems(pack) : ['the built-in Staff DevOps pack is not loaded'];

  const open = async () => {
    if (!pack) return;
    setIsBusy(true);
    try {
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
      disabled={isBusy || problems.length > 0}
      title={problems.join('; ') || undefined}
    >
      {isBusy ? 'Opening…' : 'Open demo loop'}
    </button>
  );
}
