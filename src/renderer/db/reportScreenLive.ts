/**
 * The live read of the report screen and the print route (`reportScreenRead` through Dexie),
 * shared (`sharedLive`) so the route starts it while the screen's code loads (the print route:
 * with the window) and the screen picks it up.
 */
import type { AppDb } from './appDb';
import { reportScreenRead, type ReportScreenData } from './reportScreenRead';
import { rowsReadOf } from './rowsRead';
import { sharedLive, sharedLivePrefetch, type SharedLive } from './sharedLive';

export type { ReportScreenData } from './reportScreenRead';

/** The key of the shared read of `candidateIds`' reports in database `dbName`. */
export const reportScreenLiveKey = (dbName: string, candidateIds: readonly string[], generation: number) =>
  `report\u0000${dbName}\u0000${candidateIds.join(',')}\u0000${generation}`;

/**
 * The live read of the reports of `candidateIds` (one, or a print batch); `generation` makes a new
 * query (after a refresh in a worker).
 */
export function reportScreenLive(db: AppDb, candidateIds: readonly string[], generation = 0): SharedLive<ReportScreenData> {
  return sharedLive(reportScreenLiveKey(db.name, candidateIds, generation), () => reportScreenRead(rowsReadOf(db), candidateIds));
}

/** Starts a report screen's read now, for the screen to take over when its code has loaded. */
export function reportScreenPrefetch(db: AppDb, candidateIds: readonly string[]): void {
  sharedLivePrefetch(reportScreenLive(db, candidateIds));
}
