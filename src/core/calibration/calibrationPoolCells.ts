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
  const R = columns.raterIds.length;
  const D = columns.dimensionIds.length;
  // Ratings in (dimension, candidate, rater) order, ties in input order: one stable counting sort
  // by cell, then each cell's few ratings stably by rater.
  const cellKey = new Int32Array(N);
  for (let i = 0; i < N; i++) cellKey[i] = dimension[i]! * C + candidate[i]!;
  const order = countingSort(N, D * C, cellKey, null);
  byRaterWithinCells(order, cellKey, rater);

  const entryRater = new Int32Array(N);
  const entrySum = new Float64Array(N);
  const entryCount = new Int32Array(N);
  const cellStart = new Int32Array(N + 1);
  const cellCandidate = new Int32Array(N);
  const cellDimension = new Int32Array(N);
  const dimensionCellStart = new Int32Array(D + 1);
  const raterStamp = new Int32Array(R).fill(-1);
  const raterSlot = new Int32Array(R);
  let entries = 0;
  let cells = 0;
  let currentDimension = -1;
  for (let i = 0; i < N;) {
    const first = order[i]!;
    const c = candidate[first]!;
    const d = dimension[first]!;
    while (currentDimension < d) dimensionCellStart[++currentDimension] = cells;
    const cell = cells++;
    cellStart[cell] = entries;
    cellCandidate[cell] = c;
    cellDimension[cell] = d;
    for (; i < N; i++) {
      const o = order[i]!;
      if (candidate[o] !== c || dimension[o] !== d) break;
      const r = rater[o]!;
      let e: number;
      if (raterStamp[r] === cell) e = raterSlot[r]!;
      else {
        e = entries++;
        raterStamp[r] = cell;
        raterSlot[r] = e;
        entryRater[e] = r;
      }
      const x = score[o]!;
      if (!Number.isNaN(x)) {
        entrySum[e]! += x;
        entryCount[e]! += 1;
      }
    }
  }
  while (currentDimension < D) dimensionCellStart[++currentDimension] = cells;
  cellStart[cells] = entries;

  const entryValue = new Float64Array(entries);
  for (let e = 0; e < entries; e++) entryValue[e] = entryCount[e]! > 0 ? entrySum[e]! / entryCount[e]! : NaN;
  const cellRaters = new Int32Array(cells);
  const cellSum = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
      if (entryCount[e]! > 0) {
        cellRaters[cell]! += 1;
        cellSum[cell]! += entryValue[e]!;
      }
    }
  }
  return {
    cellStart: cellStart.slice(0, cells + 1),
    cellCandidate: cellCandidate.slice(0, cells),
    cellDimension: cellDimension.slice(0, cells),
    dimensionCellStart,
    cellRaters,
    cellSum,
    entryRater: entryRater.slice(0, entries),
    entryValue,
  };
}

/** Sorts each run of `order` with one cell key by rater, keeping input order among equals (insertion sort: a cell holds a panel's few ratings). */
function byRaterWithinCells(order: Int32Array, cellKey: Int32Array, rater: Int32Array): void {
  for (let from = 0; from < order.length;) {
    let to = from + 1;
    while (to < order.length && cellKey[order[to]!] === cellKey[order[from]!]) to++;
    for (let i = from + 1; i < to; i++) {
      const item = order[i]!;
      const r = rater[item]!;
      let j = i - 1;
      for (; j >= from && rater[order[j]!]! > r; j--) order[j + 1] = order[j]!;
      order[j + 1] = item;
    }
    from = to;
  }
}

/**
 * Stable counting sort of `count` items by an integer key in [0, buckets); `input` is the item
 * order to keep within a key (identity when `null`). Returns the sorted item indices.
 */
function countingSort(count: number, buckets: number, key: Int32Array, input: Int32Array | null): Int32Array {
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) starts[key[i]! + 1]! += 1;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const item = input === null ? i : input[i]!;
    out[starts[key[item]!]!++] = item;
  }
  return out;
}
