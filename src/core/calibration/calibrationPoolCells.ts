/**
 * The pool's ratings grouped into cells (one dimension × candidate) and entries (one per cell ×
 * rater, a rater's repeated ratings of the cell averaged), ordered by dimension, candidate, rater.
 * Every pool statistic reads these flat arrays; grouping is by counting sort, linear in ratings.
 */
import type { CalibrationColumns } from './calibrationColumns';

export interface CalibrationPoolCells {
  /** Entries of cell i are [cellStart[i], cellStart[i + 1]). */
  cellStart: Int32Array;
  cellCandidate: Int32Array;
  cellDimension: Int32Array;
  /** Cells of dimension d are [dimensionCellStart[d], dimensionCellStart[d + 1]). */
  dimensionCellStart: Int32Array;
  /** Numeric ratings per cell, and their sum. */
  cellRaters: Int32Array;
  cellSum: Float64Array;
  entryRater: Int32Array;
  /** The entry's rating (mean of the rater's repeats); NaN = only "no evidence" marks. */
  entryValue: Float64Array;
}

export function calibrationPoolCells(columns: CalibrationColumns): CalibrationPoolCells {
  const { candidate, rater, dimension, score } = columns;
  const N = score.length;
  const C = columns.candidateIds.length;
  const D = columns.dimensionIds.length;
  // Ratings in (dimension, candidate, rater) order, ties in input order: one stable counting sort
  // by cell that carries each rating's rater and score along (so every later pass reads in order,
  // with no gather from the input columns), then each cell's few ratings stably by rater.
  const cellsStart = new Int32Array(D * C + 1);
  for (let i = 0; i < N; i++) cellsStart[dimension[i]! * C + candidate[i]! + 1]! += 1;
  for (let b = 0; b < D * C; b++) cellsStart[b + 1]! += cellsStart[b]!;
  const sortedRater = new Int32Array(N);
  const sortedScore = new Float64Array(N);
  const next = cellsStart.slice(0, D * C);
  for (let i = 0; i < N; i++) {
    const at = next[dimension[i]! * C + candidate[i]!]!++;
    sortedRater[at] = rater[i]!;
    sortedScore[at] = score[i]!;
  }
  byRaterWithinCells(cellsStart, sortedRater, sortedScore);
  return cellsOfSorted(cellsStart, C, D, sortedRater, sortedScore);
}

/**
 * The cells and entries of ratings sorted by (dimension, candidate, rater): the ratings of cell
 * d · C + c are [cellsStart[d · C + c], cellsStart[d · C + c + 1]), an empty range for a pair
 * with no rating. A rater's repeats in a cell are adjacent; their numeric scores are averaged.
 * The entries are written over the sorted ratings they come from (entry e from ratings at e or
 * later, read before it is written): no second pair of rating-sized arrays.
 */
function cellsOfSorted(
  cellsStart: Int32Array,
  C: number,
  D: number,
  sortedRater: Int32Array,
  sortedScore: Float64Array,
): CalibrationPoolCells {
  let cellCount = 0;
  for (let b = 0; b < D * C; b++) if (cellsStart[b + 1]! > cellsStart[b]!) cellCount++;
  const entryRater = sortedRater;
  const entryValue = sortedScore;
  const cellStart = new Int32Array(cellCount + 1);
  const cellCandidate = new Int32Array(cellCount);
  const cellDimension = new Int32Array(cellCount);
  const cellRaters = new Int32Array(cellCount);
  const cellSum = new Float64Array(cellCount);
  const dimensionCellStart = new Int32Array(D + 1);
  let entries = 0;
  let cells = 0;
  for (let d = 0; d < D; d++) {
    dimensionCellStart[d] = cells;
    for (let c = 0; c < C; c++) {
      const from = cellsStart[d * C + c]!;
      const to = cellsStart[d * C + c + 1]!;
      if (from === to) continue;
      const cell = cells++;
      cellStart[cell] = entries;
      cellCandidate[cell] = c;
      cellDimension[cell] = d;
      let raters = 0;
      let sum = 0;
      // One entry per run of the same rater: the mean of its numeric scores (NaN if none).
      for (let i = from; i < to; ) {
        const r = sortedRater[i]!;
        let entrySum = 0;
        let entryCount = 0;
        for (; i < to && sortedRater[i] === r; i++) {
          const x = sortedScore[i]!;
          if (Number.isNaN(x)) continue;
          entrySum += x;
          entryCount++;
        }
        const value = entryCount > 0 ? entrySum / entryCount : NaN;
        entryRater[entries] = r;
        entryValue[entries++] = value;
        if (entryCount > 0) {
          raters++;
          sum += value;
        }
      }
      cellRaters[cell] = raters;
      cellSum[cell] = sum;
    }
  }
  dimensionCellStart[D] = cells;
  cellStart[cells] = entries;
  return {
    cellStart,
    cellCandidate,
    cellDimension,
    dimensionCellStart,
    cellRaters,
    cellSum,
    entryRater: entryRater.subarray(0, entries),
    entryValue: entryValue.subarray(0, entries),
  };
}

/** Sorts each cell's ratings by rater, keeping input order among equals (insertion sort: a cell holds a panel's few ratings). */
function byRaterWithinCells(cellsStart: Int32Array, sortedRater: Int32Array, sortedScore: Float64Array): void {
  for (let b = 0; b + 1 < cellsStart.length; b++) {
    const from = cellsStart[b]!;
    const to = cellsStart[b + 1]!;
    for (let i = from + 1; i < to; i++) {
      const r = sortedRater[i]!;
      if (sortedRater[i - 1]! <= r) continue;
      const x = sortedScore[i]!;
      let j = i - 1;
      for (; j >= from && sortedRater[j]! > r; j--) {
        sortedRater[j + 1] = sortedRater[j]!;
        sortedScore[j + 1] = sortedScore[j]!;
      }
      sortedRater[j + 1] = r;
      sortedScore[j + 1] = x;
    }
  }
}
