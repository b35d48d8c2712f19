/**
 * What a committee row's calibrated figures are recomputed from when the pool statistics moved but
 * the candidate's own evidence did not (after a seal, every row's calibrated scores move with the
 * statistics): the candidate's own ratings as the calibration read them, the red flags raised and
 * the scorecards sealed of those planned. Stored beside the rows (`committeeRowBasesPack`: columns,
 * each string once), so a refresh after a seal re-reads only the changed candidates' evidence and
 * recomputes the others' figures exactly as a whole rebuild would (`committeeRowRecalibrated`).
 */
import { calibrationCandidate, type CandidateOwnRatings } from '../calibration/calibrationCandidate';
import type { CalibrationPoolStats } from '../calibration/calibrationTypes';
import type { RubricPack } from '../rubric/schema';
import { committeeRowFiguresOf, type CommitteeRow } from './committeeRow';
import { reportProfileOf, reportRecommendationOf, reportScoreOf, type CandidateReport } from './reportBuild';

export interface CommitteeRowBasis {
  candidateId: string;
  /** The candidate's first loop of the pack by id: rows are kept in that order, as the whole pack's read gives them. */
  firstLoopId: string;
  /** The candidate's own sealed ratings in the order the calibration took them; null: none rated. */
  own: CandidateOwnRatings | null;
  redFlagIds: string[];
  sealed: number;
  planned: number;
}

/** The basis of a row built from `report`, with the candidate's own ratings and first loop. */
export function committeeRowBasisOf(
  report: Pick<CandidateReport, 'candidate' | 'signals' | 'interviewCount' | 'pendingInterviews'>,
  own: CandidateOwnRatings | null,
  firstLoopId: string,
): CommitteeRowBasis {
  return {
    candidateId: report.candidate.id,
    firstLoopId,
    own,
    redFlagIds: report.signals.redFlag.map((s) => s.signalId),
    sealed: report.interviewCount,
    planned: report.interviewCount + report.pendingInterviews,
  };
}

/** `row` with its score, profile and recommendation recomputed under `stats` (what `reportBuild` would give). */
export function committeeRowRecalibrated(
  row: CommitteeRow,
  basis: CommitteeRowBasis,
  pack: RubricPack,
  stats: CalibrationPoolStats,
): CommitteeRow {
  const cal = basis.own ? calibrationCandidate(basis.own, stats) : undefined;
  const profile = reportProfileOf(pack, cal, row.targetLevel);
  const recommendation = reportRecommendationOf(
    pack,
    profile,
    basis.redFlagIds.map((signalId) => ({ signalId })),
    { sealed: basis.sealed, planned: basis.planned },
  );
  return { ...row, ...committeeRowFiguresOf({ score: reportScoreOf(cal), profile, recommendation }) };
}

/** The stored form: per row a few integers, the own ratings in columns, every string once. */
export interface CommitteeRowBasesPacked {
  format: typeof COMMITTEE_ROW_BASES_FORMAT;
  strings: string[];
  /** Per row, `BasisInt.size` integers (string references index `strings`). */
  rows: Int32Array;
  /** Per own rating: interviewer and dimension (string references). */
  ratingInterviewer: Int32Array;
  ratingDimension: Int32Array;
  /** NaN = "no evidence". */
  ratingScore: Float64Array;
  /** Red flags' signal ids (string references); a row's run starts at its `firstRedFlag`. */
  redFlags: Int32Array;
}

export const COMMITTEE_ROW_BASES_FORMAT = 'committee-row-bases-1';

const BasisInt = {
  candidateId: 0,
  firstLoopId: 1,
  sealed: 2,
  planned: 3,
  /** -1: no own ratings (`own` null). */
  firstRating: 4,
  ratingCount: 5,
  firstRedFlag: 6,
  redFlagCount: 7,
  size: 8,
} as const;

