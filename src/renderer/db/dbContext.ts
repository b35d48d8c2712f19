/** The app's database instance, created once per window and shared through this module. */
import { appStoragePersist, createAppDb, type AppDb } from './appDb';

let db: AppDb | undefined;

export function appDb(): AppDb {
  if (!db) {
    db = createAppDb();
    void appStoragePersist();
  }
  return db;
}
