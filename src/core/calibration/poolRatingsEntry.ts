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
  const tables = {
    candidate: new Map<string, number>(),
    interviewer: new Map<string, number>(),
    dimension: new Map<string, number>(),
  };
  const intern = (table: Map<string, number>, id: string) => {
    let i = table.get(id);
    if (i === undefined) table.set(id, (i = table.size));
    return i;
  };
  let ratingCount = 0;
  for (const p of pool.values()) ratingCount += p.scores.length;
  const interviewCandidate = new Int32Array(interviewIds.length);
  const interviewInterviewer = new Int32Array(interviewIds.length);
  const ratingStart = new Int32Array(interviewIds.length + 1);
  const ratingDimension = new Int32Array(ratingCount);
  const ratingScore = new Float64Array(ratingCount);
  let k = 0;
  interviewIds.forEach((id, i) => {
    const p = pool.get(id)!;
    interviewCandidate[i] = intern(tables.candidate, p.candidateId);
    interviewInterviewer[i] = intern(tables.interviewer, p.interviewerId);
    ratingStart[i] = k;
    p.scores.forEach((score, j) => {
      ratingDimension[k] = intern(tables.dimension, p.dimensionIds[j]!);
      ratingScore[k] = score ?? NaN;
      k++;
    });
  });
  ratingStart[interviewIds.length] = k;
  return {
    format: POOL_RATINGS_FORMAT,
    auditSeq,
    auditHash,
    interviewIds,
    candidateIds: [...tables.candidate.keys()],
    interviewerIds: [...tables.interviewer.keys()],
    dimensionIds: [...tables.dimension.keys()],
    interviewCandidate,
    interviewInterviewer,
    ratingStart,
    ratingDimension,
    ratingScore,
  };
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
  const tables = {
    candidate: tableRemap(entry.candidateIds),
    interviewer: tableRemap(entry.interviewerIds),
    dimension: tableRemap(entry.dimensionIds),
  };
  let ratingCount = 0;
  for (let i = 0; i < ids.length; i++) {
    const j = from[i]!;
    ratingCount += j >= 0 ? entry.ratingStart[j + 1]! - entry.ratingStart[j]! : changed[i]!.scores.length;
  }
  const interviewCandidate = new Int32Array(ids.length);
  const interviewInterviewer = new Int32Array(ids.length);
  const ratingStart = new Int32Array(ids.length + 1);
  const ratingDimension = new Int32Array(ratingCount);
  const ratingScore = new Float64Array(ratingCount);
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    ratingStart[i] = k;
    const j = from[i]!;
    if (j >= 0) {
      interviewCandidate[i] = tables.candidate.old(entry.interviewCandidate[j]!);
      interviewInterviewer[i] = tables.interviewer.old(entry.interviewInterviewer[j]!);
      const end = entry.ratingStart[j + 1]!;
      for (let r = entry.ratingStart[j]!; r < end; r++, k++) {
        ratingDimension[k] = tables.dimension.old(entry.ratingDimension[r]!);
        ratingScore[k] = entry.ratingScore[r]!;
      }
    } else {
      const p = changed[i]!;
      interviewCandidate[i] = tables.candidate.intern(p.candidateId);
      interviewInterviewer[i] = tables.interviewer.intern(p.interviewerId);
      for (let n = 0; n < p.scores.length; n++, k++) {
        ratingDimension[k] = tables.dimension.intern(p.dimensionIds[n]!);
        ratingScore[k] = p.scores[n] ?? NaN;
      }
    }
  }
  ratingStart[ids.length] = k;
  return {
    format: POOL_RATINGS_FORMAT,
    auditSeq,
    auditHash,
    interviewIds: ids,
    candidateIds: tables.candidate.ids(),
    interviewerIds: tables.interviewer.ids(),
    dimensionIds: tables.dimension.ids(),
    interviewCandidate,
    interviewInterviewer,
    ratingStart,
    ratingDimension,
    ratingScore,
  };
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
