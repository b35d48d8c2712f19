/**
 * Keeps a pack's committee rows current: first its pool statistics (`poolStatsRefresh`), then the
 * rows of the same audit head — one computation per pack at a time, in a worker where the
 * platform has workers, in this thread otherwise (unit tests in Node; the computation's code is
 * loaded only then).
 */
import type { RubricPack } from '../../core/rubric/schema';
import type { CommitteeRowsRequest } from '../workers/committeeRows.worker';
import type { AppDb } from './appDb';
import { committeeRowsHead } from './committeeScreenRead';
import { serialRun, workerRun } from './derivedRun';
import { poolStatsKey, poolStatsPackOf } from './poolStatsKey';
import { poolStatsRefresh } from './poolStatsRefresh';

const running = new Map<string, Promise<void>>();

/** Resolves when the stored rows are of the current state (a call while one runs waits, then checks again). */
export function committeeRowsRefresh(db: AppDb, pack: RubricPack): Promise<void> {
  return serialRun(running, `${db.name}:${pack.manifest.id}`, async () => {
    await poolStatsRefresh(db, poolStatsPackOf(pack));
    const [key, stored] = await Promise.all([poolStatsKey(db, poolStatsPackOf(pack)), committeeRowsHead(db, pack.manifest.id)]);
    if (stored?.key === key) return;
    if (typeof Worker === 'function') {
      const worker = new Worker(new URL('../workers/committeeRows.worker.ts', import.meta.url), { type: 'module' });
      await workerRun(worker, { dbName: db.name, pack } satisfies CommitteeRowsRequest, 'committee rows');
    } else await (await import('./committeeRows')).committeeRowsCompute(db, pack, Date.now());
  });
}
