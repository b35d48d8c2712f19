/**
 * The shapes calibration reads and returns: one rating as the statistics see it, the options, and
 * the pool's and each candidate's calibration. Kept apart so the steps (columns, pool statistics,
 * one candidate) and their composition share them without importing each other.
 */
import type { AlphaMetric, KrippendorffAlphaResult } from './krippendorffAlpha';
import type { IccResult } from './intraclassCorrelation';

/** One rating as the statistics see it: `score: null` is "no evidence", never a number. */
export interface RatingObservation {
  candidateId: string;
  interviewerId: string;
  dimensionId: string;
  score: number | null;
}

export interface CalibrationOptions {
  /**
   * λ, the ridge penalty that shrinks interviewer effects toward 0: a rater resting on n
   * comparisons keeps about n/(n + λ) of their deviation. Omitted: chosen by the data (λ = residual
   * variance / variance of the interviewer effects, by EM), falling back to
   * `calibrationDefaults.shrinkage` when the data cannot say. 0 turns shrinkage off (the least-
   * squares solution nearest 0).
   */
  shrinkage?: number;
  /**
   * A rater's own deviation on a dimension (from their overall effect) is fitted and applied once
   * it rests on at least this many comparisons on that dimension; below that their overall offset
   * is applied. Default 10.
   */
  minDimensionComparisons?: number;
  /** Two-sided confidence of the interval around a calibrated mean. Default 0.90. */
  confidence?: number;
  /** Raw max − min at or above which a candidate × dimension is flagged low-agreement. Default 2. */
  lowAgreementSpread?: number;
  /** Dimension ordinal alpha below which every rated cell of it is flagged low-agreement. Default 0.667. */
  lowAgreementAlpha?: number;
  /**
   * Dimensions every candidate should be summarised on (e.g. the pack's): a candidate with no
   * rating on one gets a `no-evidence` summary for it. Dimensions seen in the ratings are always
   * included.
   */
  dimensionIds?: readonly string[];
}

/** The options a calibration ran with; `shrinkage` is the λ used, however it was chosen. */
export type ResolvedCalibrationOptions = Required<Omit<CalibrationOptions, 'dimensionIds'>>;

/** How the leniency model was fitted: what a reader needs to trust or question the offsets. */
export interface LeniencyModel {
  method: 'two-way additive, alternating least squares';
  /** λ for interviewer effects, and where it came from. */
  shrinkage: number;
  shrinkageSource: 'data' | 'option' | 'default';
  /** λ for a rater's deviation on one dimension from their overall effect; `null` = the data show none. */
  dimensionShrinkage: number | null;
  /** Residual SD of the model (rating scale points); `null` when no degrees of freedom remain. */
  residualSd: number | null;
  /** Solver iterations, all fits together, and whether the last fit converged. */
  iterations: number;
  converged: boolean;
}

export const calibrationDefaults: ResolvedCalibrationOptions = {
  shrinkage: 5,
  minDimensionComparisons: 10,
  confidence: 0.9,
  lowAgreementSpread: 2,
  lowAgreementAlpha: 0.667,
};

/** A leniency estimate from n comparisons with the other panelists. */
export interface RaterOffset {
  /**
   * The interviewer effect of the two-way additive model (shrunk toward 0); 0 when n = 0.
   * Positive = rates higher than the panels they sat on would predict.
   */
  offset: number;
  /**
   * Standard error of `offset`: σ / √(I + λ), with σ the model's residual SD and I the
   * comparisons weighted (m − 1)/m by panel size m — the posterior SD of the effect given the
   * others'. `null` when n = 0 or σ cannot be estimated.
   */
  se: number | null;
  /** Ratings that could be compared (the candidate × dimension had at least one other rater). */
  n: number;
  /** Unshrunk mean deviation from the other panelists' mean (descriptive); `null` when n = 0. */
  meanDeviation: number | null;
}

export interface RaterDimensionCalibration extends RaterOffset {
  /** Numeric ratings this rater gave on the dimension. */
  ratings: number;
  /** Candidates this rater marked "no evidence" on the dimension (and gave no number). */
  noEvidence: number;
  /** What is subtracted from this rater's ratings on the dimension, and which estimate it is. */
  applied: { offset: number; source: 'dimension' | 'overall'; se: number | null };
}

