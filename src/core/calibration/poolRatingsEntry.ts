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
