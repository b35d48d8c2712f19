/**
 * Rater leniency from the pool's cells: each rater's offset overall and per dimension, and which
 * of the two is applied to their ratings on a dimension.
 */
import type { CalibrationColumns } from './calibrationColumns';
import type { CalibrationPoolCells } from './calibrationPoolCells';
import type { RaterCalibration, RaterOffset, ResolvedCalibrationOptions } from './calibrationTypes';
import { recordSet } from './recordSet';

/**
 * On every candidate × dimension rated by m ≥ 2 interviewers, each interviewer's deviation is
 * their rating minus the mean of the other m − 1 ratings. An interviewer's offset (per dimension,
 * and overall across dimensions) is the mean of those n deviations shrunk toward 0 by n/(n + k).
 * The per-dimension offset is applied once it rests on at least `minDimensionComparisons`
 * comparisons, otherwise the overall one. Raters come back in id order, their dimensions too.
 */
export function calibrationLeniency(
  columns: CalibrationColumns,
  cells: CalibrationPoolCells,
  opts: ResolvedCalibrationOptions,
): RaterCalibration[] {
  const { raterIds, dimensionIds } = columns;
  const R = raterIds.length;
  const D = dimensionIds.length;
  const { cellStart, cellRaters, cellSum, entryRater, entryValue, dimensionCellStart } = cells;
  // Per rater × dimension accumulators, flat: index r·D + d.
  const deviation = new Float64Array(R * D);
  const comparisons = new Int32Array(R * D);
  const numeric = new Int32Array(R * D);
  const noEvidence = new Int32Array(R * D);
  const seen = new Uint8Array(R * D);
  for (let d = 0; d < D; d++) {
    for (let cell = dimensionCellStart[d]!; cell < dimensionCellStart[d + 1]!; cell++) {
      const m = cellRaters[cell]!;
      const sum = cellSum[cell]!;
      for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
        const rd = entryRater[e]! * D + d;
        seen[rd] = 1;
        const x = entryValue[e]!;
        if (Number.isNaN(x)) {
          noEvidence[rd]! += 1;
          continue;
        }
        numeric[rd]! += 1;
        if (m < 2) continue;
        deviation[rd]! += x - (sum - x) / (m - 1);
        comparisons[rd]! += 1;
      }
    }
  }
  const k = opts.shrinkage;
  const offsetOf = (sum: number, n: number): RaterOffset => ({
    offset: n === 0 ? 0 : clean(sum / (n + k)),
    n,
    meanDeviation: n === 0 ? null : clean(sum / n),
  });
  return raterIds.map((interviewerId, r) => {
    let sum = 0;
    let n = 0;
    let ratings = 0;
    let marks = 0;
    for (let d = 0; d < D; d++) {
      sum += deviation[r * D + d]!;
      n += comparisons[r * D + d]!;
      ratings += numeric[r * D + d]!;
      marks += noEvidence[r * D + d]!;
    }
    const overall = offsetOf(sum, n);
    const record: RaterCalibration = { interviewerId, ratings, noEvidence: marks, overall, dimensions: {} };
    for (let d = 0; d < D; d++) {
      const rd = r * D + d;
      if (!seen[rd]) continue;
      const own = offsetOf(deviation[rd]!, comparisons[rd]!);
      const useDimension = comparisons[rd]! >= opts.minDimensionComparisons;
      recordSet(record.dimensions, dimensionIds[d]!, {
        ...own,
        ratings: numeric[rd]!,
        noEvidence: noEvidence[rd]!,
        applied: useDimension ? { offset: own.offset, source: 'dimension' } : { offset: overall.offset, source: 'overall' },
      });
    }
    return record;
  });
}

function clean(x: number): number {
  return x === 0 ? 0 : x;
}
