/**
 * Krippendorff's alpha: agreement among any number of raters, with missing ratings, for nominal,
 * ordinal and interval data.
 *
 * Method: Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability". Annenberg School
 * for Communication, University of Pennsylvania. The coincidence matrix o_ck counts, within each
 * unit u with m_u ≥ 2 values, every ordered pair of values from different raters weighted by
 * 1/(m_u − 1); n_c are its marginals and n = Σ n_c the number of pairable values.
 *
 *   α = 1 − D_o / D_e,   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,   D_e = 1/(n(n−1)) Σ_c Σ_k n_c n_k δ²_ck
 *
 * The sums are taken from value tallies rather than the V×V matrix, so the work is linear in the
 * number of ratings whatever the number of distinct values:
 *
 * - nominal (δ² = [c ≠ k]): Σ_{c,k} o_ck δ² = Σ_u (m_u² − Σ_c n_uc²)/(m_u − 1), and
 *   Σ_{c,k} n_c n_k δ² = n² − Σ_c n_c².
 * - interval (δ² = (c − k)²): Σ over ordered pairs within a unit of (v_i − v_j)² = 2 m_u SS_u, where
 *   SS_u is the unit's sum of squared deviations from its mean; likewise Σ_{c,k} n_c n_k δ² = 2n SS.
 * - ordinal (δ_ck = Σ_{g=c}^{k} n_g − (n_c + n_k)/2): with each value's mid-rank position
 *   p_c = Σ_{g<c} n_g + n_c/2, δ_ck = p_k − p_c, so ordinal alpha is interval alpha computed on the
 *   positions p_c (ranks taken over the pairable values of the whole data set).
 *
 * Units with fewer than two values are not pairable and drop out, as in the paper.
 */

/** Values 0 … smallValues − 1 that are integers are tallied in arrays rather than maps. */
const smallValues = 64;
const isSmall = (v: number) => v >= 0 && v < smallValues && (v | 0) === v;

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export const alphaMetrics: readonly AlphaMetric[] = ['nominal', 'ordinal', 'interval'];

/**
 * Alpha, or `alpha: null` with the reason it is undefined. `pairableValues` (n) and
 * `pairableUnits` count what entered the computation.
 */
export type KrippendorffAlphaResult =
  | { alpha: number; reason: null; pairableValues: number; pairableUnits: number }
  | { alpha: null; reason: string; pairableValues: number; pairableUnits: number };

/**
 * Units packed flat: the values of unit u are `values[unitStart[u]] … values[unitStart[u + 1] − 1]`
 * (so `unitStart` has one more entry than there are units). Missing ratings are simply absent.
 */
export interface AlphaUnitsFlat {
  values: ArrayLike<number>;
  unitStart: ArrayLike<number>;
}

/** Packs nested units, dropping `null`/`undefined` (missing) and rejecting non-finite numbers. */
function alphaUnitsPack(units: ReadonlyArray<ReadonlyArray<number | null | undefined>>): AlphaUnitsFlat {
  const values: number[] = [];
  const unitStart: number[] = [0];
  for (const unit of units) {
    for (const value of unit) {
      if (value === null || value === undefined) continue;
      if (!Number.isFinite(value)) throw new RangeError(`krippendorffAlpha: rating ${value} is not a finite number`);
      values.push(value);
    }
    unitStart.push(values.length);
  }
  return { values, unitStart };
}

/**
 * Krippendorff's alpha for one metric over `units`: one array per unit (a candidate on a
 * dimension), holding each rater's value, `null`/`undefined` where a rater gave none. Rater order
 * within a unit does not matter. 1 = perfect agreement, 0 = agreement at chance level, negative =
 * systematic disagreement. Undefined (`alpha: null`) when no unit has two values, or when every
 * pairable value is the same (no variation, D_e = 0).
 */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  metric: AlphaMetric,
): KrippendorffAlphaResult {
  return krippendorffAlphaFlat(alphaUnitsPack(units))[metric];
}

/** {@link krippendorffAlpha} for all three metrics at once (one pass over the data). */
export function krippendorffAlphas(
  units: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
): Record<AlphaMetric, KrippendorffAlphaResult> {
  return krippendorffAlphaFlat(alphaUnitsPack(units));
}

/**
 * All three alphas over units already packed flat (see {@link AlphaUnitsFlat}); values must be
 * finite. Linear in the number of values plus a sort of the distinct values.
 */
