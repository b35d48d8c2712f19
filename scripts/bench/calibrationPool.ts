/**
 * Pool calibration + agreement over the whole database, in Node (SPEC §9: ≤ 300 ms at ≈ 250,000
 * ratings, and 2× the data ≤ 2.2× the time), from rows of string ids: the rows → typed-array
 * columns (`calibrationColumnsBuilder`) → `calibrationPoolStats` (leniency offsets with standard
 * errors, Krippendorff's alpha in three metrics and the ICCs per dimension), warm. The app's own
 * path — the stored pool ratings (integer tables) → columns → statistics, in a fresh worker — is
 * the benchmark's `calibrationAgreement` (`metrics/calibration.ts`). For reference it also times
 * `calibrateRatings` (the pool plus every candidate's summaries), which no screen waits for.
 *
 * Data: a seeded pool shaped like the benchmark database — per candidate five interviews by five
 * of a team of ten interviewers, ten dimensions, ≈ 20 % "no evidence", scores from ability +
 * leniency + noise rounded onto 1–4 — at 0.5×, 1× and 2× of 5,000 candidates, sizes timed
 * round-robin after warm-ups. Wall and CPU time are both recorded with the load average: on a
 * shared machine the wall time includes waiting for a core.
 *
 *   node --expose-gc --import tsx scripts/bench/calibrationPool.ts [--runs 15] [--out scripts/bench/results/calibration-pool.json]
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { calibrateRatings } from '../../src/core/calibration/calibrateRatings';
import { calibrationColumnsBuilder } from '../../src/core/calibration/calibrationColumns';
import { calibrationPoolStats } from '../../src/core/calibration/calibrationPoolStats';
import type { RatingObservation } from '../../src/core/calibration/calibrationTypes';
import { benchMedian, benchRound } from './lib/benchStats';
import { benchRandom } from './seed/benchRandom';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const runs = Number(arg('--runs', '15'));
const out = arg('--out', 'scripts/bench/results/calibration-pool.json');
const dimensions = Array.from({ length: 10 }, (_, d) => `dimension-${d}`);

/** Rows as the database holds them: one plain record per rating (what a worker would read). */
function pool(candidates: number): RatingObservation[] {
  const random = benchRandom(candidates);
  const interviewers = Math.max(10, Math.round(candidates / 25));
  const leniency = Array.from({ length: interviewers }, () => random.normal(0, 0.4));
  const rows: RatingObservation[] = [];
  for (let c = 0; c < candidates; c++) {
    const ability = random.normal(2.5, 0.6);
    const team = random.int(0, Math.floor(interviewers / 10) - 1) * 10;
    const panel = random.sample(
      Array.from({ length: 10 }, (_, i) => team + i),
      5,
    );
    for (const r of panel) {
      for (const dimensionId of dimensions) {
        const raw = Math.round(ability + leniency[r]! + random.normal(0, 0.5));
        rows.push({
          candidateId: `candidate-${c}`,
          interviewerId: `interviewer-${r}`,
          dimensionId,
          score: random.chance(0.2) ? null : Math.min(4, Math.max(1, raw)),
        });
      }
    }
  }
  return rows;
}

function poolStatsOf(rows: readonly RatingObservation[]) {
  const builder = calibrationColumnsBuilder(dimensions);
  for (const r of rows) builder.add(r.candidateId, r.interviewerId, r.dimensionId, r.score);
  return calibrationPoolStats(builder.build());
}

/**
 * Wall time, and this process's CPU time (user + system) over the same call: on a machine shared
 * with other work the wall time includes waiting for a core, the CPU time does not.
 */
function timed(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const factors = [0.5, 1, 2];
const pools = factors.map((factor) => pool(Math.round(5000 * factor)));
const poolMs = pools.map(() => [] as number[]);
const poolCpuMs = pools.map(() => [] as number[]);
const fullMs = pools.map(() => [] as number[]);
// Garbage left by one sample (or by another size) is collected before the next, when Node runs
// with --expose-gc, so each sample pays for its own allocations only.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let run = -3; run < runs; run++) {
  pools.forEach((rows, i) => {
    collect();
    const pool = timed(() => poolStatsOf(rows));
    if (run >= 0) {
      poolMs[i]!.push(pool.wall);
      poolCpuMs[i]!.push(pool.cpu);
    }
  });
}
// The full composition, for reference only, after the pool samples so its garbage touches none.
for (let run = 0; run < 3; run++) {
  pools.forEach((rows, i) => {
    collect();
    fullMs[i]!.push(timed(() => calibrateRatings(rows, { dimensionIds: dimensions })).wall);
  });
}
const sizes = Object.fromEntries(
  pools.map((rows, i) => [
    String(factors[i]),
    {
      ratings: rows.length,
      poolStatsMedianMs: benchRound(benchMedian(poolMs[i]!)),
      poolStatsMedianCpuMs: benchRound(benchMedian(poolCpuMs[i]!)),
      calibrateRatingsMedianMs: benchRound(benchMedian(fullMs[i]!)),
      poolStatsSamples: poolMs[i]!.map((x) => benchRound(x)),
    },
  ]),
);
const one = sizes['1']!;
const two = sizes['2']!;
// Time at 2× over time at 1×, normalised to exactly twice the ratings.
const scalingOf = (a: number, b: number) => (b / a) * ((2 * one.ratings) / two.ratings);
const scaling = scalingOf(one.poolStatsMedianMs, two.poolStatsMedianMs);
const scalingCpu = scalingOf(one.poolStatsMedianCpuMs, two.poolStatsMedianCpuMs);
const result = {
  metric: 'pool calibration + agreement (rows → columns → calibrationPoolStats)',
  at: new Date().toISOString(),
  source: execSync('git rev-parse --short HEAD').toString().trim(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadavg: loadavg().map((x) => benchRound(x)) },
  node: process.version,
  gcBetweenSamples: typeof (globalThis as { gc?: unknown }).gc === 'function',
  runs,
  targets: { fullSizeMs: 300, scaling: 2.2 },
  fullSizeMs: one.poolStatsMedianMs,
  scaling: benchRound(scaling, 3),
  pass: one.poolStatsMedianMs <= 300 && scaling <= 2.2,
  fullSizeCpuMs: one.poolStatsMedianCpuMs,
  scalingCpu: benchRound(scalingCpu, 3),
  passCpu: one.poolStatsMedianCpuMs <= 300 && scalingCpu <= 2.2,
  sizes,
};
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(
  JSON.stringify({
    fullSizeMs: result.fullSizeMs,
    scaling: result.scaling,
    pass: result.pass,
    cpu: [result.fullSizeCpuMs, result.scalingCpu],
    sizes: Object.fromEntries(
      Object.entries(sizes).map(([k, v]) => [
        k,
        [v.ratings, v.poolStatsMedianMs, v.poolStatsMedianCpuMs, v.calibrateRatingsMedianMs],
      ]),
    ),
  }),
);
