/**
 * Ratings as typed-array columns: ids interned once and renumbered in id order, so that the pool
 * statistics run over integers with no object per rating, and every later loop runs in output order.
 */
import type { RatingObservation } from './calibrationTypes';

export interface CalibrationColumns {
  /** Ids in text order; the columns hold positions in these lists. */
  candidateIds: string[];
  raterIds: string[];
  /** Dimensions seen or asked for, in text order. */
  dimensionIds: string[];
  /** Dimensions every candidate should be summarised on (e.g. the pack's), in text order. */
  explicitDimensionIds: string[];
  candidate: Int32Array;
  rater: Int32Array;
  dimension: Int32Array;
  /** The rating; NaN = "no evidence" (never a number in any statistic). */
  score: Float64Array;
}

export interface CalibrationColumnsBuilder {
  /** Adds one rating; `score: null` is "no evidence". Throws a RangeError for a non-finite score. */
  add(candidateId: string, interviewerId: string, dimensionId: string, score: number | null): void;
  build(): CalibrationColumns;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Collects ratings straight into columns (e.g. while reading database rows), growing its arrays
 * by doubling.
 */
export function calibrationColumnsBuilder(dimensionIds: readonly string[] = []): CalibrationColumnsBuilder {
  const candidateIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const dimensionIndex = new Map<string, number>();
  const intern = (id: string, index: Map<string, number>): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = index.size;
      index.set(id, i);
    }
    return i;
  };
  for (const id of dimensionIds) intern(id, dimensionIndex);
  // Rows arrive grouped by interview, so the last candidate and interviewer usually repeat: a
  // string comparison is cheaper than hashing the id again.
  let lastCandidateId = '';
  let lastCandidate = -1;
  let lastInterviewerId = '';
  let lastInterviewer = -1;
  let size = 0;
  let candidate = new Int32Array(1024);
  let rater = new Int32Array(1024);
  let dimension = new Int32Array(1024);
  let score = new Float64Array(1024);
  const grow = () => {
    const capacity = candidate.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    candidate = grown(candidate, (n) => new Int32Array(n));
    rater = grown(rater, (n) => new Int32Array(n));
    dimension = grown(dimension, (n) => new Int32Array(n));
    score = grown(score, (n) => new Float64Array(n));
  };
  return {
    add(candidateId, interviewerId, dimensionId, value) {
      if (value !== null && !Number.isFinite(value)) {
        throw new RangeError(`calibrateRatings: score ${value} is not a finite number (use null for no evidence)`);
      }
      if (size === candidate.length) grow();
      if (lastCandidate < 0 || candidateId !== lastCandidateId) {
        lastCandidate = intern(candidateId, candidateIndex);
        lastCandidateId = candidateId;
      }
      if (lastInterviewer < 0 || interviewerId !== lastInterviewerId) {
        lastInterviewer = intern(interviewerId, raterIndex);
        lastInterviewerId = interviewerId;
      }
      candidate[size] = lastCandidate;
      rater[size] = lastInterviewer;
      dimension[size] = intern(dimensionId, dimensionIndex);
      score[size] = value ?? NaN;
      size++;
    },
    build() {
      const columns: CalibrationColumns = {
        candidate: candidate.slice(0, size),
        rater: rater.slice(0, size),
        dimension: dimension.slice(0, size),
        score: score.slice(0, size),
        candidateIds: [],
        raterIds: [],
        dimensionIds: [],
        explicitDimensionIds: [...new Set(dimensionIds)].sort(byText),
      };
      columns.candidateIds = idsInOrder(candidateIndex, columns.candidate);
      columns.raterIds = idsInOrder(raterIndex, columns.rater);
      columns.dimensionIds = idsInOrder(dimensionIndex, columns.dimension);
      return columns;
    },
  };
}

/** Columns of a list of ratings. */
export function calibrationColumnsFrom(
  ratings: readonly RatingObservation[],
  dimensionIds: readonly string[] = [],
): CalibrationColumns {
  const builder = calibrationColumnsBuilder(dimensionIds);
  for (const r of ratings) builder.add(r.candidateId, r.interviewerId, r.dimensionId, r.score);
  return builder.build();
}

/**
 * Columns of ratings already numbered against id tables (e.g. the stored pool ratings): `candidate`,
 * `rater` and `dimension` hold positions in `tables`, `score` NaN for "no evidence". Ids no rating
 * uses are dropped and the rest renumbered in id order, so the result equals the builder's for the
 * same ratings in the same order. The given arrays are rewritten in place and become the columns.
 */
export function calibrationColumnsOfTables(
  tables: { candidateIds: readonly string[]; raterIds: readonly string[]; dimensionIds: readonly string[] },
  ratings: { candidate: Int32Array; rater: Int32Array; dimension: Int32Array; score: Float64Array },
  dimensionIds: readonly string[] = [],
): CalibrationColumns {
  for (let k = 0; k < ratings.score.length; k++) {
    const value = ratings.score[k]!;
    if (value === Infinity || value === -Infinity) {
      throw new RangeError(`calibrateRatings: score ${value} is not a finite number (use null for no evidence)`);
    }
  }
  const explicitDimensionIds = [...new Set(dimensionIds)].sort(byText);
  return {
    candidateIds: usedIdsInOrder(tables.candidateIds, ratings.candidate, []),
    raterIds: usedIdsInOrder(tables.raterIds, ratings.rater, []),
    dimensionIds: usedIdsInOrder(tables.dimensionIds, ratings.dimension, explicitDimensionIds),
    explicitDimensionIds,
    ...ratings,
  };
}

/**
 * The ids of `table` that `indices` use, with `always` added, sorted; `indices` rewritten in place
 * to positions in that list.
 */
function usedIdsInOrder(table: readonly string[], indices: Int32Array, always: readonly string[]): string[] {
  const isUsed = new Uint8Array(table.length);
  for (let i = 0; i < indices.length; i++) isUsed[indices[i]!] = 1;
  const ids = new Set(always);
  table.forEach((id, i) => {
    if (isUsed[i]) ids.add(id);
  });
  const sorted = [...ids].sort(byText);
  const position = new Map(sorted.map((id, i) => [id, i]));
  const rank = new Int32Array(table.length);
  table.forEach((id, i) => (rank[i] = position.get(id)!));
  for (let i = 0; i < indices.length; i++) indices[i] = rank[indices[i]!]!;
  return sorted;
}

/**
 * The interned ids sorted, with `indices` (which refer to the interning order) rewritten in place
 * to positions in that sorted list.
 */
function idsInOrder(index: Map<string, number>, indices: Int32Array): string[] {
  const ids = [...index.keys()].sort(byText);
  const rank = new Int32Array(ids.length);
  ids.forEach((id, position) => (rank[index.get(id)!] = position));
  for (let i = 0; i < indices.length; i++) indices[i] = rank[indices[i]!]!;
  return ids;
}
