/**
 * The app's database instance, created once per window and shared through this module. A window
 * works in one workspace: the real one, or the demo workspace — a separate database that the demo
 * loop is loaded into, so demo candidates and interviewers never mix with real data, and leaving
 * deletes it whole. Dexie and this module load after the first screen (`appDbLoad`, `useDbLive`).
 */
import Dexie from 'dexie';
import { appStoragePersist, createAppDb, type AppDb } from './appDb';
import { useAppStore } from '../stores/appStore';
import { appWorkspaceDbName, appWorkspaceEnterReal, demoDbName } from './workspace';

export { demoDbName } from './workspace';

/** Deletes the demo database and switches this window back to the real workspace. */
export async function appWorkspaceLeaveDemo(): Promise<void> {
  // The workspace first: anything that asks for the database while the delete runs gets the real
  // one, never a fresh demo database opened behind the delete.
  appWorkspaceEnterReal();
  if (db && db.name === demoDbName) {
    db.close();
    db = undefined;
  }
  await Dexie.delete(demoDbName);
}

let db: AppDb | undefined;

export function appDb(): AppDb {
  if (!db) {
    const created = createAppDb(appWorkspaceDbName());
    // Another window upgrading or deleting the database closes ours: say so instead of failing
    // silently. Typed text stays in the UI; exports keep working from what is on screen.
    created.on('versionchange', (event) => {
      const isDeleted = event.newVersion === null;
      useAppStore
        .getState()
        .noticeShow(
          'error',
          isDeleted
            ? 'The Loopdesk database was deleted by another window or the browser. Unsaved text stays on screen; reload to start again.'
            : 'Another Loopdesk window upgraded the database. Reload this window to keep saving.',
        );
      created.close();
      return false;
    });
    created.on('blocked', () => {
      useAppStore
        .getState()
        .noticeShow('error', 'Another Loopdesk window is holding the database open with an older version. Close it to continue.');
    });
    db = created;
    void appStoragePersist();
  }
  return db;
}
