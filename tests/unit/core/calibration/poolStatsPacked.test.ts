/**
 * Stored pool statistics are packed (`poolStatsPacked`): what is read back must be exactly what was
 * computed — every value, every `null`, every key in its order — or reports would calibrate with
 * other offsets than the pool's.
 */
import { describe, expect, it } from 'vitest';
import type { RatingObservation } from '../../../../src/core/calibration/calibrateRatings';
import { calibrationColumnsFrom } from '../../../../src/core/calibration/calibrationColumns';
import { calibrationFromPoolStats } from '../../../../src/core/calibration/calibrationFromPoolStats';
import { calibrationPoolStats } from '../../../../src/core/calibration/calibrationPoolStats';
import type { CalibrationPoolStats } from '../../../../src/core/calibration/calibrationTypes';
import { poolStatsPacked, poolStatsUnpacked } from '../../../../src/core/calibration/poolStatsPacked';

/** A seeded pool in which some raters never meet a dimension and some cells have no evidence. */
function pool(seed: number, candidates: number, raters: number): RatingObservation[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const out: RatingObservation[] = [];
  for (let c = 0; c < candidates; c++) {
    const ability = random() * 3;
    const panel = [c % raters, (c + 1) % raters, (c + 3) % raters];
    for (const rater of panel)
      for (const dimension of ['a', 'b', 'c', 'd', 'e']) {
        if (dimension === 'e' && rater % 4 === 0) continue;
        const leniency = ((rater % 7) - 3) * 0.15;
        const score = Math.min(4, Math.max(1, Math.round(1 + ability + leniency + (random() - 0.5))));
        out.push({ candidateId: `cand-${c}`, interviewerId: `rater-${rater}`, dimensionId: dimension, score: random() < 0.1 ? null : score });
      }
  }
  // A rater who only ever marked "no evidence": no comparable ratings, so nulls in the statistics.
  out.push({ candidateId: 'cand-0', interviewerId: 'rater-silent', dimensionId: 'a', score: null });
  return out;
}

/** Every key of every object in order, so a reordered record would not compare equal. */
const shape = (value: unknown): unknown => JSON.stringify(value, (_key, v: unknown) => (Number.isNaN(v) ? 'NaN' : v));

describe('poolStatsPacked', () => {
  for (const [candidates, raters] of [
    [40, 6],
    [600, 45],
  ] as const) {
    it(`gives back exactly the statistics packed (${candidates} candidates, ${raters} raters)`, () => {
      const ratings = pool(candidates + raters, candidates, raters);
      const stats = calibrationPoolStats(calibrationColumnsFrom(ratings, ['a', 'b', 'c', 'd', 'e', 'f']));
      const silent = stats.raters['rater-silent']!;
      expect(silent.overall.se).toBeNull();
      expect(silent.overall.meanDeviation).toBeNull();

      const packed = poolStatsPacked(stats);
      expect(packed.raterNumbers).toBeInstanceOf(Float64Array);
      expect(Object.keys(packed.stats)).not.toContain('raters');
      // As IndexedDB would store and give it back.
      const back = poolStatsUnpacked(structuredClone(packed));
      expect(back).toEqual(stats);
      expect(shape(back)).toBe(shape(stats));
      // And a candidate calibrated from it is the one calibrated from the statistics computed.
      const own = ratings.filter((r) => r.candidateId === 'cand-7');
      expect(calibrationFromPoolStats(back, own)).toEqual(calibrationFromPoolStats(stats, own));
    });
  }

  it('refuses a NaN it would otherwise read back as null', () => {
    const stats = calibrationPoolStats(calibrationColumnsFrom(pool(1, 20, 5), ['a', 'b', 'c', 'd', 'e']));
    const broken: CalibrationPoolStats = structuredClone(stats);
    broken.raters['rater-1']!.overall.offset = Number.NaN;
    expect(() => poolStatsPacked(broken)).toThrow(/rater rater-1 is NaN/);
  });
});
