/**
 * Intraclass correlation for a fully crossed panel: every judge rated every target.
 *
 * Method: Shrout, P. E., & Fleiss, J. L. (1979). "Intraclass correlations: Uses in assessing rater
 * reliability". Psychological Bulletin, 86(2), 420–428. From the two-way ANOVA of n targets × k
 * judges:
 *
 *   BMS between-targets mean square   = SS_rows / (n − 1)
 *   WMS within-target mean square     = (SS_total − SS_rows) / (n(k − 1))
 *   JMS between-judges mean square    = SS_cols / (k − 1)
 *   EMS residual mean square          = (SS_total − SS_rows − SS_cols) / ((n − 1)(k − 1))
 *
 *   ICC(1,1) = (BMS − WMS) / (BMS + (k − 1) WMS)          one-way random, single rating
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n)   two-way random, absolute
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k − 1) EMS)          two-way mixed, consistency
 *   ICC(1,k) = (BMS − WMS) / BMS                           mean of the k judges' ratings
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n)
 *   ICC(3,k) = (BMS − EMS) / BMS
 */

export interface IccValues {
  ICC1: number;
  ICC2: number;
  ICC3: number;
  ICC1k: number;
  ICC2k: number;
  ICC3k: number;
}

export interface IccMeanSquares {
  BMS: number;
  WMS: number;
  JMS: number;
  EMS: number;
}

/** The six forms with the mean squares they came from, or why they cannot be computed. */
export type IccResult =
  | { ok: true; value: IccValues & { targets: number; judges: number; meanSquares: IccMeanSquares } }
  | { ok: false; reason: string };

/**
 * The six Shrout & Fleiss (1979) intraclass correlations for `matrix[target][judge]`. Needs a fully
 * crossed panel: every row the same length, no missing (`null`) cell, at least 2 targets and 2
 * judges; and the targets must differ (BMS > 0), otherwise the forms are undefined. Each failure
 * comes back as `{ ok: false, reason }` in words a reviewer can act on.
 */
export function intraclassCorrelation(matrix: ReadonlyArray<ReadonlyArray<number | null | undefined>>): IccResult {
  const n = matrix.length;
  if (n < 2) return { ok: false, reason: `needs at least 2 candidates rated by the same panel; found ${n}` };
  const k = matrix[0]!.length;
  if (k < 2) return { ok: false, reason: `needs at least 2 raters who rated every candidate; found ${k}` };

  let grand = 0;
  const rowMeans = new Float64Array(n);
  const colMeans = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!;
    if (row.length !== k) {
      return {
        ok: false,
        reason: `not fully crossed: candidate ${i + 1} has ${row.length} rater columns, expected ${k}`,
      };
    }
    for (let j = 0; j < k; j++) {
      const x = row[j];
      if (x === null || x === undefined) {
        return { ok: false, reason: `not fully crossed: candidate ${i + 1} has no rating from rater ${j + 1}` };
      }
      if (!Number.isFinite(x)) return { ok: false, reason: `rating ${x} is not a finite number` };
      rowMeans[i]! += x;
      colMeans[j]! += x;
      grand += x;
    }
  }
  grand /= n * k;
  for (let i = 0; i < n; i++) rowMeans[i]! /= k;
  for (let j = 0; j < k; j++) colMeans[j]! /= n;

  let ssTotal = 0;
  let ssRows = 0;
  let ssCols = 0;
  for (let i = 0; i < n; i++) {
    ssRows += (rowMeans[i]! - grand) ** 2;
    const row = matrix[i]!;
    for (let j = 0; j < k; j++) ssTotal += (row[j]! - grand) ** 2;
  }
  for (let j = 0; j < k; j++) ssCols += (colMeans[j]! - grand) ** 2;
  ssRows *= k;
  ssCols *= n;

  // Relative tolerance: sums of squares that are zero up to rounding count as zero.
  const tiny = 1e-20 * Math.max(1, grand * grand) * n * k;
  if (ssTotal <= tiny) return { ok: false, reason: 'no variance: every rating is the same' };
  if (ssRows <= tiny) {
    return {
      ok: false,
      reason: 'candidates do not differ (every candidate has the same mean rating), so the ICC is undefined',
    };
  }

  const BMS = ssRows / (n - 1);
  const WMS = (ssTotal - ssRows) / (n * (k - 1));
  const JMS = ssCols / (k - 1);
  const EMS = Math.max(0, ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
  const clean = (x: number) => (x === 0 ? 0 : x);
  return {
    ok: true,
    value: {
      ICC1: clean((BMS - WMS) / (BMS + (k - 1) * WMS)),
      ICC2: clean((BMS - EMS) / (BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n)),
      ICC3: clean((BMS - EMS) / (BMS + (k - 1) * EMS)),
      ICC1k: clean((BMS - WMS) / BMS),
      ICC2k: clean((BMS - EMS) / (BMS + (JMS - EMS) / n)),
      ICC3k: clean((BMS - EMS) / BMS),
      targets: n,
      judges: k,
      meanSquares: { BMS, WMS, JMS, EMS },
    },
  };
}
