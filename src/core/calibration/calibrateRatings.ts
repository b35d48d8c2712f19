/**
 * Panel calibration: rater leniency offsets, calibrated ratings, per candidate × dimension
 * summaries with their uncertainty, and per-dimension agreement — in one pass-based computation
 * that is linear in the number of ratings.
 */
import { krippendorffAlphaFlat, type AlphaMetric, type KrippendorffAlphaResult } from './krippendorffAlpha';
import { intraclassCorrelation, type IccResult } from './intraclassCorrelation';
import { studentTQuantile } from './studentT';

/** One rating as the statistics see it: `score: null` is "no evidence", never a number. */
export interface RatingObservation {
  candidateId: string;
  interviewerId: string;
  dimensionId: string;
  score: number | null;
}

export interface CalibrationOptions {
  /** k in the shrinkage factor n/(n + k); 0 turns shrinkage off. Default 5. */
  shrinkage?: number;
  /**
   * A rater's per-dimension offset is applied once it rests on at least this many comparisons
   * on that dimension; below that their overall offset is applied. Default 10.
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

export type ResolvedCalibrationOptions = Required<Omit<CalibrationOptions, 'dimensionIds'>>;

export const calibrationDefaults: ResolvedCalibrationOptions = {
  shrinkage: 5,
  minDimensionComparisons: 10,
  confidence: 0.9,
  lowAgreementSpread: 2,
  lowAgreementAlpha: 0.667,
};

/** A leniency estimate from n comparisons with the other panelists. */
export interface RaterOffset {
  /** Shrunk offset: meanDeviation × n/(n + k); 0 when n = 0. Positive = rates higher than peers. */
  offset: number;
  /** Ratings that could be compared (the candidate × dimension had at least one other rater). */
  n: number;
  /** Unshrunk mean deviation from the other panelists' mean; `null` when n = 0. */
  meanDeviation: number | null;
}

export interface RaterDimensionCalibration extends RaterOffset {
  /** Numeric ratings this rater gave on the dimension. */
  ratings: number;
  /** Candidates this rater marked "no evidence" on the dimension (and gave no number). */
  noEvidence: number;
  /** What is subtracted from this rater's ratings on the dimension, and which estimate it is. */
  applied: { offset: number; source: 'dimension' | 'overall' };
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
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Calibrates a panel's ratings (SPEC §6).
 *
 * **Leniency.** On every candidate × dimension rated by m ≥ 2 interviewers, each interviewer's
 * deviation is their rating minus the mean of the other m − 1 ratings. An interviewer's offset
 * (per dimension, and overall across dimensions) is the mean of those n deviations shrunk toward 0
 * by n/(n + k): Σ deviations / (n + k). A rater with few comparisons is barely adjusted.
 *
 * **Calibrated rating** = raw − offset, using the rater's per-dimension offset when it rests on at
 * least `minDimensionComparisons` comparisons, otherwise their overall offset: leniency is mostly a
 * trait of the rater, and with few dimension-specific comparisons the pooled estimate is the less
 * noisy of the two. Calibrated ratings are not clamped to the scale. Raw ratings are always kept.
 *
 * **No evidence** (`score: null`) is missing data: it never enters a mean, a deviation or an
 * agreement statistic, and a candidate × dimension with no numeric rating is flagged `no-evidence`.
 * If one interviewer rated the same candidate × dimension more than once their ratings are averaged
 * into one (a number outranks a "no evidence" mark).
 *
 * **Flags**: `single-rater` (one numeric rating), `low-agreement` (raw max − min ≥
 * `lowAgreementSpread`, or the dimension's ordinal alpha over the pool < `lowAgreementAlpha`),
 * `no-evidence`.
 *
 * **Agreement** per dimension: Krippendorff's alpha (nominal, ordinal, interval) with candidates as
 * units, and the Shrout & Fleiss ICCs when the candidates × raters matrix is fully crossed.
 *
 * Linear in the number of ratings: grouping is by counting sort over interned ids.
 */
export function calibrateRatings(ratings: readonly RatingObservation[], options: CalibrationOptions = {}): Calibration {
  const opts: ResolvedCalibrationOptions = {
    shrinkage: options.shrinkage ?? calibrationDefaults.shrinkage,
    minDimensionComparisons: options.minDimensionComparisons ?? calibrationDefaults.minDimensionComparisons,
    confidence: options.confidence ?? calibrationDefaults.confidence,
    lowAgreementSpread: options.lowAgreementSpread ?? calibrationDefaults.lowAgreementSpread,
    lowAgreementAlpha: options.lowAgreementAlpha ?? calibrationDefaults.lowAgreementAlpha,
  };
  if (!(opts.shrinkage >= 0)) throw new RangeError('calibrateRatings: shrinkage must be ≥ 0');
  if (!(opts.confidence > 0 && opts.confidence < 1))
    throw new RangeError('calibrateRatings: confidence must be in (0, 1)');
  const k = opts.shrinkage;
  const tailP = (1 + opts.confidence) / 2;

  // 1. Intern ids, then renumber them in id order so that every later loop runs in output order.
  const N = ratings.length;
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
  for (const id of options.dimensionIds ?? []) intern(id, dimensionIndex);
  const obsCandidate = new Int32Array(N);
  const obsRater = new Int32Array(N);
  const obsDimension = new Int32Array(N);
  const obsScore = new Float64Array(N); // NaN = no evidence
  for (let i = 0; i < N; i++) {
    const r = ratings[i]!;
    if (r.score !== null && !Number.isFinite(r.score)) {
      throw new RangeError(`calibrateRatings: score ${r.score} is not a finite number (use null for no evidence)`);
    }
    obsScore[i] = r.score ?? NaN;
    obsCandidate[i] = intern(r.candidateId, candidateIndex);
    obsRater[i] = intern(r.interviewerId, raterIndex);
    obsDimension[i] = intern(r.dimensionId, dimensionIndex);
  }
  const candidateIds = idsInOrder(candidateIndex, obsCandidate);
  const raterIds = idsInOrder(raterIndex, obsRater);
  const dimensionIds = idsInOrder(dimensionIndex, obsDimension);
  const C = candidateIds.length;
  const R = raterIds.length;
  const D = dimensionIds.length;

  // 2. Order observations by (dimension, candidate, interviewer): stable counting sorts, least
  //    significant key first.
  const byRater = countingSort(N, R, (i) => obsRater[i]!, null);
  const byCandidate = countingSort(N, C, (i) => obsCandidate[i]!, byRater);
  const order = countingSort(N, D, (i) => obsDimension[i]!, byCandidate);

  // 3. Cells (dimension × candidate) and entries (one per cell × rater, duplicates merged).
  const entryRater = new Int32Array(N);
  const entrySum = new Float64Array(N);
  const entryCount = new Int32Array(N);
  const cellStart: number[] = [];
  const cellCandidate: number[] = [];
  const cellDimension: number[] = [];
  const dimensionCellStart = new Int32Array(D + 1);
  const raterStamp = new Int32Array(R).fill(-1);
  const raterSlot = new Int32Array(R);
  let entries = 0;
  {
    let i = 0;
    let currentDimension = -1;
    while (i < N) {
      const first = order[i]!;
      const c = obsCandidate[first]!;
      const d = obsDimension[first]!;
      while (currentDimension < d) dimensionCellStart[++currentDimension] = cellStart.length;
      const cell = cellStart.length;
      cellStart.push(entries);
      cellCandidate.push(c);
      cellDimension.push(d);
      for (; i < N; i++) {
        const o = order[i]!;
        if (obsCandidate[o] !== c || obsDimension[o] !== d) break;
        const r = obsRater[o]!;
        let e: number;
        if (raterStamp[r] === cell) e = raterSlot[r]!;
        else {
          e = entries++;
          raterStamp[r] = cell;
          raterSlot[r] = e;
          entryRater[e] = r;
        }
        const score = obsScore[o]!;
        if (!Number.isNaN(score)) {
          entrySum[e]! += score;
          entryCount[e]! += 1;
        }
      }
    }
    while (currentDimension < D) dimensionCellStart[++currentDimension] = cellStart.length;
    cellStart.push(entries);
  }
  const cellCount = cellCandidate.length;
  const entryValue = new Float64Array(entries);
  for (let e = 0; e < entries; e++) entryValue[e] = entryCount[e]! > 0 ? entrySum[e]! / entryCount[e]! : NaN;
  const cellRaters = new Int32Array(cellCount);
  const cellSum = new Float64Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) {
    for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
      if (entryCount[e]! > 0) {
        cellRaters[cell]! += 1;
        cellSum[cell]! += entryValue[e]!;
      }
    }
  }

