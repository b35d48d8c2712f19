import { describe, expect, it } from 'vitest';
import { calibrateRatings, type RatingObservation } from '../../../../src/core/calibration/calibrateRatings';
import { calibrationColumnsFrom } from '../../../../src/core/calibration/calibrationColumns';
import { calibrationFromPoolStats } from '../../../../src/core/calibration/calibrationFromPoolStats';
import { calibrationPoolStats } from '../../../../src/core/calibration/calibrationPoolStats';

/** A seeded pool: 30 candidates, 6 interviewers (3 per candidate), 4 dimensions, some "no evidence". */
function pool(seed: number): RatingObservation[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const out: RatingObservation[] = [];
  for (let c = 0; c < 30; c++) {
    const ability = random() * 3;
    const panel = [c % 6, (c + 1) % 6, (c + 3) % 6];
    for (const rater of panel)
      for (const dimension of ['a', 'b', 'c', 'd']) {
        const isMissing = random() < 0.1;
        const leniency = (rater - 2.5) * 0.2;
        const score = Math.min(4, Math.max(1, Math.round(1 + ability + leniency + (random() - 0.5))));
        out.push({
          candidateId: `cand-${c}`,
          interviewerId: `rater-${rater}`,
          dimensionId: dimension,
          score: isMissing ? null : score,
        });
      }
  }
  return out;
}

describe('calibrationFromPoolStats', () => {
  it('gives the candidates exactly what the whole-pool calibration gives them, from their own ratings alone', () => {
    const dimensionIds = ['a', 'b', 'c', 'd', 'e'];
    const ratings = pool(42);
    const whole = calibrateRatings(ratings, { dimensionIds });
    const stats = calibrationPoolStats(calibrationColumnsFrom(ratings, dimensionIds));
    const some = new Set(['cand-3', 'cand-17', 'cand-29']);
    const partial = calibrationFromPoolStats(
      stats,
      ratings.filter((r) => some.has(r.candidateId)),
    );
    expect(Object.keys(partial.candidates).sort()).toEqual([...some].sort());
    for (const id of some) expect(partial.candidates[id]).toEqual(whole.candidates[id]);
    expect(partial.raters).toEqual(whole.raters);
    expect(partial.dimensions).toEqual(whole.dimensions);
  });

  it('gives every candidate the same summaries from the pool as from their own ratings, repeats and marks included', () => {
    const dimensionIds = ['a', 'b', 'c', 'd', 'e'];
    const ratings = pool(11);
    // A rater who rated one cell twice (averaged), a cell with a number and a mark from one rater,
    // a cell of marks only, and a dimension outside the pack's list.
    ratings.push(
      { candidateId: 'cand-4', interviewerId: 'rater-4', dimensionId: 'a', score: 1 },
      { candidateId: 'cand-4', interviewerId: 'rater-5', dimensionId: 'b', score: null },
      { candidateId: 'cand-9', interviewerId: 'rater-0', dimensionId: 'z', score: null },
      { candidateId: 'cand-9', interviewerId: 'rater-1', dimensionId: 'y', score: 2 },
    );
    const whole = calibrateRatings(ratings, { dimensionIds });
    const stats = calibrationPoolStats(calibrationColumnsFrom(ratings, dimensionIds));
    const own = calibrationFromPoolStats(stats, ratings);
    expect(Object.keys(whole.candidates)).toEqual(Object.keys(own.candidates));
    for (const id of Object.keys(own.candidates)) expect(whole.candidates[id]).toEqual(own.candidates[id]);
    expect(Object.keys(whole.candidates['cand-9']!.dimensions)).toEqual(['a', 'b', 'c', 'd', 'e', 'y', 'z']);
    expect(whole.candidates['cand-9']!.dimensions['z']!.flags).toEqual(['no-evidence']);
  });

  it('applies the stored offsets: a candidate rated only by a lenient rater is pulled down', () => {
    const ratings = pool(7);
    const stats = calibrationPoolStats(calibrationColumnsFrom(ratings, ['a']));
    const lenient = Object.values(stats.raters).reduce((a, b) => (a.overall.offset > b.overall.offset ? a : b));
    expect(lenient.overall.offset).toBeGreaterThan(0);
    const own: RatingObservation[] = [
      { candidateId: 'new', interviewerId: lenient.interviewerId, dimensionId: 'a', score: 3 },
    ];
    const summary = calibrationFromPoolStats(stats, own).candidates['new']!.dimensions['a']!;
    expect(summary.calibrated).toBeLessThan(3);
    expect(summary.raw).toBe(3);
  });
});
