/**
 * Keeps a pack's committee rows current: first its pool statistics (`poolStatsRefresh`), then the
 * rows of the same audit head — one computation per pack at a time, in a worker where the
 * platform has workers, in this thread otherwise (unit tests in Node).
 */
import type { RubricPack } from '../../core/rubric/schema';
import type { CommitteeRowsReply, CommitteeRowsRequest } from '../workers/committeeRows.worker';
import type { AppDb } from './appDb';
import { committeeRowsCompute, committeeRowsHead } from './committeeRows';
import { poolStatsKey, poolStatsPackOf } from './poolStats';
import { poolStatsRefresh } from './poolStatsRefresh';

const running = new Map<string, Promise<void>>();

function computeInWorker(db: AppDb, pack: RubricPack): Promise<void> {
  const worker = new Worker(new URL('../workers/committeeRows.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<CommitteeRowsReply>) => {
      worker.terminate();
      if (event.data.ok) resolve();
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the committee rows worker failed'));
    };
    worker.postMessage({ dbName: db.name, pack } satisfies CommitteeRowsRequest);
  });
}

/** Resolves when the stored rows are of the current state (a call while one runs waits, then checks again). */
export function committeeRowsRefresh(db: AppDb, pack: RubricPack): Promise<void> {
  const runKey = `${db.name}:${pack.manifest.id}`;
  const previous = running.get(runKey) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      await poolStatsRefresh(db, poolStatsPackOf(pack));
      const [key, stored] = await Promise.all([poolStatsKey(db, poolStatsPackOf(pack)), committeeRowsHead(db, pack.manifest.id)]);
      if (stored?.key === key) return;
      if (typeof Worker === 'function') await computeInWorker(db, pack);
      else await committeeRowsCompute(db, pack, Date.now());
    });
  const tracked = next.finally(() => {
    if (running.get(runKey) === tracked) running.delete(runKey);
  });
  running.set(runKey, tracked);
  return tracked;
}