  // 4. Leniency, dimension by dimension, with per-rater scratch arrays reset per dimension.
  const overallDeviation = new Float64Array(R);
  const overallN = new Int32Array(R);
  const raterRatings = new Int32Array(R);
  const raterNoEvidence = new Int32Array(R);
  const rdOfRater = new Int32Array(R).fill(-1);
  const entryRd = new Int32Array(entries);
  const rdRater: number[] = [];
  const rdDimension: number[] = [];
  const rdDeviation: number[] = [];
  const rdN: number[] = [];
  const rdRatings: number[] = [];
  const rdNoEvidence: number[] = [];
  for (let d = 0; d < D; d++) {
    const touched: number[] = [];
    for (let cell = dimensionCellStart[d]!; cell < dimensionCellStart[d + 1]!; cell++) {
      const m = cellRaters[cell]!;
      const sum = cellSum[cell]!;
      for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
        const r = entryRater[e]!;
        let rd = rdOfRater[r]!;
        if (rd < 0) {
          rd = rdRater.length;
          rdOfRater[r] = rd;
          touched.push(r);
          rdRater.push(r);
          rdDimension.push(d);
          rdDeviation.push(0);
          rdN.push(0);
          rdRatings.push(0);
          rdNoEvidence.push(0);
        }
        entryRd[e] = rd;
        if (entryCount[e] === 0) {
          rdNoEvidence[rd]! += 1;
          continue;
        }
        rdRatings[rd]! += 1;
        if (m < 2) continue;
        const x = entryValue[e]!;
        rdDeviation[rd]! += x - (sum - x) / (m - 1);
        rdN[rd]! += 1;
      }
    }
    for (const r of touched) {
      const rd = rdOfRater[r]!;
      overallDeviation[r]! += rdDeviation[rd]!;
      overallN[r]! += rdN[rd]!;
      raterRatings[r]! += rdRatings[rd]!;
      raterNoEvidence[r]! += rdNoEvidence[rd]!;
      rdOfRater[r] = -1;
    }
  }
  const offsetOf = (deviation: number, n: number): RaterOffset => ({
    offset: n === 0 ? 0 : clean(deviation / (n + k)),
    n,
    meanDeviation: n === 0 ? null : clean(deviation / n),
  });
  const overallOffsets = Array.from({ length: R }, (_, r) => offsetOf(overallDeviation[r]!, overallN[r]!));
  const rdCount = rdRater.length;
  const rdOffsets: RaterOffset[] = new Array(rdCount);
  const rdApplied = new Float64Array(rdCount);
  const rdSource: Array<'dimension' | 'overall'> = new Array(rdCount);
  for (let rd = 0; rd < rdCount; rd++) {
    rdOffsets[rd] = offsetOf(rdDeviation[rd]!, rdN[rd]!);
    const useDimension = rdN[rd]! >= opts.minDimensionComparisons;
    rdSource[rd] = useDimension ? 'dimension' : 'overall';
    rdApplied[rd] = useDimension ? rdOffsets[rd]!.offset : overallOffsets[rdRater[rd]!]!.offset;
  }

