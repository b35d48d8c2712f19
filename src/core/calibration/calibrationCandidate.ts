/**
 * The candidate half of calibration: one candidate's dimension summaries from that candidate's own
 * ratings and the pool statistics — the offsets to subtract and each dimension's agreement. Costs
 * only the candidate's ratings, so a report never waits for the pool.
 */
import type {
  CalibrationFlag,
  CalibrationPoolStats,
  CandidateCalibration,
  CandidateDimensionRating,
  CandidateDimensionSummary,
  RaterCalibration,
} from './calibrationTypes';
import { recordSet } from './recordSet';
import { studentTQuantile } from './studentT';

/** One candidate's ratings as columns: row i is interviewer i's rating on dimension i. */
export interface CandidateOwnRatings {
  candidateId: string;
  interviewerIds: readonly string[];
  dimensionIds: readonly string[];
  /** `null` (or NaN) = "no evidence". */
  scores: ArrayLike<number | null>;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The offset subtracted from a rater's ratings on a dimension; 0 for a rater the pool has not seen. */
function appliedOffset(rater: RaterCalibration | undefined, dimensionId: string): number {
  if (!rater) return 0;
  return ownValue(rater.dimensions, dimensionId)?.applied.offset ?? rater.overall.offset;
}

/** Quantiles already computed, by p and then by degrees of freedom (a summary asks for few of them). */
const tQuantiles = new Map<number, number[]>();
function tQuantile(p: number, df: number): number {
  let byDf = tQuantiles.get(p);
  if (byDf === undefined) {
    byDf = [];
    tQuantiles.set(p, byDf);
  }
  let t = byDf[df];
  if (t === undefined) {
    t = studentTQuantile(p, df);
    byDf[df] = t;
  }
  return t;
}

/**
 * A candidate's calibration (SPEC §6): per dimension the raw and calibrated means (calibrated =
 * raw − the rater's applied offset), spread, t interval and flags, and the candidate's mean over
 * rated dimensions. Dimensions are those rated or marked, plus the pool's explicit ones, in id
 * order; interviewers within a dimension in id order. A rater's repeated ratings of one dimension
 * are averaged (a number outranks a "no evidence" mark).
 */
export function calibrationCandidate(own: CandidateOwnRatings, stats: CalibrationPoolStats): CandidateCalibration {
  const n = own.scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      byText(own.dimensionIds[a]!, own.dimensionIds[b]!) || byText(own.interviewerIds[a]!, own.interviewerIds[b]!),
  );
  const summaries = new Map<string, CandidateDimensionSummary>();
  for (let i = 0; i < n;) {
    const dimensionId = own.dimensionIds[order[i]!]!;
    let j = i;
    while (j < n && own.dimensionIds[order[j]!] === dimensionId) j++;
    summaries.set(dimensionId, dimensionSummary(own, order.slice(i, j), dimensionId, stats));
    i = j;
  }
  const dimensionIds = [...new Set([...stats.explicitDimensionIds, ...summaries.keys()])].sort(byText);
  const dimensions: Record<string, CandidateDimensionSummary> = {};
  let rawSum = 0;
  let calibratedSum = 0;
  let rated = 0;
  for (const dimensionId of dimensionIds) {
    const summary = summaries.get(dimensionId) ?? calibrationUnratedSummary(own.candidateId, dimensionId);
    recordSet(dimensions, dimensionId, summary);
    if (summary.raw !== null) {
      rawSum += summary.raw;
      calibratedSum += summary.calibrated!;
      rated++;
    }
  }
  return {
    candidateId: own.candidateId,
    raw: rated === 0 ? null : rawSum / rated,
    calibrated: rated === 0 ? null : calibratedSum / rated,
    ratedDimensions: rated,
    dimensions,
  };
}

/** A pack dimension nobody rated or marked for this candidate. */
export function calibrationUnratedSummary(candidateId: string, dimensionId: string): CandidateDimensionSummary {
  return {
    candidateId,
    dimensionId,
    raters: 0,
    noEvidence: 0,
    raw: null,
    calibrated: null,
    spread: null,
    interval: null,
    flags: ['no-evidence'],
    ratings: [],
  };
}

