import { describe, expect, it } from 'vitest';
import { calibrateRatings, type RatingObservation } from '../../../../src/core/calibration/calibrateRatings';
import { intraclassCorrelation } from '../../../../src/core/calibration/intraclassCorrelation';
import { krippendorffAlphas } from '../../../../src/core/calibration/krippendorffAlpha';

const r = (
  candidateId: string,
  interviewerId: string,
  dimensionId: string,
  score: number | null,
): RatingObservation => ({
  candidateId,
  interviewerId,
  dimensionId,
  score,
});

/** a rates one point above c, b one point below, on two candidates. */
const lenientAndHarsh = [
  r('c1', 'a', 'communication', 4),
  r('c1', 'b', 'communication', 2),
  r('c1', 'c', 'communication', 3),
  r('c2', 'a', 'communication', 3),
  r('c2', 'b', 'communication', 1),
  r('c2', 'c', 'communication', 2),
];

describe('calibrateRatings: rater leniency', () => {
  it("offsets a rater by their mean deviation from the other panelists' mean, shrunk by n/(n+k)", () => {
    const { raters } = calibrateRatings(lenientAndHarsh);
    // a: 4 − (2+3)/2 = 1.5 and 3 − (1+2)/2 = 1.5 → mean 1.5 over n = 2, shrunk by 2/(2+5).
    expect(raters.a!.overall.meanDeviation).toBeCloseTo(1.5, 12);
    expect(raters.a!.overall.n).toBe(2);
    expect(raters.a!.overall.offset).toBeCloseTo((1.5 * 2) / 7, 12);
    expect(raters.b!.overall.offset).toBeCloseTo((-1.5 * 2) / 7, 12);
    expect(raters.c!.overall.offset).toBe(0);
    expect(raters.a!.ratings).toBe(2);
  });

  it('subtracts the offset from every rating and keeps the raw rating beside it', () => {
    const { candidates } = calibrateRatings(lenientAndHarsh, { shrinkage: 0 });
    const cell = candidates.c1!.dimensions.communication!;
    expect(cell.ratings).toEqual([
      { interviewerId: 'a', raw: 4, calibrated: 2.5, offset: 1.5 },
      { interviewerId: 'b', raw: 2, calibrated: 3.5, offset: -1.5 },
      { interviewerId: 'c', raw: 3, calibrated: 3, offset: 0 },
    ]);
    expect(cell.raw).toBe(3);
    expect(cell.calibrated).toBeCloseTo(3, 12);
  });

  it('moves a candidate seen only by a lenient rater down, and one seen only by a harsh rater up', () => {
    const ratings = [...lenientAndHarsh, r('c3', 'a', 'communication', 3), r('c4', 'b', 'communication', 3)];
    const { candidates } = calibrateRatings(ratings);
    expect(candidates.c3!.calibrated).toBeLessThan(3);
    expect(candidates.c4!.calibrated).toBeGreaterThan(3);
    expect(candidates.c3!.raw).toBe(3);
    expect(candidates.c4!.raw).toBe(3);
  });

  it('uses the per-dimension offset once it rests on enough comparisons, else the overall one', () => {
    // a is lenient on communication only; on incident-leadership a agrees with b.
    const ratings: RatingObservation[] = [];
    for (let i = 0; i < 12; i++) {
      ratings.push(r(`c${i}`, 'a', 'communication', 4), r(`c${i}`, 'b', 'communication', 2));
      ratings.push(r(`c${i}`, 'a', 'incident-leadership', 3), r(`c${i}`, 'b', 'incident-leadership', 3));
    }
    const dimensionLevel = calibrateRatings(ratings, { minDimensionComparisons: 10 }).raters.a!;
    expect(dimensionLevel.dimensions.communication!.applied).toEqual({ offset: (2 * 12) / 17, source: 'dimension' });
    expect(dimensionLevel.dimensions['incident-leadership']!.applied).toEqual({ offset: 0, source: 'dimension' });
    const overallLevel = calibrateRatings(ratings, { minDimensionComparisons: 13 }).raters.a!;
    expect(overallLevel.overall.offset).toBeCloseTo((2 * 12) / 29, 12);
    expect(overallLevel.dimensions.communication!.applied.source).toBe('overall');
    expect(overallLevel.dimensions.communication!.applied.offset).toBeCloseTo((2 * 12) / 29, 12);
  });

  it('treats "no evidence" as missing: it never counts as a rating or a deviation', () => {
    const ratings = [...lenientAndHarsh, r('c1', 'd', 'communication', null), r('c2', 'd', 'communication', null)];
    const withMarks = calibrateRatings(ratings);
    const without = calibrateRatings(lenientAndHarsh);
    expect(withMarks.raters.a!.overall).toEqual(without.raters.a!.overall);
    expect(withMarks.raters.d).toMatchObject({
      ratings: 0,
      noEvidence: 2,
      overall: { offset: 0, n: 0, meanDeviation: null },
    });
    const cell = withMarks.candidates.c1!.dimensions.communication!;
    expect(cell).toMatchObject({ raters: 3, noEvidence: 1, raw: 3 });
    expect(cell.ratings.find((x) => x.interviewerId === 'd')).toEqual({
      interviewerId: 'd',
      raw: null,
      calibrated: null,
      offset: null,
    });
    expect(withMarks.dimensions.communication).toMatchObject({ ratings: 6, noEvidence: 2, raters: 3 });
  });

  it('averages repeated ratings by one interviewer of the same candidate and dimension', () => {
    const { candidates, raters } = calibrateRatings([
      r('c1', 'a', 'communication', 2),
      r('c1', 'a', 'communication', 4),
      r('c1', 'a', 'communication', null),
      r('c1', 'b', 'communication', 3),
    ]);
    const cell = candidates.c1!.dimensions.communication!;
    expect(cell.raters).toBe(2);
    expect(cell.ratings.map((x) => x.raw)).toEqual([3, 3]);
    expect(raters.a!.ratings).toBe(1);
  });
});

