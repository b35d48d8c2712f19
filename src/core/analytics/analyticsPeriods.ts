/**
 * The periods interviewer analytics are shown by: calendar quarters (UTC), with a thin quarter —
 * fewer than `minInterviews` sealed interviews in the whole pool — joined to the next one, so every
 * period's leniency fit rests on enough interviews to say something. Leftover thin quarters at the
 * end join the last full period.
 */

export interface AnalyticsPeriod {
  /** "2025 Q3", or "2025 Q4 – 2026 Q1" for joined quarters. */
  label: string;
  /** Start of the first quarter (ms, inclusive) and end of the last (ms, exclusive). */
  from: number;
  to: number;
  /** Sealed interviews (of every interviewer) in the period. */
  interviews: number;
}

/** Quarters with fewer sealed interviews than this are joined to the next. */
export const ANALYTICS_MIN_PERIOD_INTERVIEWS = 20;

const quarterIndexOf = (at: number) => {
  const d = new Date(at);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
};
const quarterStart = (index: number) => Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1);
const quarterLabel = (index: number) => `${Math.floor(index / 4)} Q${(index % 4) + 1}`;

/**
 * Periods covering `times` (each interview's date, ms), oldest first. Empty when there are none.
 * Every period but possibly a lone one holds at least `minInterviews` of them.
 */
export function analyticsPeriods(
  times: readonly number[],
  minInterviews: number = ANALYTICS_MIN_PERIOD_INTERVIEWS,
): AnalyticsPeriod[] {
  if (times.length === 0) return [];
  const perQuarter = new Map<number, number>();
  for (const t of times) {
    const q = quarterIndexOf(t);
    perQuarter.set(q, (perQuarter.get(q) ?? 0) + 1);
  }
  const quarters = [...perQuarter.keys()].sort((a, b) => a - b);
  type Group = { first: number; last: number; interviews: number };
  const groups: Group[] = [];
  let open: Group | null = null;
  for (const q of quarters) {
    const grown: Group = open
      ? { first: open.first, last: q, interviews: open.interviews + perQuarter.get(q)! }
      : { first: q, last: q, interviews: perQuarter.get(q)! };
    if (grown.interviews >= minInterviews) {
      groups.push(grown);
      open = null;
    } else open = grown;
  }
  if (open) {
    const last = groups.pop();
    groups.push(last ? { first: last.first, last: open.last, interviews: last.interviews + open.interviews } : open);
  }
  return groups.map((g) => ({
    label: g.first === g.last ? quarterLabel(g.first) : `${quarterLabel(g.first)} – ${quarterLabel(g.last)}`,
    from: quarterStart(g.first),
    to: quarterStart(g.last + 1),
    interviews: g.interviews,
  }));
}

/** The index of the period holding `at`, or -1. */
export function analyticsPeriodOf(periods: readonly AnalyticsPeriod[], at: number): number {
  return periods.findIndex((p) => at >= p.from && at < p.to);
}
