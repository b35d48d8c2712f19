/**
 * Keeps pool statistics current: one recomputation per pack at a time, in a worker kept for the
 * window's life where the platform has workers (the app), in this thread otherwise (unit tests in
 * Node) — the computation's code is loaded only then, so the app's page never evaluates it.
 */
import type { PoolStatsRequest } from '../workers/poolStats.worker';
import type { AppDb } from './appDb';
import { serialRun, workerKept } from './derivedRun';
import { poolStatsKey, poolStatsStored, type PoolStatsPack } from './poolStatsKey';

const running = new Map<string, Promise<void>>();
let poolStatsWorker: ((request: PoolStatsRequest) => Promise<void>) | undefined;

/**
 * Recomputes the pack's statistics unless the stored ones are of the current state. Resolves when
 * they are; a call while one runs for the same pack waits for it and then checks again, so the
 * last change is never left out.
 */
export function poolStatsRefresh(db: AppDb, pack: PoolStatsPack): Promise<void> {
  return serialRun(running, `${db.name}:${pack.id}`, async () => {
    const [key, stored] = await Promise.all([poolStatsKey(db, pack), poolStatsStored(db, pack.id)]);
    if (stored?.key === key) return;
    if (typeof Worker === 'function') {
      poolStatsWorker ??= workerKept(
        () => new Worker(new URL('../workers/poolStats.worker.ts', import.meta.url), { type: 'module' }),
        'statistics',
      );
      await poolStatsWorker({ dbName: db.name, pack } satisfies PoolStatsRequest);
    } else await (await import('./poolStats')).poolStatsCompute(db, pack, Date.now());
  });
}
