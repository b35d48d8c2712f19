/**
 * Rater leniency from the pool's cells by a two-way additive model (SPEC §6):
 *
 *   rating = μ[candidate × dimension] + b[interviewer] + δ[interviewer × dimension] + noise
 *
 * with the interviewer effects b shrunk toward 0 by a ridge penalty λ·Σb² (a rater with few
 * comparisons is barely adjusted) and the dimension deviations δ shrunk by their own λd·Σδ². It is
 * fitted by alternating least squares: μ given b and δ is a cell's mean residual, and b, δ given μ
 * are shrunk mean residuals. The μ step is done exactly and the b, δ step solved on what it leaves
 * (see `fitSolve`), which reaches the same fixed point as plain alternation in far fewer passes.
 * Only cells rated by two or more interviewers say anything about leniency; a single rating is
 * absorbed by its own cell mean.
 *
 * Unlike the mean deviation from co-panelists (kept as `meanDeviation`, descriptive), the model
 * credits a rater for the panels they sat on: when strong candidates meet harsher interviewers, a
 * co-panelist's mean is itself biased and leave-one-out offsets are attenuated; the additive model
 * solves for every interviewer at once.
 *
 * λ is chosen by the data unless given: λ = σ²/τ², σ² the residual variance and τ² the variance of
 * interviewer effects — moment estimates from a first, (nearly) unshrunk fit, polished by up to
 * five EM rounds on the variance components. `calibrationDefaults.shrinkage` (5) is the documented
 * fallback when the data cannot say (no residual degrees of freedom, fewer than 3 raters with
 * comparisons). No spread beyond noise gives the largest λ (every offset ≈ 0); no noise at all the
 * smallest (offsets as fitted). λd starts from a moment estimate of the spread
 * of raters' dimension-level residual means beyond noise; when there is none, no δ is fitted.
 *
 * Linear: every solver iteration is two passes over the compared ratings; a solve stops at a
 * relative residual of 1e-9 (at most 1,000 iterations), and λ's EM stops when it moves by less
 * than 1e-3 relative.
 */
import type { CalibrationColumns } from './calibrationColumns';
import type { CalibrationPoolCells } from './calibrationPoolCells';
import {
  calibrationDefaults,
  type LeniencyModel,
  type RaterCalibration,
  type RaterOffset,
  type ResolvedCalibrationOptions,
} from './calibrationTypes';
import { recordSet } from './recordSet';

const maxIterations = 1000;
/** Relative residual of the normal equations at which a solve stops. */
const solveTolerance = 1e-9;
const maxEmRounds = 5;
const emTolerance = 1e-3;
/** λ is kept in this range: above it an effect is 0 for any data; below it the model loses its anchor at 0. */
const minShrinkage = 1e-6;
const maxShrinkage = 1e6;

/** The ratings the model learns from: numeric, in cells with m ≥ 2, grouped by cell. */
interface Compared {
  R: number;
  D: number;
  /** Compared cells; entries of compared cell j are [cellStart[j], cellStart[j + 1]). */
  cellStart: Int32Array;
  /**
   * Each compared rating's rater × dimension as a slot, dimension · R + rater. Per-rating passes
   * run cell by cell, i.e. one dimension at a time, and a slot puts that dimension's raters side
   * by side: the values they read and the sums they add to stay a few kilobytes however many raters
   * the pool has (in rater · D + dimension order they would be D values apart).
   */
  slot: Int32Array;
  /** The rater of each slot, and the slot of each rater · D + dimension. */
  raterOfSlot: Int32Array;
  slotOf: Int32Array;
  /** The rater of each rater · D + dimension. */
  raterOf: Int32Array;
  y: Float64Array;
  /** Comparisons per rater and per rater × dimension, raw and weighted (m − 1)/m. */
  n: Int32Array;
  information: Float64Array;
  nDimension: Int32Array;
  informationDimension: Float64Array;
  /**
   * Xᵀ M y: the ratings centred within their cells, summed per unknown (b of each rater, then δ of
   * each rater × dimension). The same for every λ; a solve zeroes the δ it holds at 0.
   */
  centredSums: Float64Array;
}

