/**
 * The database side of `useDbLive` and `appDbLoad`: Dexie's live queries over this window's
 * database. A chunk of its own, loaded after the first screen has painted.
 */
import { liveQuery } from 'dexie';
import { appDb } from './dbContext';
import type { AppDb } from './appDb';

export { appDb };

/** Runs `querier` now and again after every write that touches what it read. */
export function dbLiveSubscribe<T>(
  querier: (db: AppDb) => Promise<T> | T,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): { unsubscribe(): void } {
  return liveQuery(() => querier(appDb())).subscribe({ next: onValue, error: onError });
}