describe('calibrateRatings: candidate × dimension summaries', () => {
  it('gives a t-based 90% interval of the calibrated mean, and none for a single rater', () => {
    const { candidates } = calibrateRatings([
      r('c1', 'a', 'communication', 2),
      r('c1', 'b', 'communication', 4),
      r('c2', 'a', 'communication', 3),
    ]);
    const cell = candidates.c1!.dimensions.communication!;
    // Offsets ∓2/6 → calibrated 2⅓ and 3⅔; s = 0.9428, t(0.95, 1) = 6.3138 → half-width 4.2091.
    expect(cell.calibrated).toBeCloseTo(3, 12);
    expect(cell.interval![0]).toBeCloseTo(3 - 4.2091, 3);
    expect(cell.interval![1]).toBeCloseTo(3 + 4.2091, 3);
    expect(cell.spread).toEqual({ sd: Math.SQRT2, min: 2, max: 4 });
    expect(cell.flags).toContain('low-agreement');
    const single = candidates.c2!.dimensions.communication!;
    expect(single.interval).toBeNull();
    expect(single.spread).toEqual({ sd: null, min: 3, max: 3 });
    expect(single.flags).toContain('single-rater');
  });

  it('flags no evidence when every rater marked it, and for pack dimensions nobody rated', () => {
    const { candidates } = calibrateRatings(
      [r('c1', 'a', 'communication', 3), r('c1', 'a', 'iac-engineering', null), r('c1', 'b', 'iac-engineering', null)],
      { dimensionIds: ['communication', 'iac-engineering', 'mentorship-leadership'] },
    );
    const c1 = candidates.c1!;
    expect(c1.dimensions['iac-engineering']).toMatchObject({
      raters: 0,
      noEvidence: 2,
      raw: null,
      calibrated: null,
      flags: ['no-evidence'],
    });
    expect(c1.dimensions['mentorship-leadership']).toMatchObject({ raters: 0, noEvidence: 0, flags: ['no-evidence'] });
    expect(Object.keys(c1.dimensions)).toEqual(['communication', 'iac-engineering', 'mentorship-leadership']);
    // The candidate's score is the mean over rated dimensions only.
    expect(c1).toMatchObject({ raw: 3, ratedDimensions: 1 });
  });

  it('flags low agreement when the dimension is unreliable over the pool even if raters are close here', () => {
    const ratings = [
      r('c1', 'a', 'communication', 1),
      r('c1', 'b', 'communication', 4),
      r('c2', 'a', 'communication', 4),
      r('c2', 'b', 'communication', 1),
      r('c3', 'a', 'communication', 3),
      r('c3', 'b', 'communication', 2),
    ];
    const { candidates, dimensions } = calibrateRatings(ratings);
    expect(dimensions.communication!.krippendorffAlpha.ordinal.alpha).toBeLessThan(0.667);
    expect(candidates.c3!.dimensions.communication!.flags).toEqual(['low-agreement']);
    const agreeing = calibrateRatings(
      ratings.map((x) =>
        x.interviewerId === 'b' ? { ...x, score: ratings.find((y) => y.candidateId === x.candidateId)!.score } : x,
      ),
    );
    expect(agreeing.candidates.c3!.dimensions.communication!.flags).toEqual([]);
  });

  it('keys candidates, raters and dimensions in id order whatever the input order, any id allowed', () => {
    const { candidates, raters, dimensions } = calibrateRatings([
      r('zed', 'yan', 'security-compliance', 3),
      r('__proto__', 'xu', 'communication', 2),
      r('amy', 'yan', 'communication', 4),
    ]);
    expect(Object.keys(candidates)).toEqual(['__proto__', 'amy', 'zed']);
    expect(Object.keys(raters)).toEqual(['xu', 'yan']);
    expect(Object.keys(dimensions)).toEqual(['communication', 'security-compliance']);
    expect(Object.keys(raters.yan!.dimensions)).toEqual(['communication', 'security-compliance']);
    expect(Object.getPrototypeOf(candidates)).toBe(Object.prototype);
    expect(candidates['__proto__']!.raw).toBe(2);
  });

  it('averages candidate scores over dimensions', () => {
    const { candidates } = calibrateRatings([
      r('c1', 'a', 'communication', 2),
      r('c1', 'a', 'iac-engineering', 4),
      r('c1', 'b', 'iac-engineering', 4),
    ]);
    expect(candidates.c1).toMatchObject({ raw: 3, calibrated: 3, ratedDimensions: 2 });
  });
});

