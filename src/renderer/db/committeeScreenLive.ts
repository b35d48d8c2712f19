/**
 * The committee screen's live read (`committeeScreenRead` in a shared Dexie `liveQuery`, see
 * `sharedLive`), so the read can start when the route changes, while the screen's code loads.
 */
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';
import { committeeScreenRead, type CommitteeScreenData } from './committeeScreenRead';
import { sharedLive, sharedLivePrefetch, type SharedLive } from './sharedLive';

export type CommitteeScreenLive = SharedLive<CommitteeScreenData>;

/**
 * The live read of `pack`'s committee screen. `generation` makes a new query (the screen bumps it
 * when a refresh of the rows has finished, to read them again whatever the change notification).
 */
export function committeeScreenLive(db: AppDb, pack: RubricPack, generation = 0): CommitteeScreenLive {
  return sharedLive(`committee\u0000${db.name}\u0000${pack.manifest.id}\u0000${pack.hash}\u0000${generation}`, () =>
    committeeScreenRead(db, pack),
  );
}

/**
 * Starts the committee screen's read of `pack` now, held for a few seconds for the screen to take
 * over (a route that leaves before the screen mounts just lets it lapse).
 */
export function committeeScreenPrefetch(db: AppDb, pack: RubricPack): void {
  sharedLivePrefetch(committeeScreenLive(db, pack));
}
