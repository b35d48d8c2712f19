/**
 * Interviewer analytics (SPEC §7a): per interviewer and period, the leniency offset with its
 * interval, agreement with co-panelists, the share of "no evidence", the time from interview to
 * sealed scorecard and the distance from the expert key in practice — and a drift flag where the
 * offset moved by more than the uncertainty of the move.
 *
 * Each period's offsets come from its own fit of the two-way additive model
 * (`calibrationPoolStats` over that period's sealed ratings only), so an interviewer's offset in
 * one quarter is measured against the panels they sat on in that quarter, with the same shrinkage
 * (`calibrationDefaults.shrinkage`) in every period so the periods compare. The interval is
 * offset ± 1.96 SE: the range the interviewer's true leniency in that period lies in with about
 * 95 % confidence, given the ratings seen. A move between consecutive periods is flagged as drift
 * when |Δ| > 1.96 · √(SE₁² + SE₂²), the 95 % bound of a difference of two independent estimates.
 */
import { calibrationColumnsFrom } from '../calibration/calibrationColumns';
import { calibrationPoolStats } from '../calibration/calibrationPoolStats';
import { calibrationDefaults, type RatingObservation } from '../calibration/calibrationTypes';
import { analyticsPeriodOf, analyticsPeriods, type AnalyticsPeriod } from './analyticsPeriods';

/** One sealed interview as analytics read it. */
export interface AnalyticsInterview {
  id: string;
  candidateId: string;
  interviewerId: string;
  /** When the interview took place (its start, or its schedule if it was never started), ms. */
  heldAt: number;
  /** When its first version was sealed, ms. */
  firstSealedAt: number;
}

/** One rating of a sealed interview; `score: null` = "no evidence". */
export interface AnalyticsRating {
  interviewId: string;
  dimensionId: string;
  score: number | null;
}

/** One sealed practice run: its mean absolute distance from the expert key (`null`: nothing comparable). */
export interface AnalyticsPracticeRun {
  interviewerId: string;
  sealedAt: number;
  meanAbsoluteDistance: number | null;
}

export interface AnalyticsInput {
  interviews: readonly AnalyticsInterview[];
  ratings: readonly AnalyticsRating[];
  practiceRuns: readonly AnalyticsPracticeRun[];
  /** The pack's dimensions. */
  dimensionIds: readonly string[];
}

/** z for a two-sided 95 % interval. */
export const ANALYTICS_Z95 = 1.96;

export interface InterviewerPeriod {
  /** Index into `InterviewerAnalyticsResult.periods`. */
  period: number;
  interviews: number;
  /** Numeric ratings given. */
  ratings: number;
  /** Leniency offset in this period (two-way model fitted on the period); `null` without comparable ratings. */
  offset: number | null;
  se: number | null;
  /** offset ± 1.96 SE; `null` when the SE is unknown. */
  interval: [number, number] | null;
  /** Share of numeric ratings within one point of the co-panelists' mean on the same candidate and dimension. */
  agreement: number | null;
  /** Ratings that had co-panelists to compare with. */
  agreementRestsOn: number;
  /** "No evidence" / all ratings given; `null` when none were given. */
  noEvidenceShare: number | null;
  /** Median hours from the interview to its first seal. */
  hoursToSeal: number | null;
  /** Mean over practice runs sealed in the period of their mean absolute distance from the key. */
  practiceDistance: number | null;
  practiceRuns: number;
  /** Set when the offset moved from the previous period (with an offset) by more than its uncertainty. */
  drift: { fromPeriod: number; delta: number; threshold: number } | null;
}

export interface InterviewerAnalytics {
  interviewerId: string;
  interviews: number;
  practiceRuns: number;
  /** One entry per period the interviewer sealed an interview or a practice run in, oldest first. */
  periods: InterviewerPeriod[];
  drifts: number;
}