function comparedOf(columns: CalibrationColumns, cells: CalibrationPoolCells): Compared {
  const R = columns.raterIds.length;
  const D = columns.dimensionIds.length;
  const cellCount = cells.cellRaters.length;
  let K = 0;
  let J = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    if (cells.cellRaters[cell]! >= 2) {
      K += cells.cellRaters[cell]!;
      J++;
    }
  }
  const c: Compared = {
    R,
    D,
    cellStart: new Int32Array(J + 1),
    slot: new Int32Array(K),
    y: new Float64Array(K),
    n: new Int32Array(R),
    information: new Float64Array(R),
    nDimension: new Int32Array(R * D),
    informationDimension: new Float64Array(R * D),
    raterOf: new Int32Array(R * D),
    raterOfSlot: new Int32Array(R * D),
    slotOf: new Int32Array(R * D),
    centredSums: new Float64Array(R + R * D),
  };
  for (let rd = 0; rd < R * D; rd++) {
    const r = Math.floor(rd / D);
    c.raterOf[rd] = r;
    c.slotOf[rd] = (rd - r * D) * R + r;
    c.raterOfSlot[c.slotOf[rd]!] = r;
  }
  let k = 0;
  let j = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const m = cells.cellRaters[cell]!;
    if (m < 2) continue;
    c.cellStart[j++] = k;
    const d = cells.cellDimension[cell]!;
    const weight = (m - 1) / m;
    for (let e = cells.cellStart[cell]!; e < cells.cellStart[cell + 1]!; e++) {
      const x = cells.entryValue[e]!;
      if (Number.isNaN(x)) continue;
      const r = cells.entryRater[e]!;
      c.slot[k] = d * R + r;
      c.y[k] = x;
      c.n[r]! += 1;
      c.information[r]! += weight;
      c.nDimension[r * D + d]! += 1;
      c.informationDimension[r * D + d]! += weight;
      k++;
    }
  }
  c.cellStart[J] = k;
  centredSumsOf(c, c.y, c.centredSums);
  return c;
}

/**
 * out = Xᵀ M x for per-rating values x: each value centred within its cell, summed into its rater's
 * b and its rater × dimension δ (a sum into a δ held at 0 is overwritten by the caller).
 */
function centredSumsOf(c: Compared, x: Float64Array, out: Float64Array): void {
  const { cellStart, slot, raterOfSlot, R } = c;
  const J = cellStart.length - 1;
  const bySlot = new Float64Array(out.length);
  for (let j = 0; j < J; j++) {
    const from = cellStart[j]!;
    const to = cellStart[j + 1]!;
    let sum = 0;
    for (let k = from; k < to; k++) sum += x[k]!;
    const mean = sum / (to - from);
    for (let k = from; k < to; k++) {
      const s = slot[k]!;
      const v = x[k]! - mean;
      bySlot[raterOfSlot[s]!]! += v;
      bySlot[R + s]! += v;
    }
  }
  fromSlots(c, bySlot, out);
}

/** out = sums per unknown (b of each rater, then δ in rater · D + dimension order) from `bySlot`, whose δ are by slot. */
function fromSlots(c: Compared, bySlot: Float64Array, out: Float64Array): void {
  const { R, slotOf } = c;
  for (let r = 0; r < R; r++) out[r] = bySlot[r]!;
  for (let rd = 0; rd < slotOf.length; rd++) out[R + rd] = bySlot[R + slotOf[rd]!]!;
}

/**
 * out = Xᵀ M v for v = Xθ (each rating's θ[rater] + θ[δ]) centred within its cell, summed per
 * unknown, with the δ by slot (see `Compared.slot`). A rating's θ[rater] + θ[δ] depends only on
 * its rater × dimension, so it comes in `value` (one per slot, the same sum as per rating, so the
 * same number).
 */
