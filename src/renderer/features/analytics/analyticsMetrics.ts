/**
 * The five measures the analytics screen charts, each with how to read it off a period row, how to
 * print it, the range its axis covers and what it means in plain words. One home for each, so the
 * chart, its data table and the screen reader text say the same.
 */
import type { InterviewerPeriod } from '../../../core/analytics/interviewerAnalytics';
import { offsetSigned as signed } from '../report/offsetText';

export interface AnalyticsMetric {
  id: 'leniency' | 'agreement' | 'no-evidence' | 'time-to-seal' | 'practice';
  title: string;
  /** What the number means and how to read it. */
  meaning: string;
  value: (row: InterviewerPeriod) => number | null;
  interval?: (row: InterviewerPeriod) => [number, number] | null;
  format: (v: number) => string;
  /** The axis range; widened to fit the data when it reaches past it. */
  domain: [number, number];
  /** What the table says where the period has no value. */
  missing: string;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;
const hours = (v: number) => (v < 48 ? `${v.toFixed(v < 10 ? 1 : 0)} h` : `${(v / 24).toFixed(1)} d`);

export const analyticsMetrics: AnalyticsMetric[] = [
  {
    id: 'leniency',
    title: 'Leniency offset',
    meaning:
      'How far above (+) or below (−) the panels they sat on in that period the interviewer rated, from a fit of the two-way model on the period alone. The bar is a 95% interval: the true leniency lies in it with about 95% confidence. ⚑ drift: the offset moved from the previous period by more than the uncertainty of the move (1.96 × the standard error of the difference).',
    value: (r) => r.offset,
    interval: (r) => r.interval,
    format: signed,
    domain: [-1, 1],
    missing: 'no comparable ratings',
  },
  {
    id: 'agreement',
    title: 'Agreement with co-panelists',
    meaning: "Share of the interviewer's ratings within one point of the other panelists' mean on the same candidate and dimension.",
    value: (r) => r.agreement,
    format: percent,
    domain: [0, 1],
    missing: 'no co-panelists',
  },
  {
    id: 'no-evidence',
    title: 'Share of "no evidence"',
    meaning: 'Dimensions marked "no evidence" out of all the interviewer rated or marked. A rising share can mean interviews running short of time.',
    value: (r) => r.noEvidenceShare,
    format: percent,
    domain: [0, 0.5],
    missing: 'no ratings',
  },
  {
    id: 'time-to-seal',
    title: 'Time from interview to sealed scorecard',
    meaning: 'Median time from the start of the interview to the first seal of its scorecard. Scorecards written days later rest on memory.',
    value: (r) => r.hoursToSeal,
    format: hours,
    domain: [0, 24],
    missing: 'no interviews',
  },
  {
    id: 'practice',
    title: 'Practice distance from the expert key',
    meaning: 'Mean absolute distance between the interviewer’s ratings and the expert key over the practice runs they sealed in the period (0 = matched the key).',
    value: (r) => r.practiceDistance,
    format: (v) => v.toFixed(2),
    domain: [0, 2],
    missing: 'no practice runs',
  },
];
