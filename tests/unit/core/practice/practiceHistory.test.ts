import { describe, expect, it } from 'vitest';
import { practiceHistory } from '../../../../src/core/practice/practiceHistory';
import type { PracticeDimensionResult, PracticeScore } from '../../../../src/core/practice/practiceScore';

type Pair = [rating: number | 'no-evidence' | null, key: number | 'no-evidence'];

/** A sealed run's score with only what the history reads: per dimension the rating and the key. */
function score(pairs: Record<string, Pair>): PracticeScore {
  const dimensions = Object.entries(pairs).map(([dimensionId, [rating, key]]): PracticeDimensionResult => {
    const isNumeric = typeof rating === 'number' && typeof key === 'number';
    const difference = isNumeric ? (rating as number) - (key as number) : null;
    return {
      dimensionId,
      title: dimensionId.toUpperCase(),
      rating,
      key,
      distance: difference === null ? null : Math.abs(difference),
      direction:
        difference === null
          ? rating === key
            ? 'match'
            : 'mismatch'
          : difference === 0
            ? 'match'
            : difference > 0
              ? 'lenient'
              : 'severe',
      anchor: null,
      why: '',
    };
  });
  return {
    caseId: 'c',
    title: 'C',
    dimensions,
    meanAbsoluteDistance: null,
    meanSignedDistance: null,
    signals: { matched: [], missed: [], extra: [] },
    keyLevel: 'staff',
  };
}

describe('practiceHistory', () => {
  it('gives per dimension the mean absolute and signed distance over the runs that compared it', () => {
    const history = practiceHistory([
      score({ a: [4, 3], b: [2, 3] }),
      score({ a: [3, 3], b: [1, 3] }),
      score({ a: [4, 2] }),
    ]);
    expect(history.runs).toBe(3);
    expect(history.dimensions).toEqual([
      // a: +1, 0, +2 → |·| mean 1, signed mean 1: lenient
      {
        dimensionId: 'a',
        title: 'A',
        compared: 3,
        mismatches: 0,
        meanAbsoluteDistance: 1,
        meanSignedDistance: 1,
        lean: 'lenient',
      },
      // b: −1, −2 → 1.5 both ways: severe
      {
        dimensionId: 'b',
        title: 'B',
        compared: 2,
        mismatches: 0,
        meanAbsoluteDistance: 1.5,
        meanSignedDistance: -1.5,
        lean: 'severe',
      },
    ]);
    // Over all five compared pairs: |1|+0+|2|+|−1|+|−2| = 6 → 1.2; signed 1+0+2−1−2 = 0 → on the key.
    expect(history.overall).toEqual({ meanAbsoluteDistance: 1.2, meanSignedDistance: 0, lean: 'on-key' });
  });

  it('tells a noisy rater (off both ways) from a lenient one by the signed mean', () => {
    const noisy = practiceHistory([score({ a: [4, 3] }), score({ a: [2, 3] })]).dimensions[0]!;
    const lenient = practiceHistory([score({ a: [4, 3] }), score({ a: [4, 3] })]).dimensions[0]!;
    expect(noisy).toMatchObject({ meanAbsoluteDistance: 1, meanSignedDistance: 0, lean: 'on-key' });
    expect(lenient).toMatchObject({ meanAbsoluteDistance: 1, meanSignedDistance: 1, lean: 'lenient' });
  });

  it('counts "no evidence" against a number as a mismatch, never as a distance', () => {
    const history = practiceHistory([
      score({ a: ['no-evidence', 3], b: [2, 'no-evidence'], c: ['no-evidence', 'no-evidence'] }),
      score({ a: [null, 2], b: [3, 4] }),
    ]);
    expect(history.dimensions).toEqual([
      {
        dimensionId: 'a',
        title: 'A',
        compared: 0,
        mismatches: 2,
        meanAbsoluteDistance: null,
        meanSignedDistance: null,
        lean: null,
      },
      {
        dimensionId: 'b',
        title: 'B',
        compared: 1,
        mismatches: 1,
        meanAbsoluteDistance: 1,
        meanSignedDistance: -1,
        lean: 'severe',
      },
      {
        dimensionId: 'c',
        title: 'C',
        compared: 0,
        mismatches: 0,
        meanAbsoluteDistance: null,
        meanSignedDistance: null,
        lean: null,
      },
    ]);
  });

  it('is empty, not zero, before any sealed run', () => {
    expect(practiceHistory([])).toEqual({
      runs: 0,
      dimensions: [],
      overall: { meanAbsoluteDistance: null, meanSignedDistance: null, lean: null },
    });
  });
});