function scatterCentred(c: Compared, value: Float64Array, out: Float64Array): void {
  const { cellStart, slot, raterOfSlot, R } = c;
  const J = cellStart.length - 1;
  out.fill(0);
  for (let j = 0; j < J; j++) {
    const from = cellStart[j]!;
    const to = cellStart[j + 1]!;
    let sum = 0;
    for (let k = from; k < to; k++) sum += value[slot[k]!]!;
    const mean = sum / (to - from);
    for (let k = from; k < to; k++) {
      const s = slot[k]!;
      const v = value[s]! - mean;
      out[raterOfSlot[s]!]! += v;
      out[R + s]! += v;
    }
  }
}

interface Fit {
  /** Cell means of the compared cells. */
  mu: Float64Array;
  b: Float64Array;
  delta: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * The least-squares solution for b and δ at the given λ, λd, with the cell means μ profiled out
 * (μ given b, δ is the cell's mean residual — the alternating step, done exactly). What remains is
 * the normal equations of b and δ on within-cell centred ratings, (XᵀMX + Λ)θ = XᵀMy, solved by
 * conjugate gradients with a diagonal preconditioner, warm-started from the fit's current values.
 * Alternating the μ and b steps converges to the same point; conjugate gradients get there in tens
 * of passes over the ratings instead of hundreds. `useDimension[rd]` says which δ are free; the
 * others stay 0; `lambdaD = Infinity` frees none. Returns the fit's residuals (one more pass, the
 * same one that sets μ).
 */
function fitSolve(c: Compared, fit: Fit, lambda: number, lambdaD: number, useDimension: Uint8Array): Residuals {
  const R = c.R;
  const size = R + c.R * c.D;
  const hasDimension = Number.isFinite(lambdaD);
  const isFree = new Uint8Array(size);
  const shrink = new Float64Array(size);
  const precondition = new Float64Array(size).fill(1);
  for (let r = 0; r < R; r++) {
    isFree[r] = c.n[r]! > 0 ? 1 : 0;
    shrink[r] = lambda;
    if (isFree[r]) precondition[r] = 1 / (c.information[r]! + lambda);
  }
  for (let rd = 0; rd < size - R; rd++) {
    isFree[R + rd] = hasDimension && useDimension[rd] === 1 ? 1 : 0;
    shrink[R + rd] = lambdaD;
    if (isFree[R + rd]) precondition[R + rd] = 1 / (c.informationDimension[rd]! + lambdaD);
  }
  const { raterOf, slotOf } = c;
  const value = new Float64Array(size - R);
  const bySlot = new Float64Array(size);
  /** out = (XᵀMX + Λ)θ on free unknowns; identity on the fixed ones (they stay 0). */
  const apply = (theta: Float64Array, out: Float64Array) => {
    for (let rd = 0; rd < size - R; rd++) {
      value[slotOf[rd]!] = theta[raterOf[rd]!]! + (isFree[R + rd] ? theta[R + rd]! : 0);
    }
    scatterCentred(c, value, bySlot);
    fromSlots(c, bySlot, out);
    for (let i = 0; i < size; i++) out[i] = isFree[i] ? out[i]! + shrink[i]! * theta[i]! : theta[i]!;
  };
  const rhs = c.centredSums.slice();
  for (let i = 0; i < size; i++) if (!isFree[i]) rhs[i] = 0;
  const theta = new Float64Array(size);
  theta.set(fit.b, 0);
  theta.set(fit.delta, R);
  for (let i = 0; i < size; i++) if (!isFree[i]) theta[i] = 0;
  const residual = new Float64Array(size);
  const z = new Float64Array(size);
  const direction = new Float64Array(size);
  const product = new Float64Array(size);
  apply(theta, product);
  let rhsNorm = 0;
  let rz = 0;
  for (let i = 0; i < size; i++) {
    residual[i] = rhs[i]! - product[i]!;
    z[i] = residual[i]! * precondition[i]!;
    direction[i] = z[i]!;
    rhsNorm += rhs[i]! ** 2;
    rz += residual[i]! * z[i]!;
  }
  const tolerance = solveTolerance ** 2 * Math.max(rhsNorm, 1e-300);
  fit.converged = false;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let rr = 0;
    for (let i = 0; i < size; i++) rr += residual[i]! ** 2;
    if (rr <= tolerance) {
      fit.converged = true;
      break;
    }
    fit.iterations++;
    apply(direction, product);
    let pAp = 0;
    for (let i = 0; i < size; i++) pAp += direction[i]! * product[i]!;
    const step = rz / pAp;
    let rzNext = 0;
    for (let i = 0; i < size; i++) {
      theta[i]! += step * direction[i]!;
      residual[i]! -= step * product[i]!;
      z[i] = residual[i]! * precondition[i]!;
      rzNext += residual[i]! * z[i]!;
    }
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < size; i++) direction[i] = z[i]! + beta * direction[i]!;
  }
  fit.b.set(theta.subarray(0, R));
  fit.delta.set(theta.subarray(R));
  return fitResiduals(c, fit);
}