  // 5. Agreement per dimension.
  const dimensionAgreements: DimensionAgreement[] = [];
  const dimensionOrdinalAlpha: Array<number | null> = [];
  const raterColumn = new Int32Array(R).fill(-1);
  for (let d = 0; d < D; d++) {
    const cellsFrom = dimensionCellStart[d]!;
    const cellsTo = dimensionCellStart[d + 1]!;
    let numeric = 0;
    let noEvidence = 0;
    let ratedCandidates = 0;
    for (let cell = cellsFrom; cell < cellsTo; cell++) {
      numeric += cellRaters[cell]!;
      if (cellRaters[cell]! > 0) ratedCandidates++;
      noEvidence += cellStart[cell + 1]! - cellStart[cell]! - cellRaters[cell]!;
    }
    const values = new Float64Array(numeric);
    const unitStart = new Int32Array(cellsTo - cellsFrom + 1);
    // Each rater's column in this dimension's candidates × raters matrix (for the ICC).
    const columnRaters: number[] = [];
    let v = 0;
    for (let cell = cellsFrom; cell < cellsTo; cell++) {
      unitStart[cell - cellsFrom] = v;
      for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
        if (entryCount[e] === 0) continue;
        values[v++] = entryValue[e]!;
        const r = entryRater[e]!;
        if (raterColumn[r] === -1) {
          raterColumn[r] = columnRaters.length;
          columnRaters.push(r);
        }
      }
    }
    unitStart[cellsTo - cellsFrom] = v;
    const alpha = krippendorffAlphaFlat({ values, unitStart });
    dimensionOrdinalAlpha.push(alpha.ordinal.alpha);