export interface InterviewerAnalyticsResult {
  periods: AnalyticsPeriod[];
  /** In interviewer id order. */
  interviewers: InterviewerAnalytics[];
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const HOUR = 3_600_000;
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** Analytics of every interviewer over the sealed interviews given (one pack's). Pure. */
export function interviewerAnalytics(input: AnalyticsInput): InterviewerAnalyticsResult {
  const periods = analyticsPeriods(input.interviews.map((i) => i.heldAt));
  const interviewById = new Map(input.interviews.map((i) => [i.id, i]));
  const periodOf = new Map(input.interviews.map((i) => [i.id, analyticsPeriodOf(periods, i.heldAt)]));
  const offsets = periods.map((_, p) => periodOffsets(input, interviewById, periodOf, p));
  const agreement = agreementByInterview(input.ratings, interviewById);
  const ratingsOf = groupBy(input.ratings, (r) => r.interviewId);
  const interviewsOf = groupBy(input.interviews, (i) => i.interviewerId);
  const practiceOf = groupBy(input.practiceRuns, (r) => r.interviewerId);

  const ids = [...interviewsOf.keys()].sort();
  const interviewers = ids.map((interviewerId): InterviewerAnalytics => {
    const own = interviewsOf.get(interviewerId)!;
    const practice = practiceOf.get(interviewerId) ?? [];
    const rows: InterviewerPeriod[] = [];
    periods.forEach((_, p) => {
      const inPeriod = own.filter((i) => periodOf.get(i.id) === p);
      const runs = practice.filter((r) => analyticsPeriodOf(periods, r.sealedAt) === p);
      if (inPeriod.length === 0 && runs.length === 0) return;
      const ratings = inPeriod.flatMap((i) => ratingsOf.get(i.id) ?? []);
      rows.push(periodRow(p, inPeriod, runs, ratings, agreement, offsets[p]!.get(interviewerId)));
    });
    driftMark(rows);
    return {
      interviewerId,
      interviews: own.length,
      practiceRuns: practice.length,
      periods: rows,
      drifts: rows.filter((r) => r.drift).length,
    };
  });
  return { periods, interviewers };
}

/** Each interviewer's offset and SE from a fit of the two-way model on one period's ratings. */
function periodOffsets(
  input: AnalyticsInput,
  interviewById: ReadonlyMap<string, AnalyticsInterview>,
  periodOf: ReadonlyMap<string, number>,
  period: number,
): Map<string, { offset: number; se: number | null; n: number }> {
  const observations: RatingObservation[] = [];
  for (const r of input.ratings) {
    if (periodOf.get(r.interviewId) !== period) continue;
    const i = interviewById.get(r.interviewId)!;
    observations.push({ candidateId: i.candidateId, interviewerId: i.interviewerId, dimensionId: r.dimensionId, score: r.score });
  }
  // One fixed λ for every period: a data-chosen λ differs period to period, and a jump in λ
  // would read as a jump in leniency.
  const stats = calibrationPoolStats(calibrationColumnsFrom(observations, input.dimensionIds), {
    shrinkage: calibrationDefaults.shrinkage,
  });
  return new Map(Object.values(stats.raters).map((r) => [r.interviewerId, { offset: r.overall.offset, se: r.overall.se, n: r.overall.n }]));
}

/**
 * Per interview, how many of its numeric ratings had co-panelists on the same candidate and
 * dimension and how many of those lay within one point of the co-panelists' mean.
 */
function agreementByInterview(
  ratings: readonly AnalyticsRating[],
  interviewById: ReadonlyMap<string, AnalyticsInterview>,
): Map<string, { compared: number; within: number }> {
  const cells = new Map<string, Array<{ interviewerId: string; interviewId: string; score: number }>>();
  for (const r of ratings) {
    const i = interviewById.get(r.interviewId);
    if (!i || r.score === null) continue;
    const key = `${i.candidateId}\u0000${r.dimensionId}`;
    const cell = cells.get(key) ?? [];
    cell.push({ interviewerId: i.interviewerId, interviewId: i.id, score: r.score });
    cells.set(key, cell);
  }
  const out = new Map<string, { compared: number; within: number }>();
  for (const cell of cells.values()) {
    for (const own of cell) {
      const others = cell.filter((o) => o.interviewerId !== own.interviewerId).map((o) => o.score);
      if (others.length === 0) continue;
      const entry = out.get(own.interviewId) ?? { compared: 0, within: 0 };
      entry.compared++;
      if (Math.abs(own.score - mean(others)!) <= 1) entry.within++;
      out.set(own.interviewId, entry);
    }
  }
  return out;
}

function periodRow(
  period: number,
  interviews: readonly AnalyticsInterview[],
  runs: readonly AnalyticsPracticeRun[],
  /** The ratings of `interviews`. */
  own: readonly AnalyticsRating[],
  agreement: ReadonlyMap<string, { compared: number; within: number }>,
  fit: { offset: number; se: number | null; n: number } | undefined,
): InterviewerPeriod {
  const numeric = own.filter((r) => r.score !== null).length;
  let compared = 0;
  let within = 0;
  for (const { id } of interviews) {
    compared += agreement.get(id)?.compared ?? 0;
    within += agreement.get(id)?.within ?? 0;
  }
  const hasOffset = !!fit && fit.n > 0;
  const distances = runs.map((r) => r.meanAbsoluteDistance).filter((d): d is number => d !== null);
  return {
    period,
    interviews: interviews.length,
    ratings: numeric,
    offset: hasOffset ? fit.offset : null,
    se: hasOffset ? fit.se : null,
    interval: hasOffset && fit.se !== null ? [fit.offset - ANALYTICS_Z95 * fit.se, fit.offset + ANALYTICS_Z95 * fit.se] : null,
    agreement: compared > 0 ? within / compared : null,
    agreementRestsOn: compared,
    noEvidenceShare: own.length > 0 ? (own.length - numeric) / own.length : null,
    hoursToSeal: median(interviews.map((i) => Math.max(0, i.firstSealedAt - i.heldAt) / HOUR)),
    practiceDistance: mean(distances),
    practiceRuns: runs.length,
    drift: null,
  };
}

/** Flags each period whose offset moved from the previous period with one by more than 1.96 SE of the move. */
function driftMark(rows: InterviewerPeriod[]): void {
  let previous: InterviewerPeriod | null = null;
  for (const row of rows) {
    if (row.offset === null || row.se === null) continue;
    if (previous) {
      const delta = row.offset - previous.offset!;
      const threshold = ANALYTICS_Z95 * Math.hypot(row.se, previous.se!);
      if (Math.abs(delta) > threshold) row.drift = { fromPeriod: previous.period, delta, threshold };
    }
    previous = row;
  }
}
