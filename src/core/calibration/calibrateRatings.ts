/**
 * Panel calibration (SPEC §6) as the composition of its two halves: the pool statistics (rater
 * leniency, agreement per dimension) over typed-array columns, then each candidate's summaries
 * from that candidate's own ratings. Linear in the number of ratings.
 */
import { calibrationDimensionSummary, calibrationUnratedSummary } from './calibrationCandidate';
import { calibrationColumnsFrom, type CalibrationColumns } from './calibrationColumns';
import { calibrationPoolCells } from './calibrationPoolCells';
import { calibrationPoolStatsOfCells } from './calibrationPoolStats';
import type {
  Calibration,
  CalibrationOptions,
  CandidateCalibration,
  CandidateDimensionRating,
  CandidateDimensionSummary,
  RatingObservation,
} from './calibrationTypes';
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
  return calibrateColumns(calibrationColumnsFrom(ratings, dimensionIds), poolOptions);
}

/**
 * `calibrateRatings` over ratings already in columns (e.g. collected straight from database rows
 * with `calibrationColumnsBuilder`). Every candidate's summaries are read off the pool's cells —
 * the same numbers `calibrationCandidate` computes from the candidate's own ratings, with the ids
 * as integers and the offsets and alphas looked up once per rater × dimension, not per rating.
 */
export function calibrateColumns(
  columns: CalibrationColumns,
  options: Omit<CalibrationOptions, 'dimensionIds'> = {},
): Calibration {
  const cells = calibrationPoolCells(columns);
  const stats = calibrationPoolStatsOfCells(columns, cells, options);
  const candidates: Record<string, CandidateCalibration> = {};
  const { raterIds, dimensionIds, candidateIds } = columns;
  const R = raterIds.length;
  const D = dimensionIds.length;
  const C = candidateIds.length;
  // The offset subtracted from rater r on dimension d (as `calibrationCandidate` looks it up).
  const offset = new Float64Array(R * D);
  for (let r = 0; r < R; r++) {
    const rater = ownValue(stats.raters, raterIds[r]!);
    for (let d = 0; d < D; d++) {
      offset[r * D + d] = rater
        ? (ownValue(rater.dimensions, dimensionIds[d]!)?.applied.offset ?? rater.overall.offset)
        : 0;
    }
  }
  const alpha = dimensionIds.map(
    (id) => ownValue(stats.dimensions, id)?.krippendorffAlpha.ordinal.alpha ?? null,
  );
  const explicit = new Uint8Array(D);
  const explicitIds = new Set(stats.explicitDimensionIds);
  for (let d = 0; d < D; d++) explicit[d] = explicitIds.has(dimensionIds[d]!) ? 1 : 0;
  // Cells come ordered by dimension, then candidate: regroup them by candidate (stable, so each
  // candidate's cells stay in dimension order, which is id order).
  const { cellCandidate, cellDimension, cellStart, entryRater, entryValue } = cells;
  const cellCount = cellCandidate.length;
  const candidateStart = new Int32Array(C + 1);
  for (let cell = 0; cell < cellCount; cell++) candidateStart[cellCandidate[cell]! + 1]! += 1;
  for (let c = 0; c < C; c++) candidateStart[c + 1]! += candidateStart[c]!;
  const next = candidateStart.slice(0, C);
  const byCandidate = new Int32Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) byCandidate[next[cellCandidate[cell]!]!++] = cell;
  for (let c = 0; c < C; c++) {
    const candidateId = candidateIds[c]!;
    const dimensions: Record<string, CandidateDimensionSummary> = {};
    let rawSum = 0;
    let calibratedSum = 0;
    let rated = 0;
    let k = candidateStart[c]!;
    const end = candidateStart[c + 1]!;
    for (let d = 0; d < D; d++) {
      let summary: CandidateDimensionSummary;
      if (k < end && cellDimension[byCandidate[k]!] === d) {
        const cell = byCandidate[k++]!;
        const breakdown: CandidateDimensionRating[] = [];
        for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
          const r = entryRater[e]!;
          const raw = entryValue[e]!;
          if (Number.isNaN(raw)) {
            breakdown.push({ interviewerId: raterIds[r]!, raw: null, calibrated: null, offset: null });
          } else {
            const o = offset[r * D + d]!;
            breakdown.push({ interviewerId: raterIds[r]!, raw, calibrated: raw - o, offset: o });
          }
        }
        summary = calibrationDimensionSummary(candidateId, dimensionIds[d]!, breakdown, alpha[d]!, stats.options);
      } else if (explicit[d]) summary = calibrationUnratedSummary(candidateId, dimensionIds[d]!);
      else continue;
      recordSet(dimensions, dimensionIds[d]!, summary);
      if (summary.raw !== null) {
        rawSum += summary.raw;
        calibratedSum += summary.calibrated!;
        rated++;
      }
    }
    recordSet(candidates, candidateId, {
      candidateId,
      raw: rated === 0 ? null : rawSum / rated,
      calibrated: rated === 0 ? null : calibratedSum / rated,
      ratedDimensions: rated,
      dimensions,
    });
  }
  return { options: stats.options, raters: stats.raters, candidates, dimensions: stats.dimensions, model: stats.model };
}

function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
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
