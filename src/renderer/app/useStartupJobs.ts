import { useEffect } from 'react';
import { appWorkspace } from '../db/workspace';
import { appDbLoad } from '../db/useDbLive';
import { desktopApi } from '../platform/desktopApi';
import { useAppStore } from '../stores/appStore';
import { backupKeepDays } from '../../shared/backupFileName';
import { retentionDays } from '../db/retentionSetting';


/**
 * Once per start: purge loops past the retention period (audited), and on desktop write the
 * day's rolling backup bundle outside IndexedDB.
 */
export function useStartupJobs(): void {
  useEffect(() => {
    let isCancelled = false;
    const run = async () => {
      // The demo workspace is thrown away whole: no purge, and never a backup over the real one.
      if (appWorkspace() === 'demo') return;
      const [db, api] = await Promise.all([appDbLoad(), desktopApi()]);
      const [days, info] = await Promise.all([retentionDays(db), api.getAppInfo()]);
      // Nothing to purge and no backup to write (a browser): the purge's and the backup's code,
      // the data actions and the bundle format, are not even loaded.
      if ((days === null && info.host !== 'desktop') || isCancelled) return;
      // Loaded here, not on the start-up path: nothing of it is needed to paint the first screen.
      const [{ backupFreshEnough, bundleExportBuild, retentionPreview, retentionPurge, retentionPurgedText }, { bundleStringify }] =
        await Promise.all([import('../db/actions/dataActions'), import('../../core/bundle')]);
      const now = Date.now();
      // Named before they go: the notice says whose loops the retention period removed.
      const expiring = await retentionPreview(db, now);
      const purged = await retentionPurge(db, 'loopdesk', now);
      if (purged > 0 && !isCancelled)
        useAppStore
          .getState()
          .noticeShow('info', `Retention: ${retentionPurgedText(purged, expiring.map((l) => l.candidateName))}`);
      if (info.host !== 'desktop' || isCancelled) return;
      if (await backupFreshEnough(db, await api.listBackups(), now)) return;
      const bundle = await bundleExportBuild(
        db,
        { kind: 'all' },
        { appVersion: info.version, createdBy: 'loopdesk (automatic backup)', now },
      );
      await api.writeBackup(bundleStringify(bundle), backupKeepDays);
    };
    // After start-up settles: the purge's read-write transaction must not hold up the first screen.
    const timer = setTimeout(() => {
      run().catch((error: unknown) => {
        if (!isCancelled)
          useAppStore
            .getState()
            .noticeShow(
              'error',
              `Automatic backup or retention check failed: ${error instanceof Error ? error.message : String(error)}`,
            );
      });
    }, 3000);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, []);
}
