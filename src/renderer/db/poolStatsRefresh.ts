/**
 * Keeps pool statistics current: one recomputation per pack at a time, in a worker where the
 * platform has workers (the app), in this thread otherwise (unit tests in Node).
 */
import type { PoolStatsReply, PoolStatsRequest } from '../workers/poolStats.worker';
import type { AppDb } from './appDb';
import { poolStatsCompute, poolStatsKey, poolStatsStored, type PoolStatsPack } from './poolStats';

const running = new Map<string, Promise<void>>();

function computeInWorker(db: AppDb, pack: PoolStatsPack): Promise<void> {
  const worker = new Worker(new URL('../workers/poolStats.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PoolStatsReply>) => {
      worker.terminate();
      if (event.data.ok) resolve();
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the statistics worker failed'));
    };
    worker.postMessage({ dbName: db.name, pack } satisfies PoolStatsRequest);
  });
}

/**
 * Recomputes the pack's statistics unless the stored ones are of the current state. Resolves when
 * they are; a call while one runs for the same pack waits for it and then checks again, so the
 * last change is never left out.
 */
export function poolStatsRefresh(db: AppDb, pack: PoolStatsPack): Promise<void> {
  const runKey = `${db.name}:${pack.id}`;
  const previous = running.get(runKey) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const [key, stored] = await Promise.all([poolStatsKey(db, pack), poolStatsStored(db, pack.id)]);
      if (stored?.key === key) return;
      if (typeof Worker === 'function') await computeInWorker(db, pack);
      else await poolStatsCompute(db, pack, Date.now());
    });
  const tracked = next.finally(() => {
    if (running.get(runKey) === tracked) running.delete(runKey);
  });
  running.set(runKey, tracked);
  return tracked;
}
