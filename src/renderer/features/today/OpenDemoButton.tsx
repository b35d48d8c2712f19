import { useState } from 'react';
import { appWorkspace, appWorkspaceEnterDemo } from '../../db/workspace';
import { usePacks } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { reloadAt } from '../../app/router';

/**
 * One click to a filled-in Loopdesk in its own workspace: a separate demo database gets the demo
 * loop (three candidates scored by four interviewers of different leniency, imported like any
 * bundle) and a demo recruiter profile; the window then reloads into it. Real data is never read
 * or written; "Leave and delete the demo" in the banner removes the whole demo database.
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
      const [{ demoScriptProblems }, { demoLoopOpen }, { profileCreate, profileCurrent }, { createAppDb }, { demoDbName }] =
        await Promise.all([
          import('../../../core/demo'),
          import('../../db/actions/importActions'),
          import('../../db/actions/profileActions'),
          import('../../db/appDb'),
          import('../../db/dbContext'),
        ]);
      const problems = demoScriptProblems(pack);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const demoDb = createAppDb(demoDbName);
      try {
        await demoLoopOpen(demoDb, pack);
        if (!(await profileCurrent(demoDb))) await profileCreate(demoDb, { name: 'Demo recruiter' }, Date.now());
      } finally {
        demoDb.close();
      }
      appWorkspaceEnterDemo();
      reloadAt('#/committee');
    } catch (error) {
      noticeShow('error', `Could not open the demo loop: ${error instanceof Error ? error.message : String(error)}`);
      // Busy stays on after success: the window is reloading into the demo.
      setIsBusy(false);
    }
  };

  return (
    <button
      type="button"
      onClick={() => void open()}
      disabled={isBusy || !pack || appWorkspace() === 'demo'}
      title={pack ? undefined : 'The built-in Staff DevOps pack is not loaded'}
    >
      {isBusy ? 'Opening…' : 'Open demo loop'}
    </button>
  );
}
