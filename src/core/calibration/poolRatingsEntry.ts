/**
 * The pool's sealed ratings in the compact form the app stores beside the pool statistics (see
 * `renderer/db/poolRatings`): string tables and typed-array columns, one slice of ratings per
 * interview. Pure, so the recomputation after a change and the benchmark run the same code.
 */
import type { Interview, Rating } from '../model/records';
import { calibrationColumnsOfTables, type CalibrationColumns } from './calibrationColumns';
import { byCodeUnits } from '../text/codeUnitOrder';

/** One sealed interview of the pool: who rated whom, and the ratings (score null = no evidence). */
export interface PoolInterview {
  candidateId: string;
  interviewerId: string;
  dimensionIds: string[];
  scores: Array<number | null>;
}

/** The stored form: string tables and typed-array columns (IndexedDB copies them out fast). */
export interface PoolRatingsEntry {
  format: typeof POOL_RATINGS_FORMAT;
  /** The audit entry the ratings are of. */
  auditSeq: number;
  auditHash: string;
  /** Sealed interviews of the pack's loops, in id order. */
  interviewIds: string[];
  /** Tables the columns below index into. */
  candidateIds: string[];
  interviewerIds: string[];
  dimensionIds: string[];
  interviewCandidate: Int32Array;
  interviewInterviewer: Int32Array;
  /** Ratings of interview i are [ratingStart[i], ratingStart[i + 1]). */
  ratingStart: Int32Array;
  ratingDimension: Int32Array;
  /** NaN = "no evidence". */
  ratingScore: Float64Array;
}

export const POOL_RATINGS_FORMAT = 1;

/** The pool interview of a sealed interview and its ratings (in its evidence row's order: by dimension). */
export function poolInterviewOf(
  interview: Pick<Interview, 'candidateId' | 'interviewerId'>,
  ratings: readonly Rating[],
): PoolInterview {
  return {
    candidateId: interview.candidateId,
    interviewerId: interview.interviewerId,
    dimensionIds: ratings.map((r) => r.dimensionId),
    scores: ratings.map((r) => (r.state === 'rated' ? r.score : null)),
  };
}

/** The stored entry as a map by interview id. */
export function poolRatingsDecode(entry: PoolRatingsEntry): Map<string, PoolInterview> {
  const out = new Map<string, PoolInterview>();
  for (let i = 0; i < entry.interviewIds.length; i++) {
    const dimensionIds: string[] = [];
    const scores: Array<number | null> = [];
    for (let k = entry.ratingStart[i]!; k < entry.ratingStart[i + 1]!; k++) {
      dimensionIds.push(entry.dimensionIds[entry.ratingDimension[k]!]!);
      const score = entry.ratingScore[k]!;
      scores.push(Number.isNaN(score) ? null : score);
    }
    out.set(entry.interviewIds[i]!, {
      candidateId: entry.candidateIds[entry.interviewCandidate[i]!]!,
      interviewerId: entry.interviewerIds[entry.interviewInterviewer[i]!]!,
      dimensionIds,
      scores,
    });
  }
  return out;
}

/** The compact entry of `pool`, interviews in id order. */
export function poolRatingsEncode(
  pool: ReadonlyMap<string, PoolInterview>,
  auditSeq: number,
  auditHash: string,
): PoolRatingsEntry {
  const interviewIds = [...pool.keys()].sort(byCodeUnits);
  let ratingCount = 0;
  for (const p of pool.values()) ratingCount += p.scores.length;
  const fill = entryFill(interviewIds, ratingCount);
  interviewIds.forEach((id, i) => fill.interview(i, pool.get(id)!));
  return fill.done(auditSeq, auditHash);
}

/** A string table rebuilt in first-use order, taking strings or indices into an old table. */
function tableRemap(oldIds: readonly string[]) {
  const table = new Map<string, number>();
  const fromOld = new Int32Array(oldIds.length).fill(-1);
  const intern = (id: string) => {
    let i = table.get(id);
    if (i === undefined) table.set(id, (i = table.size));
    return i;
  };
  return {
    intern,
    old: (index: number) => {
      let i = fromOld[index]!;
      if (i < 0) fromOld[index] = i = intern(oldIds[index]!);
      return i;
    },
    ids: () => [...table.keys()],
  };
}

/**
 * An entry of `interviewIds` filled interview by interview in that order (from a pool interview,
 * or copied from `old`'s interview j), its string tables interned in first-use order.
 */
