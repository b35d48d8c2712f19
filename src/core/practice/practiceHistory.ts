/**
 * An interviewer's practice history (SPEC §7a): over their sealed practice runs, per dimension,
 * how far their ratings fell from the expert key on average and in which direction. Frame-of-
 * reference training works by showing a rater their own pattern against a shared standard, so
 * the direction matters as much as the size: a rater who is 1 point off both ways is noisy, one
 * who is always 1 above is lenient.
 */
import type { PracticeScore } from './practiceScore';

/** lenient = on average above the key, severe = below, on-key = the signed mean is exactly 0. */
export type PracticeLean = 'lenient' | 'severe' | 'on-key';

export interface PracticeHistoryRow {
  dimensionId: string;
  title: string;
  /** Runs where both the interviewer and the key gave a number on this dimension. */
  compared: number;
  /** Runs where one side said "no evidence" (or left it unrated) and the other did not. */
  mismatches: number;
  /** Mean |rating − key| over the compared runs; `null` when none were compared. */
  meanAbsoluteDistance: number | null;
  /** Mean (rating − key) over the compared runs: + lenient, − severe; `null` when none. */
  meanSignedDistance: number | null;
  lean: PracticeLean | null;
}

export interface PracticeHistory {
  /** Sealed runs the history is over. */
  runs: number;
  /** One row per dimension any run compared, in order of first appearance. */
  dimensions: PracticeHistoryRow[];
  /** Over every compared (run, dimension) pair; `null` when there are none. */
  overall: { meanAbsoluteDistance: number | null; meanSignedDistance: number | null; lean: PracticeLean | null };
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

const leanOf = (signed: number | null): PracticeLean | null =>
  signed === null ? null : signed > 0 ? 'lenient' : signed < 0 ? 'severe' : 'on-key';

/**
 * Aggregates the scores of sealed practice runs (each as `practiceScore` computed it at seal).
 * A dimension where one side said "no evidence" counts as a mismatch, never as a distance: "no
 * evidence" is not a low score, so it has no numeric distance from one.
 */
export function practiceHistory(scores: readonly PracticeScore[]): PracticeHistory {
  const byDimension = new Map<string, { title: string; signed: number[]; mismatches: number }>();
  for (const score of scores) {
    for (const d of score.dimensions) {
      const entry = byDimension.get(d.dimensionId) ?? { title: d.title, signed: [], mismatches: 0 };
      byDimension.set(d.dimensionId, entry);
      if (typeof d.rating === 'number' && typeof d.key === 'number') entry.signed.push(d.rating - d.key);
      else if (d.direction === 'mismatch') entry.mismatches += 1;
    }
  }
  const dimensions = [...byDimension].map(([dimensionId, { title, signed, mismatches }]): PracticeHistoryRow => {
    const meanSignedDistance = mean(signed);
    return {
      dimensionId,
      title,
      compared: signed.length,
      mismatches,
      meanAbsoluteDistance: mean(signed.map(Math.abs)),
      meanSignedDistance,
      lean: leanOf(meanSignedDistance),
    };
  });
  const allSigned = [...byDimension.values()].flatMap((e) => e.signed);
  const overallSigned = mean(allSigned);
  return {
    runs: scores.length,
    dimensions,
    overall: {
      meanAbsoluteDistance: mean(allSigned.map(Math.abs)),
      meanSignedDistance: overallSigned,
      lean: leanOf(overallSigned),
    },
  };
}