/** Sets μ given b and δ (each cell's mean residual), and returns the fit's residuals, cell by cell. */
function fitResiduals(c: Compared, fit: Fit): Residuals {
  const { cellStart, slot, raterOfSlot, slotOf, y } = c;
  const J = cellStart.length - 1;
  const RD = slotOf.length;
  const delta = new Float64Array(RD);
  for (let rd = 0; rd < RD; rd++) delta[slotOf[rd]!] = fit.delta[rd]!;
  const beforeDeltaBySlot = new Float64Array(RD);
  let rss = 0;
  for (let j = 0; j < J; j++) {
    const from = cellStart[j]!;
    const to = cellStart[j + 1]!;
    let sum = 0;
    for (let k = from; k < to; k++) sum += y[k]! - fit.b[raterOfSlot[slot[k]!]!]! - delta[slot[k]!]!;
    const mu = sum / (to - from);
    fit.mu[j] = mu;
    for (let k = from; k < to; k++) {
      const s = slot[k]!;
      const beforeDelta = y[k]! - mu - fit.b[raterOfSlot[s]!]!;
      beforeDeltaBySlot[s]! += beforeDelta;
      rss += (beforeDelta - delta[s]!) ** 2;
    }
  }
  const byRaterDimension = new Float64Array(RD);
  for (let rd = 0; rd < RD; rd++) byRaterDimension[rd] = beforeDeltaBySlot[slotOf[rd]!]!;
  return { rss, byRaterDimension };
}

/** Of a fit: the residual sum of squares and, per rater × dimension, the residual sum before δ. */
interface Residuals {
  rss: number;
  byRaterDimension: Float64Array;
}

const clampShrinkage = (x: number) => Math.min(maxShrinkage, Math.max(minShrinkage, x));

/**
 * The additive model fitted to the pool, with λ and λd chosen as documented above. Returns the
 * effects and, for the records, σ (null without degrees of freedom) and the model summary.
 */
