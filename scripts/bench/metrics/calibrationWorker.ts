/**
 * Recomputations of the pool statistics in a thread of their own, as the app's statistics worker
 * does them (`renderer/db/poolStats` → `poolStatsCompute`): the stored pool ratings → columns →
 * `calibrationPoolStats`, one per message. Kept across samples like the app's worker, which lives
 * as long as its window (`workerKept`): the first sample meets a cold JIT, the later ones do not.
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
  ms: number;
}

const run = ({ entry, dimensionIds, what }: CalibrationWorkerRequest) => {
  const started = performance.now();
  const columns = poolRatingsColumns(entry, dimensionIds);
  if (what === 'stats') calibrationPoolStats(columns);
  return performance.now() - started;
};

parentPort!.on('message', (request: CalibrationWorkerRequest) => {
  parentPort!.postMessage({ ms: run(request) } satisfies CalibrationWorkerReply);
});
