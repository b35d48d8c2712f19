/**
 * Calibration + agreement over the whole database (SPEC §9: ≤ 300 ms, and 2× the data ≤ 2.2× the
 * time), timed as the app computes it. After every change to sealed evidence the app recomputes
 * the pool statistics in its statistics worker, kept for the window's life
 * (`renderer/db/poolStatsRefresh` → `poolStatsCompute`): the
 * pool's ratings as stored (`PoolRatingsEntry`, typed-array columns with string tables) → columns
 * (`poolRatingsColumns`) → `calibrationPoolStats` (leniency offsets with standard errors,
 * Krippendorff's alpha in three metrics and the ICCs per dimension). Until it is done, reports and
 * the committee screen show the statistics of the state before: this is what a user waits for
 * after a seal, an amendment or an import. Reports then calibrate one candidate from the stored
 * statistics (`calibrationCandidate`, timed by the report metrics).
 *
 * The stored entry is built from the generated pool by the app's own code (`benchPoolRatings`),
 * at half, full and double size. Each size has a Node worker thread of its own, kept across its
 * samples as the app keeps its worker: the first sample is the cold JIT of a worker's first
 * computation after the app starts (counted, never discarded), the later ones what every later
 * recomputation meets. The worker receives the entry by structured clone, as the app's worker
 * reads it from IndexedDB, and times the computation; the sizes go round-robin so drift hits all
 * alike. Not timed: the IndexedDB read and write, and bringing the entry up to date with the
 * changed interview.
 *
 * Floor: the one pass that turns the stored ratings into columns (`poolRatingsColumns`), in a
 * kept worker of its own too, which any calibration has to make.
 *
 * Reference, not judged: `reportPoolCalibration`, the CLI `report` command's whole output (every
 * candidate's calibrated summaries besides the pool statistics), timed in this thread after two
 * warm-up rounds — no screen of the app builds it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { calibrationPoolStats } from '../../../src/core/calibration/calibrationPoolStats';
import { poolRatingsColumns, type PoolRatingsEntry } from '../../../src/core/calibration/poolRatingsEntry';
import { reportPoolCalibration } from '../../../src/core/report/reportBuild';
import { benchDataset } from '../seed/benchDataset';
import type { BenchContext } from '../lib/benchContext';
import { benchPoolRatings } from '../lib/benchPoolRatings';
import { benchProfileSummarise, type BenchProfileSummary } from '../lib/benchProfile';
import { benchFigure, benchMedian, benchRound, type BenchFigure } from '../lib/benchStats';
import type { CalibrationWorkerReply, CalibrationWorkerRequest } from './calibrationWorker';

/** The worker entry bundled into one script (Node's worker threads do not load TypeScript). */
async function workerBundle(tmp: string): Promise<string> {
  const outfile = join(tmp, 'calibrationWorker.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'calibrationWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A worker thread kept across samples: each call is one computation, timed inside the thread. */
function keptWorker(script: string): {
  run: (request: CalibrationWorkerRequest) => Promise<CalibrationWorkerReply>;
  stop: () => void;
} {
  const worker = new Worker(script);
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        worker.once('message', (reply: CalibrationWorkerReply) => {
          worker.off('error', reject);
          resolve(reply);
        });
        worker.once('error', reject);
        worker.postMessage(request);
      }),
    stop: () => void worker.terminate(),
  };
}

function timeOnce(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** One run under Node's own profiler (the inspector), written as a .cpuprofile. */
async function nodeProfile(file: string, run: () => unknown): Promise<BenchProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let i = 0; i < 5; i++) run();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  return benchProfileSummarise(profile as never, file);
}

interface SizeSamples {
  ms: number[];
  /** Diagnostics of the same samples (see `calibrationWorker`): thread CPU time and collections. */
  cpuMs: Array<number | null>;
  gcMs: number[];
  gcCount: number[];
  floorMs: number[];
  reportPoolCalibrationMs: number[];
}