/** `rows` are the candidate's rows on one dimension, in interviewer id order. */
function dimensionSummary(
  own: CandidateOwnRatings,
  rows: readonly number[],
  dimensionId: string,
  stats: CalibrationPoolStats,
): CandidateDimensionSummary {
  // One breakdown entry per interviewer: their repeats averaged.
  const breakdown: CandidateDimensionRating[] = [];
  for (let i = 0; i < rows.length;) {
    const interviewerId = own.interviewerIds[rows[i]!]!;
    let sum = 0;
    let count = 0;
    for (; i < rows.length && own.interviewerIds[rows[i]!] === interviewerId; i++) {
      const score = own.scores[rows[i]!] ?? NaN;
      if (Number.isNaN(score)) continue;
      if (!Number.isFinite(score)) {
        throw new RangeError(`calibrateRatings: score ${score} is not a finite number (use null for no evidence)`);
      }
      sum += score;
      count++;
    }
    if (count === 0) {
      breakdown.push({ interviewerId, raw: null, calibrated: null, offset: null });
      continue;
    }
    const raw = sum / count;
    const offset = appliedOffset(ownValue(stats.raters, interviewerId), dimensionId);
    breakdown.push({ interviewerId, raw, calibrated: raw - offset, offset });
  }
  const alpha = ownValue(stats.dimensions, dimensionId)?.krippendorffAlpha.ordinal.alpha ?? null;
  return calibrationDimensionSummary(own.candidateId, dimensionId, breakdown, alpha, stats.options);
}

/**
 * A candidate × dimension summary from its breakdown (one entry per interviewer, in interviewer id
 * order, repeats already averaged and offsets applied) and the dimension's ordinal alpha over the pool.
 */
export function calibrationDimensionSummary(
  candidateId: string,
  dimensionId: string,
  breakdown: CandidateDimensionRating[],
  alpha: number | null,
  opts: CalibrationPoolStats['options'],
): CandidateDimensionSummary {
  let m = 0;
  let rawSum = 0;
  let calibratedSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const b of breakdown) {
    if (b.raw === null) continue;
    m++;
    rawSum += b.raw;
    calibratedSum += b.calibrated!;
    if (b.raw < min) min = b.raw;
    if (b.raw > max) max = b.raw;
  }
  if (m === 0) {
    const flags: CalibrationFlag[] = ['no-evidence'];
    return {
      candidateId,
      dimensionId,
      raters: 0,
      noEvidence: breakdown.length,
      raw: null,
      calibrated: null,
      spread: null,
      interval: null,
      flags,
      ratings: breakdown,
    };
  }
  const rawMean = rawSum / m;
  const calibratedMean = calibratedSum / m;
  let sd: number | null = null;
  let interval: [number, number] | null = null;
  if (m >= 2) {
    let ssRaw = 0;
    let ssCalibrated = 0;
    for (const b of breakdown) {
      if (b.raw === null) continue;
      ssRaw += (b.raw - rawMean) ** 2;
      ssCalibrated += (b.calibrated! - calibratedMean) ** 2;
    }
    sd = Math.sqrt(ssRaw / (m - 1));
    const t = tQuantile((1 + opts.confidence) / 2, m - 1);
    const halfWidth = t * Math.sqrt(ssCalibrated / (m - 1) / m);
    interval = [calibratedMean - halfWidth, calibratedMean + halfWidth];
  }
  const flags: CalibrationFlag[] = [];
  if (m === 1) flags.push('single-rater');
  if ((m >= 2 && max - min >= opts.lowAgreementSpread - 1e-9) || (alpha !== null && alpha < opts.lowAgreementAlpha)) {
    flags.push('low-agreement');
  }
  return {
    candidateId,
    dimensionId,
    raters: m,
    noEvidence: breakdown.length - m,
    raw: rawMean,
    calibrated: calibratedMean,
    spread: { sd, min, max },
    interval,
    flags,
    ratings: breakdown,
  };
}
