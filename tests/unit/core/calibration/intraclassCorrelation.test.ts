import { describe, expect, it } from 'vitest';
import { intraclassCorrelation } from '../../../../src/core/calibration/intraclassCorrelation';

/** Shrout & Fleiss (1979), Table 2: six targets rated by four judges. */
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('intraclass correlation (Shrout & Fleiss 1979)', () => {
  it('reproduces the six forms the paper reports for the Table 2 data', () => {
    const result = intraclassCorrelation(shroutFleiss);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.ICC1).toBeCloseTo(0.166, 3);
    expect(result.value.ICC2).toBeCloseTo(0.29, 3);
    expect(result.value.ICC3).toBeCloseTo(0.715, 3);
    expect(result.value.ICC1k).toBeCloseTo(0.443, 3);
    expect(result.value.ICC2k).toBeCloseTo(0.62, 3);
    expect(result.value.ICC3k).toBeCloseTo(0.909, 3);
    // The mean squares of the paper's two-way ANOVA.
    expect(result.value.meanSquares.BMS).toBeCloseTo(11.24, 2);
    expect(result.value.meanSquares.WMS).toBeCloseTo(6.26, 2);
    expect(result.value.meanSquares.JMS).toBeCloseTo(32.49, 2);
    expect(result.value.meanSquares.EMS).toBeCloseTo(1.02, 2);
    expect(result.value.targets).toBe(6);
    expect(result.value.judges).toBe(4);
  });

  it('does not change when the judges are listed in another order', () => {
    const reordered = shroutFleiss.map(([a, b, c, d]) => [d!, b!, a!, c!]);
    const a = intraclassCorrelation(shroutFleiss);
    const b = intraclassCorrelation(reordered);
    if (!a.ok || !b.ok) throw new Error('expected both to compute');
    expect(b.value.ICC2).toBeCloseTo(a.value.ICC2, 12);
  });

  it('ICC(3,1) ignores a judge who is uniformly stricter; ICC(2,1) does not', () => {
    const consistent = [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ];
    const result = intraclassCorrelation(consistent);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.ICC3).toBeCloseTo(1, 12);
    expect(result.value.ICC2).toBeLessThan(1);
  });

  it('refuses a panel that is not fully crossed, naming the missing cell', () => {
    const result = intraclassCorrelation([
      [1, 2, 3],
      [2, null, 3],
      [4, 4, 4],
    ]);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/not fully crossed: candidate 2 has no rating from rater 2/),
    });
    expect(intraclassCorrelation([[1, 2], [3]])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not fully crossed/),
    });
  });

  it('refuses fewer than 2 targets or judges', () => {
    expect(intraclassCorrelation([[1, 2, 3]])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/at least 2 candidates/),
    });
    expect(intraclassCorrelation([[1], [2], [3]])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/at least 2 raters/),
    });
    expect(intraclassCorrelation([])).toMatchObject({ ok: false });
  });

  it('refuses data without variance, and targets that do not differ', () => {
    expect(
      intraclassCorrelation([
        [3, 3],
        [3, 3],
      ]),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/no variance/) });
    expect(
      intraclassCorrelation([
        [1, 3],
        [3, 1],
      ]),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/candidates do not differ/) });
  });
});
