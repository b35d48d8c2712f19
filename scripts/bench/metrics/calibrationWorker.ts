/**
 * One recomputation of the pool statistics in a fresh thread, as the app's statistics worker does
 * it (`renderer/db/poolStats` → `poolStatsCompute`): the stored pool ratings → columns →
 * `calibrationPoolStats`. Bundled and started once per sample (`calibration.ts`), so every sample
 * meets the cold JIT the app's worker meets: the app starts a new worker for each recomputation.
 */
import { parentPort } from 'node:worker_threads';
import { calibrationPoolStats } from '../../../src/core/calibration/calibrationPoolStats';
import { poolRatingsColumns, type PoolRatingsEntry } from '../../../src/core/calibration/poolRatingsEntry';

export interface CalibrationWorkerRequest {
  entry: PoolRatingsEntry;
  dimensionIds: string[];
  /** 'stats': columns → statistics (the metric); 'columns': the columns alone (the floor). */
  what: 'stats' | 'columns';
}
export interface CalibrationWorkerReply {
  /** The first (cold) computation, and a second one in the same thread (warm, for reference). */
  coldMs: number;
  warmMs: number;
}

const run = ({ entry, dimensionIds, what }: CalibrationWorkerRequest) => {
  const started = performance.now();
  const columns = poolRatingsColumns(entry, dimensionIds);
  if (what === 'stats') calibrationPoolStats(columns);
  return performance.now() - started;
};

parentPort!.once('message', (request: CalibrationWorkerRequest) => {
  const coldMs = run(request);
  const warmMs = run(request);
  parentPort!.postMessage({ coldMs, warmMs } satisfies CalibrationWorkerReply);
});