export function committeeRowBasesPack(bases: readonly CommitteeRowBasis[]): CommitteeRowBasesPacked {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (s: string): number => {
    let i = indexOf.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      indexOf.set(s, i);
    }
    return i;
  };
  const ratingTotal = bases.reduce((n, b) => n + (b.own?.scores.length ?? 0), 0);
  const rows = new Int32Array(bases.length * BasisInt.size);
  const ratingInterviewer = new Int32Array(ratingTotal);
  const ratingDimension = new Int32Array(ratingTotal);
  const ratingScore = new Float64Array(ratingTotal);
  const redFlags = new Int32Array(bases.reduce((n, b) => n + b.redFlagIds.length, 0));
  let rating = 0;
  let flag = 0;
  bases.forEach((b, r) => {
    const at = r * BasisInt.size;
    rows[at + BasisInt.candidateId] = ref(b.candidateId);
    rows[at + BasisInt.firstLoopId] = ref(b.firstLoopId);
    rows[at + BasisInt.sealed] = b.sealed;
    rows[at + BasisInt.planned] = b.planned;
    rows[at + BasisInt.firstRating] = b.own ? rating : -1;
    rows[at + BasisInt.ratingCount] = b.own?.scores.length ?? 0;
    rows[at + BasisInt.firstRedFlag] = flag;
    rows[at + BasisInt.redFlagCount] = b.redFlagIds.length;
    if (b.own) {
      for (let k = 0; k < b.own.scores.length; k++, rating++) {
        ratingInterviewer[rating] = ref(b.own.interviewerIds[k]!);
        ratingDimension[rating] = ref(b.own.dimensionIds[k]!);
        const score = b.own.scores[k];
        ratingScore[rating] = score === null || score === undefined ? Number.NaN : score;
      }
    }
    for (const id of b.redFlagIds) redFlags[flag++] = ref(id);
  });
  return {
    format: COMMITTEE_ROW_BASES_FORMAT,
    strings,
    rows,
    ratingInterviewer,
    ratingDimension,
    ratingScore,
    redFlags,
  };
}

/** True when `value` is a stored entry of this layout (anything else means a whole rebuild). */
export function committeeRowBasesIsPacked(value: unknown): value is CommitteeRowBasesPacked {
  const v = value as Partial<CommitteeRowBasesPacked> | null | undefined;
  return (
    !!v &&
    v.format === COMMITTEE_ROW_BASES_FORMAT &&
    Array.isArray(v.strings) &&
    v.rows instanceof Int32Array &&
    v.ratingInterviewer instanceof Int32Array &&
    v.ratingDimension instanceof Int32Array &&
    v.ratingScore instanceof Float64Array &&
    v.redFlags instanceof Int32Array
  );
}

export function committeeRowBasesUnpack(packed: CommitteeRowBasesPacked): CommitteeRowBasis[] {
  const { strings, rows } = packed;
  const out: CommitteeRowBasis[] = [];
  for (let at = 0; at < rows.length; at += BasisInt.size) {
    const firstRating = rows[at + BasisInt.firstRating]!;
    const ratingCount = rows[at + BasisInt.ratingCount]!;
    const candidateId = strings[rows[at + BasisInt.candidateId]!]!;
    let own: CandidateOwnRatings | null = null;
    if (firstRating >= 0) {
      const interviewerIds: string[] = [];
      const dimensionIds: string[] = [];
      const scores: number[] = [];
      for (let k = firstRating; k < firstRating + ratingCount; k++) {
        interviewerIds.push(strings[packed.ratingInterviewer[k]!]!);
        dimensionIds.push(strings[packed.ratingDimension[k]!]!);
        scores.push(packed.ratingScore[k]!);
      }
      own = { candidateId, interviewerIds, dimensionIds, scores };
    }
    const firstRedFlag = rows[at + BasisInt.firstRedFlag]!;
    const redFlagIds: string[] = [];
    for (let k = firstRedFlag; k < firstRedFlag + rows[at + BasisInt.redFlagCount]!; k++)
      redFlagIds.push(strings[packed.redFlags[k]!]!);
    out.push({
      candidateId,
      firstLoopId: strings[rows[at + BasisInt.firstLoopId]!]!,
      own,
      redFlagIds,
      sealed: rows[at + BasisInt.sealed]!,
      planned: rows[at + BasisInt.planned]!,
    });
  }
  return out;
}