export interface RaterCalibration {
  interviewerId: string;
  /** Numeric ratings given, all dimensions. */
  ratings: number;
  noEvidence: number;
  /** Leniency over all dimensions together. */
  overall: RaterOffset;
  dimensions: Record<string, RaterDimensionCalibration>;
}

export type CalibrationFlag = 'single-rater' | 'low-agreement' | 'no-evidence';

/** One interviewer's rating of a candidate on a dimension, raw beside calibrated. */
export interface CandidateDimensionRating {
  interviewerId: string;
  /** Raw rating (mean of that interviewer's ratings if they rated the cell more than once); `null` = no evidence. */
  raw: number | null;
  /** raw − offset; `null` = no evidence. */
  calibrated: number | null;
  /** The offset subtracted; `null` = no evidence. */
  offset: number | null;
}

export interface CandidateDimensionSummary {
  candidateId: string;
  dimensionId: string;
  /** Interviewers with a numeric rating. */
  raters: number;
  /** Interviewers who marked "no evidence" and gave no number. */
  noEvidence: number;
  /** Mean raw rating; `null` without ratings. */
  raw: number | null;
  /** Mean calibrated rating; `null` without ratings. */
  calibrated: number | null;
  /** Spread of the raw ratings (sample SD, `null` for one rater; min and max); `null` without ratings. */
  spread: { sd: number | null; min: number; max: number } | null;
  /**
   * t-based confidence interval of the calibrated mean (mean ± t·s/√n, s the calibrated ratings'
   * sample SD, n − 1 degrees of freedom, confidence per options); `null` with fewer than 2 raters.
   * Raters who agree exactly give a zero-width interval: the t interval knows only the spread seen.
   */
  interval: [number, number] | null;
  flags: CalibrationFlag[];
  /** Per-interviewer breakdown, ordered by interviewer id. */
  ratings: CandidateDimensionRating[];
}

export interface CandidateCalibration {
  candidateId: string;
  /** Mean over rated dimensions of the dimension raw means; `null` when no dimension is rated. */
  raw: number | null;
  /** Mean over rated dimensions of the dimension calibrated means. */
  calibrated: number | null;
  ratedDimensions: number;
  dimensions: Record<string, CandidateDimensionSummary>;
}

export interface DimensionAgreement {
  dimensionId: string;
  /** Candidates with at least one numeric rating on the dimension. */
  candidates: number;
  /** Interviewers with at least one numeric rating on the dimension. */
  raters: number;
  /** Numeric ratings (one per candidate × interviewer). */
  ratings: number;
  noEvidence: number;
  /** Krippendorff's alpha over the pool, units = candidates, per metric. */
  krippendorffAlpha: Record<AlphaMetric, KrippendorffAlphaResult>;
  /** Shrout & Fleiss ICCs when every rater rated every candidate, else why not. */
  icc: IccResult;
}

export interface Calibration {
  options: ResolvedCalibrationOptions;
  /** By interviewer id. */
  raters: Record<string, RaterCalibration>;
  /** By candidate id; each holds its dimension summaries by dimension id. */
  candidates: Record<string, CandidateCalibration>;
  /** Agreement by dimension id. */
  dimensions: Record<string, DimensionAgreement>;
  /** How the leniency offsets were fitted. */
  model: LeniencyModel;
}

/**
 * What the pool contributes to any one candidate's calibration: the raters' offsets and the
 * agreement per dimension. Compact (raters × dimensions, no per-rating data) and plain JSON, so it
 * can be computed when evidence changes and stored beside the audit head it belongs to.
 */
export interface CalibrationPoolStats {
  options: ResolvedCalibrationOptions;
  /** Every dimension seen or asked for, in id order. */
  dimensionIds: string[];
  /** Dimensions every candidate is summarised on (the pack's), in id order. */
  explicitDimensionIds: string[];
  /** By interviewer id. */
  raters: Record<string, RaterCalibration>;
  /** Agreement by dimension id. */
  dimensions: Record<string, DimensionAgreement>;
  /** How the leniency offsets were fitted. */
  model: LeniencyModel;
}