function leniencyFit(c: Compared, opts: ResolvedCalibrationOptions, requestedShrinkage: number | undefined) {
  const J = c.cellStart.length - 1;
  const K = c.y.length;
  const fit: Fit = {
    mu: new Float64Array(J),
    b: new Float64Array(c.R),
    delta: new Float64Array(c.R * c.D),
    iterations: 0,
    converged: true,
  };
  const useDimension = new Uint8Array(c.R * c.D);
  let usedDimensions = 0;
  for (let rd = 0; rd < useDimension.length; rd++) {
    if (c.nDimension[rd]! >= opts.minDimensionComparisons && c.nDimension[rd]! > 0) {
      useDimension[rd] = 1;
      usedDimensions++;
    }
  }
  let raters = 0;
  for (let r = 0; r < c.R; r++) if (c.n[r]! > 0) raters++;
  const isFixed = requestedShrinkage !== undefined;
  const isDataChosen = !isFixed && raters >= 3;
  let lambda = isFixed ? requestedShrinkage : isDataChosen ? minShrinkage : calibrationDefaults.shrinkage;
  let lambdaD = Infinity;
  let source: LeniencyModel['shrinkageSource'] = isFixed ? 'option' : 'default';
  const sigma2Of = (rss: number) => {
    const dof = K - J - raters - (Number.isFinite(lambdaD) ? usedDimensions : 0);
    return dof > 0 ? rss / dof : null;
  };
  let fitted = fitSolve(c, fit, lambda, lambdaD, useDimension);
  let sigma2 = sigma2Of(fitted.rss);

  // λ by the data: from the (nearly) unshrunk fit, σ² and a moment estimate of τ², the spread of
  // interviewer effects beyond their sampling noise σ²/I.
  if (isDataChosen) {
    if (sigma2 === null) lambda = calibrationDefaults.shrinkage;
    else {
      source = 'data';
      let tau2 = 0;
      for (let r = 0; r < c.R; r++) {
        if (c.n[r]! > 0) tau2 += fit.b[r]! ** 2 - sigma2 / c.information[r]!;
      }
      tau2 /= raters;
      lambda = sigma2 === 0 ? minShrinkage : tau2 > 0 ? clampShrinkage(sigma2 / tau2) : maxShrinkage;
    }
    fitted = fitSolve(c, fit, lambda, lambdaD, useDimension);
    sigma2 = sigma2Of(fitted.rss);
  }

  // Dimension deviations: fitted only if raters' dimension-level residual means spread beyond noise.
  if (sigma2 !== null && usedDimensions > 0) {
    const { byRaterDimension } = fitted;
    let excess = 0;
    for (let rd = 0; rd < useDimension.length; rd++) {
      if (!useDimension[rd]) continue;
      const mean = byRaterDimension[rd]! / c.nDimension[rd]!;
      excess += mean * mean - sigma2 / c.informationDimension[rd]!;
    }
    const tauD2 = excess / usedDimensions;
    if (tauD2 > 0) {
      lambdaD = clampShrinkage(sigma2 / tauD2);
      fitted = fitSolve(c, fit, lambda, lambdaD, useDimension);
    }
  }

  // A few EM rounds on the variance components polish the moment estimates.
  for (let round = 0; source === 'data' && round < maxEmRounds; round++) {
    sigma2 = sigma2Of(fitted.rss);
    if (sigma2 === null || sigma2 <= 0) break;
    let tau2 = 0;
    for (let r = 0; r < c.R; r++) {
      if (c.n[r]! > 0) tau2 += fit.b[r]! ** 2 + sigma2 / (c.information[r]! + lambda);
    }
    const next = clampShrinkage(sigma2 / (tau2 / raters));
    let nextD = lambdaD;
    if (Number.isFinite(lambdaD)) {
      let tauD2 = 0;
      for (let rd = 0; rd < useDimension.length; rd++) {
        if (useDimension[rd]) tauD2 += fit.delta[rd]! ** 2 + sigma2 / (c.informationDimension[rd]! + lambdaD);
      }
      nextD = clampShrinkage(sigma2 / (tauD2 / usedDimensions));
    }
    const moved =
      Math.abs(next - lambda) / lambda + (Number.isFinite(lambdaD) ? Math.abs(nextD - lambdaD) / lambdaD : 0);
    lambda = next;
    lambdaD = nextD;
    fitted = fitSolve(c, fit, lambda, lambdaD, useDimension);
    if (moved < emTolerance) break;
  }
  sigma2 = sigma2Of(fitted.rss);
  const model: LeniencyModel = {
    method: 'two-way additive, alternating least squares',
    shrinkage: lambda,
    shrinkageSource: source,
    dimensionShrinkage: Number.isFinite(lambdaD) ? lambdaD : null,
    residualSd: sigma2 === null ? null : Math.sqrt(sigma2),
    iterations: fit.iterations,
    converged: fit.converged,
  };
  return {
    fit,
    lambda,
    lambdaD,
    useDimension,
    sigma: sigma2 === null ? null : Math.sqrt(sigma2),
    byRaterDimension: fitted.byRaterDimension,
    model,
  };
}

