/**
 * Recomputations of the pool statistics in a thread of their own, as the app's statistics worker
 * does them (`renderer/db/poolStats` → `poolStatsCompute`): the stored pool ratings → columns →
 * `calibrationPoolStats`, one per message. Kept across samples like the app's worker, which lives
 * as long as its window (`workerKept`): the first sample meets a cold JIT, the later ones do not.
 *
 * Diagnostics beside the timed wall time (none of them changes what is timed): the thread's own
 * CPU time over the computation (Linux only; on a loaded machine the wall time includes waiting
 * for a core, this does not), and the garbage collections that ran during it (`v8.GCProfiler`).
 */
import { readFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
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
  /** This thread's CPU time over the computation; null where the OS does not say. */
  cpuMs: number | null;
  /** Garbage collections during the computation, and their summed cost. */
  gcCount: number;
  gcMs: number;
}

/** CPU time this thread has run, from the scheduler's own account (nanoseconds in /proc). */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

const run = ({ entry, dimensionIds, what }: CalibrationWorkerRequest): CalibrationWorkerReply => {
  const collector = new GCProfiler();
  collector.start();
  const cpuBefore = threadCpuMs();
  const started = performance.now();
  const columns = poolRatingsColumns(entry, dimensionIds);
  if (what === 'stats') calibrationPoolStats(columns);
  const ms = performance.now() - started;
  const cpuAfter = threadCpuMs();
  const collections = collector.stop()?.statistics ?? [];
  return {
    ms,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    gcCount: collections.length,
    // The profiler's cost is in microseconds.
    gcMs: collections.reduce((sum, c) => sum + c.cost, 0) / 1000,
  };
};

parentPort!.on('message', (request: CalibrationWorkerRequest) => {
  parentPort!.postMessage(run(request));
});