function entryFill(interviewIds: string[], ratingCount: number, old?: PoolRatingsEntry) {
  const tables = {
    candidate: tableRemap(old?.candidateIds ?? []),
    interviewer: tableRemap(old?.interviewerIds ?? []),
    dimension: tableRemap(old?.dimensionIds ?? []),
  };
  const columns = {
    interviewCandidate: new Int32Array(interviewIds.length),
    interviewInterviewer: new Int32Array(interviewIds.length),
    ratingStart: new Int32Array(interviewIds.length + 1),
    ratingDimension: new Int32Array(ratingCount),
    ratingScore: new Float64Array(ratingCount),
  };
  let k = 0;
  return {
    interview(i: number, p: PoolInterview) {
      columns.interviewCandidate[i] = tables.candidate.intern(p.candidateId);
      columns.interviewInterviewer[i] = tables.interviewer.intern(p.interviewerId);
      columns.ratingStart[i] = k;
      for (let n = 0; n < p.scores.length; n++, k++) {
        columns.ratingDimension[k] = tables.dimension.intern(p.dimensionIds[n]!);
        columns.ratingScore[k] = p.scores[n] ?? NaN;
      }
    },
    copied(i: number, j: number) {
      const from = old!;
      columns.interviewCandidate[i] = tables.candidate.old(from.interviewCandidate[j]!);
      columns.interviewInterviewer[i] = tables.interviewer.old(from.interviewInterviewer[j]!);
      columns.ratingStart[i] = k;
      const end = from.ratingStart[j + 1]!;
      for (let r = from.ratingStart[j]!; r < end; r++, k++) {
        columns.ratingDimension[k] = tables.dimension.old(from.ratingDimension[r]!);
        columns.ratingScore[k] = from.ratingScore[r]!;
      }
    },
    done(auditSeq: number, auditHash: string): PoolRatingsEntry {
      columns.ratingStart[interviewIds.length] = k;
      return {
        format: POOL_RATINGS_FORMAT,
        auditSeq,
        auditHash,
        interviewIds,
        candidateIds: tables.candidate.ids(),
        interviewerIds: tables.interviewer.ids(),
        dimensionIds: tables.dimension.ids(),
        ...columns,
      };
    },
  };
}

/**
 * `entry` with some interviews replaced or added (`changes`, by id) or removed (`null`), at another
 * audit head: exactly the entry `poolRatingsEncode` gives for the decoded pool with those changes,
 * made without an object per interview or a sort of the whole pool — after a seal one interview
 * changes among tens of thousands. An entry whose interviews are not in id order is re-encoded.
 */
export function poolRatingsPatched(
  entry: PoolRatingsEntry,
  changes: ReadonlyMap<string, PoolInterview | null>,
  auditSeq: number,
  auditHash: string,
): PoolRatingsEntry {
  const order = patchedOrder(entry, changes);
  if (!order) return poolRatingsReencoded(entry, changes, auditSeq, auditHash);
  const { ids, from, changed } = order;
  let ratingCount = 0;
  for (let i = 0; i < ids.length; i++) {
    const j = from[i]!;
    ratingCount += j >= 0 ? entry.ratingStart[j + 1]! - entry.ratingStart[j]! : changed[i]!.scores.length;
  }
  const fill = entryFill(ids, ratingCount, entry);
  for (let i = 0; i < ids.length; i++) {
    const j = from[i]!;
    if (j >= 0) fill.copied(i, j);
    else fill.interview(i, changed[i]!);
  }
  return fill.done(auditSeq, auditHash);
}

/**
 * The patched pool's interviews in id order, each from `entry` (`from[i]`, its index there) or
 * changed (`from[i]` = -1, `changed[i]`); null when `entry`'s interviews are not in id order.
 */
function patchedOrder(
  entry: PoolRatingsEntry,
  changes: ReadonlyMap<string, PoolInterview | null>,
): { ids: string[]; from: Int32Array; changed: Array<PoolInterview | undefined> } | null {
  const changedIds = [...changes.keys()].sort(byCodeUnits);
  const old = entry.interviewIds;
  const ids: string[] = [];
  const from = new Int32Array(old.length + changedIds.length);
  const changed: Array<PoolInterview | undefined> = [];
  let c = 0;
  const takeChanged = () => {
    const id = changedIds[c++]!;
    const p = changes.get(id);
    if (!p) return;
    from[ids.length] = -1;
    changed[ids.length] = p;
    ids.push(id);
  };
  for (let j = 0; j < old.length; j++) {
    const id = old[j]!;
    if (j > 0 && old[j - 1]! >= id) return null;
    while (c < changedIds.length && changedIds[c]! < id) takeChanged();
    if (changedIds[c] === id) takeChanged();
    else {
      from[ids.length] = j;
      ids.push(id);
    }
  }
  while (c < changedIds.length) takeChanged();
  return { ids, from: from.subarray(0, ids.length), changed };
}

/** {@link poolRatingsPatched} the long way: decoded, changed, encoded. */
function poolRatingsReencoded(
  entry: PoolRatingsEntry,
  changes: ReadonlyMap<string, PoolInterview | null>,
  auditSeq: number,
  auditHash: string,
): PoolRatingsEntry {
  const pool = poolRatingsDecode(entry);
  for (const [id, changed] of changes) {
    if (changed) pool.set(id, changed);
    else pool.delete(id);
  }
  return poolRatingsEncode(pool, auditSeq, auditHash);
}

/**
 * The calibration columns of the stored ratings: the same columns as
 * `calibrationColumnsFrom(reportObservations(interviews, ratings), dimensionIds)` over the
 * whole-pool read, with no object per rating.
 */
export function poolRatingsColumns(entry: PoolRatingsEntry, dimensionIds: readonly string[]): CalibrationColumns {
  const count = entry.ratingScore.length;
  const candidate = new Int32Array(count);
  const rater = new Int32Array(count);
  for (let i = 0; i < entry.interviewIds.length; i++) {
    const c = entry.interviewCandidate[i]!;
    const r = entry.interviewInterviewer[i]!;
    // A plain loop: an interview has a handful of ratings, too few for a call to fill to pay.
    for (let k = entry.ratingStart[i]!; k < entry.ratingStart[i + 1]!; k++) {
      candidate[k] = c;
      rater[k] = r;
    }
  }
  return calibrationColumnsOfTables(
    { candidateIds: entry.candidateIds, raterIds: entry.interviewerIds, dimensionIds: entry.dimensionIds },
    { candidate, rater, dimension: entry.ratingDimension.slice(), score: entry.ratingScore.slice() },
    dimensionIds,
  );
}