/** Leave-one-out mean deviations (descriptive) and rating counts, per rater × dimension. */
function leniencyCounts(columns: CalibrationColumns, cells: CalibrationPoolCells) {
  const R = columns.raterIds.length;
  const D = columns.dimensionIds.length;
  const deviation = new Float64Array(R * D);
  const numeric = new Int32Array(R * D);
  const noEvidence = new Int32Array(R * D);
  const seen = new Uint8Array(R * D);
  const { cellStart, cellRaters, cellSum, entryRater, entryValue, cellDimension } = cells;
  for (let cell = 0; cell < cellRaters.length; cell++) {
    const d = cellDimension[cell]!;
    const m = cellRaters[cell]!;
    const sum = cellSum[cell]!;
    for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
      const rd = entryRater[e]! * D + d;
      seen[rd] = 1;
      const x = entryValue[e]!;
      if (Number.isNaN(x)) {
        noEvidence[rd]! += 1;
        continue;
      }
      numeric[rd]! += 1;
      if (m >= 2) deviation[rd]! += x - (sum - x) / (m - 1);
    }
  }
  return { deviation, numeric, noEvidence, seen };
}

/**
 * Each rater's offset overall (the interviewer effect b) and per dimension (b + δ; the δ a
 * dimension would get is shown even where it rests on too few comparisons to be applied), with
 * standard errors. Raters come back in id order, their dimensions too.
 */
export function calibrationLeniency(
  columns: CalibrationColumns,
  cells: CalibrationPoolCells,
  options: ResolvedCalibrationOptions,
  requestedShrinkage: number | undefined,
): { raters: RaterCalibration[]; model: LeniencyModel } {
  const { raterIds, dimensionIds } = columns;
  const D = dimensionIds.length;
  const compared = comparedOf(columns, cells);
  const { fit, lambda, lambdaD, useDimension, sigma, byRaterDimension, model } = leniencyFit(
    compared,
    options,
    requestedShrinkage,
  );
  const counts = leniencyCounts(columns, cells);
  const seOf = (information: number, shrink: number) =>
    sigma === null ? null : clean(sigma / Math.sqrt(information + shrink));
  const raters = raterIds.map((interviewerId, r): RaterCalibration => {
    let deviation = 0;
    let ratings = 0;
    let marks = 0;
    for (let d = 0; d < D; d++) {
      deviation += counts.deviation[r * D + d]!;
      ratings += counts.numeric[r * D + d]!;
      marks += counts.noEvidence[r * D + d]!;
    }
    const n = compared.n[r]!;
    const overall: RaterOffset = {
      offset: clean(fit.b[r]!),
      se: n === 0 ? null : seOf(compared.information[r]!, lambda),
      n,
      meanDeviation: n === 0 ? null : clean(deviation / n),
    };
    const record: RaterCalibration = { interviewerId, ratings, noEvidence: marks, overall, dimensions: {} };
    for (let d = 0; d < D; d++) {
      const rd = r * D + d;
      if (!counts.seen[rd]) continue;
      const nd = compared.nDimension[rd]!;
      const hasDelta = Number.isFinite(lambdaD) && nd > 0;
      const delta = useDimension[rd] ? fit.delta[rd]! : hasDelta ? byRaterDimension[rd]! / (nd + lambdaD) : 0;
      const deltaVariance =
        hasDelta && sigma !== null ? sigma ** 2 / (compared.informationDimension[rd]! + lambdaD) : 0;
      const se = overall.se === null ? null : clean(Math.sqrt(overall.se ** 2 + deltaVariance));
      const isApplied = useDimension[rd] === 1 && Number.isFinite(lambdaD);
      recordSet(record.dimensions, dimensionIds[d]!, {
        offset: clean(fit.b[r]! + delta),
        se,
        n: nd,
        meanDeviation: nd === 0 ? null : clean(counts.deviation[rd]! / nd),
        ratings: counts.numeric[rd]!,
        noEvidence: counts.noEvidence[rd]!,
        applied: isApplied
          ? { offset: clean(fit.b[r]! + delta), source: 'dimension', se }
          : { offset: overall.offset, source: 'overall', se: overall.se },
      });
    }
    return record;
  });
  return { raters, model };
}

function clean(x: number): number {
  return x === 0 ? 0 : x;
}