describe('calibrateRatings: agreement per dimension', () => {
  const shroutFleiss = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  const crossed = shroutFleiss.flatMap((row, t) => row.map((score, j) => r(`t${t}`, `j${j}`, 'judgement', score)));

  it('computes the ICCs for a fully crossed panel and alpha over the pool', () => {
    const { dimensions } = calibrateRatings(crossed);
    const judgement = dimensions.judgement!;
    expect(judgement).toMatchObject({ candidates: 6, raters: 4, ratings: 24 });
    expect(judgement.icc).toEqual(intraclassCorrelation(shroutFleiss));
    expect(judgement.krippendorffAlpha).toEqual(krippendorffAlphas(shroutFleiss));
  });

  it('gives no ICC, with the reason, when a rater missed a candidate', () => {
    const { dimensions } = calibrateRatings(
      crossed.filter((x) => !(x.candidateId === 't2' && x.interviewerId === 'j1')),
    );
    expect(dimensions.judgement!.icc).toEqual({
      ok: false,
      reason: expect.stringMatching(/not fully crossed: 1 of 24/),
    });
    expect(dimensions.judgement!.krippendorffAlpha.interval.alpha).not.toBeNull();
  });

  it('treats a "no evidence" mark as a missing cell for the ICC', () => {
    const marked = crossed.map((x) => (x.candidateId === 't0' && x.interviewerId === 'j3' ? { ...x, score: null } : x));
    expect(calibrateRatings(marked).dimensions.judgement!.icc.ok).toBe(false);
  });

  it('reports undefined agreement for a single rater and for no data', () => {
    const single = calibrateRatings([r('c1', 'a', 'communication', 3), r('c2', 'a', 'communication', 2)]);
    expect(single.dimensions.communication!.krippendorffAlpha.ordinal).toMatchObject({ alpha: null });
    expect(single.dimensions.communication!.icc).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/at least 2 raters/),
    });
    expect(single.raters.a!.overall).toEqual({ offset: 0, n: 0, meanDeviation: null });
    expect(calibrateRatings([])).toMatchObject({ raters: {}, candidates: {}, dimensions: {} });
  });
});

// ---------------------------------------------------------------------------------------------
// Simulation: interviewers with known leniency rate candidates with known ability.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let t = i; t <= j; t++) out[order[t]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('calibrateRatings: simulated panel with known leniency', () => {
  const leniency: Record<string, number> = { harsh: -1, firm: -0.5, even: 0, kind: 0.5, generous: 1 };
  const interviewers = Object.keys(leniency);
  const dimensions = ['incident-leadership', 'communication', 'iac-engineering'];

  function simulate(seed: number) {
    const random = mulberry32(seed);
    const ability = new Map<string, number>();
    const ratings: RatingObservation[] = [];
    for (let c = 0; c < 120; c++) {
      const candidateId = `cand-${c}`;
      const base = 1.5 + 2 * random();
      ability.set(candidateId, base);
      const panel = [...interviewers].sort(() => random() - 0.5).slice(0, random() < 0.5 ? 3 : 4);
      for (const interviewerId of panel) {
        for (const dimensionId of dimensions) {
          const score = Math.min(4, Math.max(1, Math.round(base + leniency[interviewerId]! + 0.5 * normal(random))));
          ratings.push({ candidateId, interviewerId, dimensionId, score });
        }
      }
    }
    return { ability, ratings };
  }

  for (const seed of [1, 2, 3]) {
    it(`ranks candidates closer to their true ability than raw scores do, and raters by leniency (seed ${seed})`, () => {
      const { ability, ratings } = simulate(seed);
      const { candidates, raters } = calibrateRatings(ratings);
      const ids = [...ability.keys()];
      const truth = ids.map((id) => ability.get(id)!);
      const rhoRaw = spearman(
        ids.map((id) => candidates[id]!.raw!),
        truth,
      );
      const rhoCalibrated = spearman(
        ids.map((id) => candidates[id]!.calibrated!),
        truth,
      );
      expect(rhoCalibrated).toBeGreaterThan(rhoRaw);
      const rhoRaters = spearman(
        interviewers.map((i) => raters[i]!.overall.offset),
        interviewers.map((i) => leniency[i]!),
      );
      expect(rhoRaters).toBeGreaterThanOrEqual(0.9);
    });
  }
});
