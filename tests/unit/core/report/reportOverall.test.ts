import { describe, expect, it } from 'vitest';
import { overallDisagrees } from '../../../../src/core/report/reportOverall';

describe('overallDisagrees', () => {
  // [recommendation, mean of the interviewer's own ratings, flagged]
  const table = [
    ['strong-yes', 3.6, false],
    ['strong-yes', 2.5, false],
    ['strong-yes', 2.4, true],
    ['yes', 2.1, false],
    ['yes', 2.0, true],
    ['no', 2.9, false],
    ['no', 3.0, true],
    ['strong-no', 2.5, false],
    ['strong-no', 2.6, true],
  ] as const;
  for (const [recommendation, mean, flagged] of table) {
    it(`${recommendation} with ratings averaging ${mean}: ${flagged ? 'flagged' : 'consistent'}`, () => {
      expect(overallDisagrees(recommendation, mean)).toBe(flagged);
    });
  }
});
