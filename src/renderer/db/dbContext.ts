/** The app's database instance, created once per window and shared through this module. */
import { appStoragePersist, createAppDb, type AppDb } from './appDb';
import { useAppStore } from '../stores/appStore';

let db: AppDb | undefined;

export function appDb(): AppDb {
  if (!db) {
    const created = createAppDb();
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
