/**
 * Panel calibration (SPEC §6) as the composition of its two halves: the pool statistics (rater
 * leniency, agreement per dimension) over typed-array columns, then each candidate's summaries
 * from that candidate's own ratings. Linear in the number of ratings.
 */
import { calibrationCandidate } from './calibrationCandidate';
import { calibrationColumnsFrom, type CalibrationColumns } from './calibrationColumns';
import { calibrationPoolStats } from './calibrationPoolStats';
import type { Calibration, CalibrationOptions, CandidateCalibration, RatingObservation } from './calibrationTypes';
import { recordSet } from './recordSet';

export type {
  Calibration,
  CalibrationFlag,
  CalibrationOptions,
  CalibrationPoolStats,
  CandidateCalibration,
  CandidateDimensionRating,
  CandidateDimensionSummary,
  DimensionAgreement,
  LeniencyModel,
  RaterCalibration,
  RaterDimensionCalibration,
  RaterOffset,
  RatingObservation,
  ResolvedCalibrationOptions,
} from './calibrationTypes';
export { calibrationDefaults } from './calibrationTypes';

/**
 * Calibrates a panel's ratings (SPEC §6).
 *
 * **Leniency** and **agreement** come from the whole pool: see `calibrationPoolStats`.
 *
 * **Calibrated rating** = raw − the rater's applied offset. Calibrated ratings are not clamped to
 * the scale. Raw ratings are always kept.
 *
 * **No evidence** (`score: null`) is missing data: it never enters a mean, a deviation or an
 * agreement statistic, and a candidate × dimension with no numeric rating is flagged `no-evidence`.
 * If one interviewer rated the same candidate × dimension more than once their ratings are averaged
 * into one (a number outranks a "no evidence" mark).
 *
 * **Flags**: `single-rater` (one numeric rating), `low-agreement` (raw max − min ≥
 * `lowAgreementSpread`, or the dimension's ordinal alpha over the pool < `lowAgreementAlpha`),
 * `no-evidence`.
 */
export function calibrateRatings(ratings: readonly RatingObservation[], options: CalibrationOptions = {}): Calibration {
  const { dimensionIds, ...poolOptions } = options;
  const columns = calibrationColumnsFrom(ratings, dimensionIds);
  const stats = calibrationPoolStats(columns, poolOptions);
  const candidates: Record<string, CandidateCalibration> = {};
  for (const own of calibrationCandidatesOwn(columns))
    recordSet(candidates, own.candidateId, calibrationCandidate(own, stats));
  return { options: stats.options, raters: stats.raters, candidates, dimensions: stats.dimensions, model: stats.model };
}

/** Each candidate's own ratings, in candidate id order, sliced out of the pool's columns. */
export function* calibrationCandidatesOwn(columns: CalibrationColumns) {
  const C = columns.candidateIds.length;
  const N = columns.score.length;
  const start = new Int32Array(C + 1);
  for (let i = 0; i < N; i++) start[columns.candidate[i]! + 1]! += 1;
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, C);
  const rows = new Int32Array(N);
  for (let i = 0; i < N; i++) rows[next[columns.candidate[i]!]!++] = i;
  for (let c = 0; c < C; c++) {
    const interviewerIds: string[] = [];
    const dimensionIds: string[] = [];
    const scores: number[] = [];
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const i = rows[k]!;
      interviewerIds.push(columns.raterIds[columns.rater[i]!]!);
      dimensionIds.push(columns.dimensionIds[columns.dimension[i]!]!);
      scores.push(columns.score[i]!);
    }
    yield { candidateId: columns.candidateIds[c]!, interviewerIds, dimensionIds, scores };
  }
}