export async function calibrationMeasure(
  ctx: BenchContext,
): Promise<{ time: BenchFigure; scaling: BenchFigure; details: unknown }> {
  const now = Date.now();
  let profile: BenchProfileSummary | null = null;
  const dimensionIds = ctx.pack.dimensions.map((d) => d.id);
  const factors = [0.5, 1, 2];
  const pools = factors.map((factor) => {
    const { content } = benchDataset(ctx.pack, {
      candidates: Math.round(ctx.sizes.candidates * factor),
      now,
      withEvidence: false,
    });
    const evidence = { interviews: content.interviews, ratings: content.ratings, loops: content.loops };
    const entry: PoolRatingsEntry = benchPoolRatings(ctx.pack.manifest.id, evidence);
    return { factor, evidence, entry, ratings: entry.ratingScore.length };
  });
  const script = await workerBundle(ctx.tmp);
  const samples: SizeSamples[] = pools.map(() => ({
    ms: [],
    cpuMs: [],
    gcMs: [],
    gcCount: [],
    floorMs: [],
    reportPoolCalibrationMs: [],
  }));
  const workers = pools.map(() => ({ stats: keptWorker(script), floor: keptWorker(script) }));
  try {
    for (let run = 0; run < ctx.sizes.calibrationRuns; run++) {
      for (const [i, pool] of pools.entries()) {
        const s = samples[i]!;
        const stats = await workers[i]!.stats.run({ entry: pool.entry, dimensionIds, what: 'stats' });
        s.ms.push(stats.ms);
        s.cpuMs.push(stats.cpuMs);
        s.gcMs.push(stats.gcMs);
        s.gcCount.push(stats.gcCount);
        s.floorMs.push((await workers[i]!.floor.run({ entry: pool.entry, dimensionIds, what: 'columns' })).ms);
      }
    }
  } finally {
    for (const w of workers) {
      w.stats.stop();
      w.floor.stop();
    }
  }
  // The reference after the app's samples, so its garbage touches none of them.
  for (let run = -2; run < ctx.sizes.calibrationRuns; run++) {
    pools.forEach((pool, i) => {
      const ms = timeOnce(() => reportPoolCalibration(ctx.pack, pool.evidence));
      if (run >= 0) samples[i]!.reportPoolCalibrationMs.push(ms);
    });
  }
  const rounded = (xs: number[]) => xs.map((x) => benchRound(x));
  const bySize = Object.fromEntries(
    pools.map((pool, i) => {
      const s = samples[i]!;
      ctx.log(
        `  calibration ×${pool.factor}: ${pool.ratings} ratings, ${benchRound(benchMedian(s.ms))} ms (first, cold: ${benchRound(s.ms[0]!)} ms; thread CPU ${s.cpuMs.every((x) => x !== null) ? benchRound(benchMedian(s.cpuMs as number[])) : '?'} ms; GC ${benchRound(s.gcMs.reduce((a, b) => a + b, 0))} ms in ${s.gcCount.reduce((a, b) => a + b, 0)} over all samples; full CLI output ${benchRound(benchMedian(s.reportPoolCalibrationMs))} ms)`,
      );
      return [
        String(pool.factor),
        {
          ratings: pool.ratings,
          medianMs: benchMedian(s.ms),
          floorMs: benchMedian(s.floorMs),
          samples: rounded(s.ms),
          firstColdMs: benchRound(s.ms[0]!),
          diagnostics: {
            what: 'of the same samples, not judged: the worker thread’s CPU time (Linux; excludes waiting for a core) and the garbage collections that started during each',
            cpuMedianMs: s.cpuMs.every((x) => x !== null) ? benchRound(benchMedian(s.cpuMs as number[])) : null,
            cpuSamples: s.cpuMs.map((x) => (x === null ? null : benchRound(x))),
            gcSamplesMs: rounded(s.gcMs),
            gcCounts: s.gcCount,
          },
          floorSamples: rounded(s.floorMs),
          referenceCliReportPoolCalibration: {
            what: 'reportPoolCalibration: pool statistics plus every candidate’s calibrated summaries (the CLI report command only); median after 2 warm-up rounds, in the main thread',
            medianMs: benchRound(benchMedian(s.reportPoolCalibrationMs)),
            samples: rounded(s.reportPoolCalibrationMs),
          },
        },
      ];
    }),
  );
  if (ctx.cpuProfileDir) {
    const pool = pools[1]!;
    profile = await nodeProfile(join(ctx.cpuProfileDir, 'calibration.cpuprofile'), () =>
      calibrationPoolStats(poolRatingsColumns(pool.entry, dimensionIds)),
    );
  }
  const one = bySize['1']!;
  const two = bySize['2']!;
  const half = bySize['0.5']!;
  // Scaling: time per rating at 2× over time per rating at 1×, times 2 — i.e. t(2×)/t(1×) for the
  // generated sizes normalised to exactly twice the ratings.
  const scaling = (two.medianMs / one.medianMs) * ((2 * one.ratings) / two.ratings);
  return {
    time: benchFigure(one.medianMs, 'ms', one.floorMs, 300, 'value'),
    scaling: benchFigure(scaling, '×', 2, 2.2, 'value'),
    details: {
      timed:
        'stored pool ratings → poolRatingsColumns → calibrationPoolStats, in a worker thread kept across the samples as the app keeps its statistics worker (the first sample cold, counted)',
      sizes: bySize,
      ...(profile ? { profile: { ...profile, note: 'main thread, 5 runs of the timed path at 1×' } } : {}),
      halfToOne: benchRound((one.medianMs / half.medianMs) * ((2 * half.ratings) / one.ratings)),
      scalingOfCpu:
        one.diagnostics.cpuMedianMs && two.diagnostics.cpuMedianMs
          ? benchRound(
              (two.diagnostics.cpuMedianMs / one.diagnostics.cpuMedianMs) * ((2 * one.ratings) / two.ratings),
              3,
            )
          : null,
    },
  };
}
