/**
 * Calibration + agreement over the whole database (SPEC §9: ≤ 300 ms, and 2× the data ≤ 2.2× the
 * time). In Node, `reportPoolCalibration` — what the report screens call: sealed ratings of the
 * pack's loops → observations → `calibrateRatings` (leniency offsets, calibrated summaries with
 * intervals and flags, Krippendorff's alpha in three metrics and the ICCs per dimension) — over
 * the generated pool at half, full and double size. Floor: the one pass that turns the rows into
 * observations (`reportObservations`), which any calibration has to make.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { reportObservations, reportPoolCalibration } from '../../../src/core/report/reportBuild';
import { benchDataset } from '../seed/benchDataset';
import type { BenchContext } from '../lib/benchContext';
import { benchProfileSummarise, type BenchProfileSummary } from '../lib/benchProfile';
import { benchFigure, benchMedian, benchRound, type BenchFigure } from '../lib/benchStats';

function timeRuns(runs: number, warmup: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    fn();
    const ms = performance.now() - started;
    if (i >= warmup) out.push(ms);
  }
  return out;
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

export async function calibrationMeasure(
  ctx: BenchContext,
): Promise<{ time: BenchFigure; scaling: BenchFigure; details: unknown }> {
  const now = Date.now();
  let profile: BenchProfileSummary | null = null;
  const factors = [0.5, 1, 2];
  const pools = factors.map((factor) => {
    const { content } = benchDataset(ctx.pack, {
      candidates: Math.round(ctx.sizes.candidates * factor),
      now,
      withEvidence: false,
    });
    return {
      factor,
      content,
      evidence: { interviews: content.interviews, ratings: content.ratings, loops: content.loops },
    };
  });
  // Warm-up on every size, then the sizes round-robin so drift (JIT, GC, other load) hits all alike.
  const samples = pools.map(() => [] as number[]);
  const floors = pools.map(() => [] as number[]);
  for (let run = -2; run < ctx.sizes.calibrationRuns; run++) {
    pools.forEach((pool, i) => {
      const [ms] = timeRuns(1, 0, () => reportPoolCalibration(ctx.pack, pool.evidence));
      const [floorMs] = timeRuns(1, 0, () => reportObservations(pool.content.interviews, pool.content.ratings));
      if (run >= 0) {
        samples[i]!.push(ms!);
        floors[i]!.push(floorMs!);
      }
    });
  }
  const bySize: Record<string, { ratings: number; medianMs: number; floorMs: number; samples: number[] }> = {};
  pools.forEach((pool, i) => {
    bySize[String(pool.factor)] = {
      ratings: pool.content.ratings.length,
      medianMs: benchMedian(samples[i]!),
      floorMs: benchMedian(floors[i]!),
      samples: samples[i]!.map((x) => benchRound(x)),
    };
    ctx.log(
      `  calibration ×${pool.factor}: ${pool.content.ratings.length} ratings, ${benchRound(benchMedian(samples[i]!))} ms`,
    );
  });
  if (ctx.cpuProfileDir) {
    const pool = pools[1]!;
    profile = await nodeProfile(join(ctx.cpuProfileDir, 'calibration.cpuprofile'), () =>
      reportPoolCalibration(ctx.pack, pool.evidence),
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
      sizes: bySize,
      ...(profile ? { profile } : {}),
      halfToOne: benchRound((one.medianMs / half.medianMs) * ((2 * half.ratings) / one.ratings)),
    },
  };
}