export function krippendorffAlphaFlat(units: AlphaUnitsFlat): Record<AlphaMetric, KrippendorffAlphaResult> {
  const { values, unitStart } = units;
  const unitCount = unitStart.length - 1;

  // Pass 1: marginal tallies n_c over pairable values (small integers, i.e. scale points, in an
  // array; any other value in a map).
  const smallTally = new Int32Array(smallValues);
  const tally = new Map<number, number>();
  let n = 0;
  let pairableUnits = 0;
  for (let u = 0; u < unitCount; u++) {
    const start = unitStart[u]!;
    const end = unitStart[u + 1]!;
    if (end - start < 2) continue;
    pairableUnits++;
    n += end - start;
    for (let i = start; i < end; i++) {
      const v = values[i]! === 0 ? 0 : values[i]!; // -0 and 0 are one value
      if (isSmall(v)) smallTally[v]! += 1;
      else tally.set(v, (tally.get(v) ?? 0) + 1);
    }
  }
  for (let v = 0; v < smallValues; v++) if (smallTally[v]! > 0) tally.set(v, smallTally[v]!);

  const undefinedAll = (reason: string): Record<AlphaMetric, KrippendorffAlphaResult> => {
    const result = { alpha: null, reason, pairableValues: n, pairableUnits } as const;
    return { nominal: result, ordinal: result, interval: result };
  };
  if (n === 0) {
    return undefinedAll('no unit has ratings from two or more raters, so there is nothing to compare');
  }
  if (tally.size < 2) {
    const only = tally.keys().next().value as number;
    return undefinedAll(`no variation: every compared rating is ${only}, so chance agreement cannot be told apart`);
  }

  // Distinct values in order, their index, and their ordinal mid-rank positions.
  const distinct = [...tally.keys()].sort((a, b) => a - b);
  const index = new Map<number, number>();
  const smallIndex = new Int32Array(smallValues);
  const position = new Float64Array(distinct.length);
  const count = new Float64Array(distinct.length);
  let below = 0;
  distinct.forEach((v, i) => {
    const nc = tally.get(v)!;
    if (isSmall(v)) smallIndex[v] = i;
    else index.set(v, i);
    count[i] = nc;
    position[i] = below + nc / 2;
    below += nc;
  });

  // Expected-disagreement sums.
  let sumNc2 = 0;
  let meanValue = 0;
  let meanPosition = 0;
  for (let i = 0; i < distinct.length; i++) {
    sumNc2 += count[i]! * count[i]!;
    meanValue += count[i]! * distinct[i]!;
    meanPosition += count[i]! * position[i]!;
  }
  meanValue /= n;
  meanPosition /= n;
  let ssValue = 0;
  let ssPosition = 0;
  for (let i = 0; i < distinct.length; i++) {
    ssValue += count[i]! * (distinct[i]! - meanValue) ** 2;
    ssPosition += count[i]! * (position[i]! - meanPosition) ** 2;
  }

  // Pass 2: observed-disagreement sums, unit by unit, from per-unit tallies.
  const unitCount_c = new Int32Array(distinct.length);
  // The distinct values a unit holds, in first-seen order (a typed array: emptying a plain array
  // unit by unit would allocate its storage anew for every unit).
  const touched = new Int32Array(distinct.length);
  let observedNominal = 0;
  let observedInterval = 0;
  let observedOrdinal = 0;
  for (let u = 0; u < unitCount; u++) {
    const start = unitStart[u]!;
    const end = unitStart[u + 1]!;
    const m = end - start;
    if (m < 2) continue;
    let touchedCount = 0;
    let sumSquaresOfCounts = 0;
    let sumV = 0;
    let sumP = 0;
    for (let i = start; i < end; i++) {
      const v = values[i]! === 0 ? 0 : values[i]!;
      const c = isSmall(v) ? smallIndex[v]! : index.get(v)!;
      const before = unitCount_c[c]!;
      if (before === 0) touched[touchedCount++] = c;
      unitCount_c[c] = before + 1;
      sumSquaresOfCounts += 2 * before + 1; // (x+1)² − x²
      sumV += v;
      sumP += position[c]!;
    }
    const meanV = sumV / m;
    const meanP = sumP / m;
    let ssV = 0;
    let ssP = 0;
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t]!;
      const nuc = unitCount_c[c]!;
      ssV += nuc * (distinct[c]! - meanV) ** 2;
      ssP += nuc * (position[c]! - meanP) ** 2;
      unitCount_c[c] = 0;
    }
    observedNominal += (m * m - sumSquaresOfCounts) / (m - 1);
    observedInterval += (m * ssV) / (m - 1);
    observedOrdinal += (m * ssP) / (m - 1);
  }

  const result = (alpha: number): KrippendorffAlphaResult => ({
    alpha: alpha === 0 ? 0 : alpha,
    reason: null,
    pairableValues: n,
    pairableUnits,
  });
  // α = 1 − D_o/D_e with the common factors cancelled (see the module comment).
  return {
    nominal: result(1 - ((n - 1) * observedNominal) / (n * n - sumNc2)),
    interval: result(1 - ((n - 1) * observedInterval) / (n * ssValue)),
    ordinal: result(1 - ((n - 1) * observedOrdinal) / (n * ssPosition)),
  };
}
