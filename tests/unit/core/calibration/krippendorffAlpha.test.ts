import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  krippendorffAlpha,
  krippendorffAlphas,
  type AlphaMetric,
} from '../../../../src/core/calibration/krippendorffAlpha';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1-5, with missing data. Rows are observers A-D, columns units 1-12.
 */
const reliabilityData: Array<Array<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const byUnit = (observers: Array<Array<number | null>>) => observers[0]!.map((_v, u) => observers.map((o) => o[u]!));

/** The textbook computation: build the coincidence matrix, then sum over value pairs. */
function alphaByCoincidenceMatrix(units: Array<Array<number | null>>, metric: AlphaMetric): number | null {
  const pairable = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const at = new Map(values.map((v, i) => [v, i]));
  const V = values.length;
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const unit of pairable) {
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[at.get(unit[i]!)!]![at.get(unit[j]!)!]! += 1 / (unit.length - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const delta2 = (c: number, k: number): number => {
    if (metric === 'nominal') return c === k ? 0 : 1;
    if (metric === 'interval') return (values[c]! - values[k]!) ** 2;
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g]!;
    return (sum - (nc[c]! + nc[k]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      observed += o[c]![k]! * delta2(c, k);
      expected += nc[c]! * nc[k]! * delta2(c, k);
    }
  }
  if (n === 0 || expected === 0) return null;
  return 1 - (n - 1) * (observed / expected);
}

describe("Krippendorff's alpha", () => {
  it('reproduces the reliability-data example of Krippendorff (2011)', () => {
    const units = byUnit(reliabilityData);
    const all = krippendorffAlphas(units);
    expect(all.nominal.alpha).toBeCloseTo(0.743, 3);
    expect(all.ordinal.alpha).toBeCloseTo(0.815, 3);
    expect(all.interval.alpha).toBeCloseTo(0.849, 3);
    // Unit 12 has a single value and is not pairable: 11 units, 40 pairable values.
    expect(all.nominal.pairableUnits).toBe(11);
    expect(all.nominal.pairableValues).toBe(40);
    expect(krippendorffAlpha(units, 'ordinal')).toEqual(all.ordinal);
  });

  it('reproduces the two-coder binary example of Krippendorff (2011): alpha = 0.095', () => {
    const coderA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const coderB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const units = coderA.map((a, u) => [a, coderB[u]!]);
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.095, 3);
  });

  it('is 1 for perfect agreement and does not depend on rater order within a unit', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2, 2],
          [4, null, 4],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
    const units = byUnit(reliabilityData);
    const shuffled = units.map((u) => [...u].reverse());
    expect(krippendorffAlpha(shuffled, 'interval').alpha).toBeCloseTo(krippendorffAlpha(units, 'interval').alpha!, 12);
  });

  it('ordinal alpha depends only on the order of the values, interval alpha on their distances', () => {
    const units = byUnit(reliabilityData);
    const stretched = units.map((u) => u.map((v) => (v === null ? null : v ** 3)));
    expect(krippendorffAlpha(stretched, 'ordinal').alpha).toBeCloseTo(krippendorffAlpha(units, 'ordinal').alpha!, 12);
    expect(krippendorffAlpha(stretched, 'interval').alpha).not.toBeCloseTo(
      krippendorffAlpha(units, 'interval').alpha!,
      3,
    );
  });

  it('is undefined, with a reason, when every compared rating is the same', () => {
    const result = krippendorffAlpha([[3, 3], [3, 3, 3], [2]], 'ordinal');
    expect(result.alpha).toBeNull();
    expect(result.reason).toMatch(/no variation/);
  });

  it('is undefined when there is a single rater (no unit has two values)', () => {
    const result = krippendorffAlpha([[1], [2], [4], [3]], 'interval');
    expect(result.alpha).toBeNull();
    expect(result.reason).toMatch(/two or more raters/);
    expect(result.pairableValues).toBe(0);
  });

  it('is undefined when every rating is missing, and for no units at all', () => {
    expect(krippendorffAlpha([[null, null], [undefined]], 'nominal').alpha).toBeNull();
    expect(krippendorffAlpha([], 'nominal').alpha).toBeNull();
  });

  it('agrees with the coincidence-matrix computation on arbitrary data', () => {
    const unitArb = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom<AlphaMetric>('nominal', 'ordinal', 'interval'),
        (units, metric) => {
          const expected = alphaByCoincidenceMatrix(units, metric);
          const actual = krippendorffAlpha(units, metric).alpha;
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