    const judges = columnRaters.length;
    let icc: IccResult;
    if (ratedCandidates < 2) icc = { ok: false, reason: `needs at least 2 rated candidates; found ${ratedCandidates}` };
    else if (judges < 2) icc = { ok: false, reason: `needs at least 2 raters; found ${judges}` };
    else if (numeric !== ratedCandidates * judges) {
      const missing = ratedCandidates * judges - numeric;
      icc = {
        ok: false,
        reason: `not fully crossed: ${missing} of ${ratedCandidates * judges} candidate × rater pairs have no rating (the ICC needs every rater to rate every candidate)`,
      };
    } else {
      const matrix: number[][] = [];
      for (let cell = cellsFrom; cell < cellsTo; cell++) {
        if (cellRaters[cell] === 0) continue;
        const row = new Array<number>(judges);
        for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
          if (entryCount[e]! > 0) row[raterColumn[entryRater[e]!]!] = entryValue[e]!;
        }
        matrix.push(row);
      }
      icc = intraclassCorrelation(matrix);
    }
    for (const r of columnRaters) raterColumn[r] = -1;
    dimensionAgreements.push({
      dimensionId: dimensionIds[d]!,
      candidates: ratedCandidates,
      raters: judges,
      ratings: numeric,
      noEvidence,
      krippendorffAlpha: alpha,
      icc,
    });
  }

  // 6. Candidate × dimension summaries.
  const summaries: CandidateDimensionSummary[] = new Array(cellCount);
  const candidateRawSum = new Float64Array(C);
  const candidateCalibratedSum = new Float64Array(C);
  const candidateRated = new Int32Array(C);
  const tQuantiles: number[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    const d = cellDimension[cell]!;
    const c = cellCandidate[cell]!;
    const m = cellRaters[cell]!;
    const from = cellStart[cell]!;
    const to = cellStart[cell + 1]!;
    const breakdown: CandidateDimensionRating[] = new Array(to - from);
    let calibratedSum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let e = from; e < to; e++) {
      const interviewerId = raterIds[entryRater[e]!]!;
      if (entryCount[e] === 0) {
        breakdown[e - from] = { interviewerId, raw: null, calibrated: null, offset: null };
        continue;
      }
      const raw = entryValue[e]!;
      const offset = rdApplied[entryRd[e]!]!;
      const calibrated = raw - offset;
      calibratedSum += calibrated;
      if (raw < min) min = raw;
      if (raw > max) max = raw;
      breakdown[e - from] = { interviewerId, raw, calibrated, offset };
    }
    const flags: CalibrationFlag[] = [];
    let summary: CandidateDimensionSummary;
    if (m === 0) {
      flags.push('no-evidence');
      summary = {
        candidateId: candidateIds[c]!,
        dimensionId: dimensionIds[d]!,
        raters: 0,
        noEvidence: to - from,
        raw: null,
        calibrated: null,
        spread: null,
        interval: null,
        flags,
        ratings: breakdown,
      };
    } else {
      const rawMean = cellSum[cell]! / m;
      const calibratedMean = calibratedSum / m;
      let sd: number | null = null;
      let interval: [number, number] | null = null;
      if (m >= 2) {
        let ssRaw = 0;
        let ssCalibrated = 0;
        for (let e = from; e < to; e++) {
          if (entryCount[e] === 0) continue;
          const raw = entryValue[e]!;
          ssRaw += (raw - rawMean) ** 2;
          ssCalibrated += (raw - rdApplied[entryRd[e]!]! - calibratedMean) ** 2;
        }
        sd = Math.sqrt(ssRaw / (m - 1));
        const t = (tQuantiles[m] ??= studentTQuantile(tailP, m - 1));
        const halfWidth = t * Math.sqrt(ssCalibrated / (m - 1) / m);
        interval = [calibratedMean - halfWidth, calibratedMean + halfWidth];
      }
      if (m === 1) flags.push('single-rater');
      const alpha = dimensionOrdinalAlpha[d]!;
      if (
        (m >= 2 && max - min >= opts.lowAgreementSpread - 1e-9) ||
        (alpha !== null && alpha < opts.lowAgreementAlpha)
      ) {
        flags.push('low-agreement');
      }
      summary = {
        candidateId: candidateIds[c]!,
        dimensionId: dimensionIds[d]!,
        raters: m,
        noEvidence: to - from - m,
        raw: rawMean,
        calibrated: calibratedMean,
        spread: { sd, min, max },
        interval,
        flags,
        ratings: breakdown,
      };
      candidateRawSum[c]! += rawMean;
      candidateCalibratedSum[c]! += calibratedMean;
      candidateRated[c]! += 1;
    }
    summaries[cell] = summary;
  }

  // 7. Assemble records; indices are in id order, so records come out keyed in id order.
  const explicitDimensions = new Set(options.dimensionIds ?? []);
  const candidates: Record<string, CandidateCalibration> = {};
  const candidateDimensions: Array<Record<string, CandidateDimensionSummary>> = Array.from({ length: C }, () => ({}));
  // Cells run dimension by dimension, so each candidate's record receives its dimensions in order.
  for (let d = 0; d < D; d++) {
    const dimensionId = dimensionIds[d]!;
    const isExplicit = explicitDimensions.has(dimensionId);
    // Pack dimensions get a summary for every candidate; others only where rated.
    let cell = dimensionCellStart[d]!;
    const end = dimensionCellStart[d + 1]!;
    if (!isExplicit) {
      for (; cell < end; cell++) recordSet(candidateDimensions[cellCandidate[cell]!]!, dimensionId, summaries[cell]!);
      continue;
    }
    for (let c = 0; c < C; c++) {
      if (cell < end && cellCandidate[cell] === c) {
        recordSet(candidateDimensions[c]!, dimensionId, summaries[cell]!);
        cell++;
      } else {
        recordSet(candidateDimensions[c]!, dimensionId, {
          candidateId: candidateIds[c]!,
          dimensionId,
          raters: 0,
          noEvidence: 0,
          raw: null,
          calibrated: null,
          spread: null,
          interval: null,
          flags: ['no-evidence'],
          ratings: [],
        });
      }
    }
  }
  for (let c = 0; c < C; c++) {
    const rated = candidateRated[c]!;
    recordSet(candidates, candidateIds[c]!, {
      candidateId: candidateIds[c]!,
      raw: rated === 0 ? null : candidateRawSum[c]! / rated,
      calibrated: rated === 0 ? null : candidateCalibratedSum[c]! / rated,
      ratedDimensions: rated,
      dimensions: candidateDimensions[c]!,
    });
  }

  const raters: Record<string, RaterCalibration> = {};
  const raterRecords: RaterCalibration[] = raterIds.map((interviewerId, r) => ({
    interviewerId,
    ratings: raterRatings[r]!,
    noEvidence: raterNoEvidence[r]!,
    overall: overallOffsets[r]!,
    dimensions: {},
  }));
  // rd records were created dimension by dimension, so each rater's come in dimension order.
  for (let rd = 0; rd < rdCount; rd++) {
    recordSet(raterRecords[rdRater[rd]!]!.dimensions, dimensionIds[rdDimension[rd]!]!, {
      ...rdOffsets[rd]!,
      ratings: rdRatings[rd]!,
      noEvidence: rdNoEvidence[rd]!,
      applied: { offset: rdApplied[rd]!, source: rdSource[rd]! },
    });
  }
  for (const record of raterRecords) recordSet(raters, record.interviewerId, record);
  const dimensions: Record<string, DimensionAgreement> = {};
  for (const agreement of dimensionAgreements) recordSet(dimensions, agreement.dimensionId, agreement);
  return { options: opts, raters, candidates, dimensions };
}

/** Sets an own, enumerable property, even for a key such as `__proto__`. */
function recordSet<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
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

function clean(x: number): number {
  return x === 0 ? 0 : x;
}

/**
 * Stable counting sort of `count` items by an integer key in [0, buckets); `input` is the item
 * order to keep within a key (identity when `null`). Returns the sorted item indices.
 */
function countingSort(
  count: number,
  buckets: number,
  key: (item: number) => number,
  input: Int32Array | null,
): Int32Array {
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) starts[key(i) + 1]! += 1;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const item = input === null ? i : input[i]!;
    out[starts[key(item)]!++] = item;
  }
  return out;
}
