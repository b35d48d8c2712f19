import { useState } from 'react';
import type { AnalyticsPeriod } from '../../../core/analytics/analyticsPeriods';
import type { InterviewerPeriod } from '../../../core/analytics/interviewerAnalytics';
import type { AnalyticsMetric } from './analyticsMetrics';
import { SeriesMark } from './SeriesMark';

export interface ChartSeries {
  interviewerId: string;
  name: string;
  /** Position in the screen's interviewer order: picks the colour and the mark. */
  styleIndex: number;
  rows: InterviewerPeriod[];
}

const left = 56;
const right = 16;
const top = 52;
const plotHeight = 170;
const bottom = 30;
const periodWidth = 120;

/** A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return power * ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-12) ?? 10);
}

/** Ticks at a nice step covering [low, high]; the first and last are the axis ends. */
function ticksOf([low, high]: [number, number]): number[] {
  const step = niceStep((high - low) / 4 || 1);
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  return Array.from({ length: Math.round((last - first) / step) + 1 }, (_, i) => first + i * step);
}

/** The axis range: the metric's own, widened to every value and interval end shown. */
function domainOf(metric: AnalyticsMetric, series: readonly ChartSeries[]): [number, number] {
  let [low, high] = metric.domain;
  for (const s of series) {
    for (const row of s.rows) {
      const ends = [metric.value(row), ...(metric.interval?.(row) ?? [])].filter((v): v is number => v !== null);
      for (const v of ends) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
  }
  return [low, high];
}

/**
 * One measure per interviewer over the periods, as vector SVG: a mark per interviewer and period
 * (colour and shape both tell interviewers apart), the interval as a vertical bar where the measure
 * has one, ⚑ where drift was flagged. Every mark takes keyboard focus; the focused or hovered
 * one's values are written above the plot. The data table beside it has every number.
 */
export function MetricChart({ metric, periods, series }: { metric: AnalyticsMetric; periods: AnalyticsPeriod[]; series: ChartSeries[] }) {
  const [active, setActive] = useState<string | null>(null);
  const ticks = ticksOf(domainOf(metric, series));
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const width = left + Math.max(1, periods.length) * periodWidth + right;
  const height = top + plotHeight + bottom;
  const y = (v: number) => top + plotHeight - ((v - low) / (high - low || 1)) * plotHeight;
  const spread = Math.min(10, 60 / Math.max(1, series.length));
  const x = (period: number, seriesIndex: number) =>
    left + (period + 0.5) * periodWidth + (seriesIndex - (series.length - 1) / 2) * spread;
  const hasValues = series.some((s) => s.rows.some((r) => metric.value(r) !== null));
  // Drift is a property of the leniency offset; the other measures never show it.
  const driftOf = (row: InterviewerPeriod) => (metric.id === 'leniency' ? row.drift : null);
  const valueText = (s: ChartSeries, row: InterviewerPeriod) => {
    const v = metric.value(row);
    const interval = metric.interval?.(row);
    return `${s.name}, ${periods[row.period]!.label}: ${v === null ? metric.missing : metric.format(v)}${
      interval ? ` (95% interval ${metric.format(interval[0])} to ${metric.format(interval[1])})` : ''
    }`;
  };
  const driftText = (row: InterviewerPeriod) => {
    const drift = driftOf(row);
    return drift ? `drift flagged: moved ${metric.format(drift.delta)} since ${periods[drift.fromPeriod]!.label}` : '';
  };
  const describe = (s: ChartSeries, row: InterviewerPeriod) => [valueText(s, row), driftText(row)].filter(Boolean).join('; ');
  const readout = (() => {
    if (!active) return [hasValues ? 'Hover over or focus a mark to read its values.' : `No values yet: ${metric.missing}.`, ''];
    const [id, period] = active.split('|');
    const s = series.find((x) => x.interviewerId === id);
    const row = s?.rows.find((r) => r.period === Number(period));
    return s && row ? [valueText(s, row), driftText(row)] : ['', ''];
  })();
  return (
    <svg
      className="metric-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto' }}
      role="group"
      aria-label={`${metric.title} per interviewer and period. The table beside it has the numbers.`}
      data-testid={`chart-${metric.id}`}
    >
      <text x={left} y={14} className="readout" data-testid="chart-readout">
        <tspan x={left}>{readout[0]}</tspan>
        <tspan x={left} dy={16} className="readout-drift">
          {readout[1]}
        </tspan>
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className={`grid${metric.id === 'leniency' && Math.abs(t) < 1e-9 ? ' zero' : ''}`} />
          <text x={left - 6} y={y(t) + 4} textAnchor="end" className="axis">
            {metric.format(t)}
          </text>
        </g>
      ))}
      {periods.map((p, i) => (
        <text key={p.label} x={left + (i + 0.5) * periodWidth} y={top + plotHeight + 18} textAnchor="middle" className="axis">
          {p.label}
        </text>
      ))}
      {series.map((s, k) => {
        const points = s.rows.filter((r) => metric.value(r) !== null);
        const path = points.map((r, i) => `${i === 0 ? 'M' : 'L'} ${x(r.period, k)} ${y(metric.value(r)!)}`).join(' ');
        return (
          <g key={s.interviewerId} className={`series series-${s.styleIndex % 6}`}>
            {points.length > 1 && <path d={path} className="series-line" />}
            {points.map((row) => {
              const v = metric.value(row)!;
              const interval = metric.interval?.(row);
              const key = `${s.interviewerId}|${row.period}`;
              const cx = x(row.period, k);
              return (
                <g
                  key={key}
                  tabIndex={0}
                  role="img"
                  aria-label={describe(s, row)}
                  className={`chart-mark${active === key ? ' is-active' : ''}`}
                  onMouseEnter={() => setActive(key)}
                  onMouseLeave={() => setActive(null)}
                  onFocus={() => setActive(key)}
                  onBlur={() => setActive(null)}
                  data-drift={driftOf(row) ? 'true' : undefined}
                >
                  {interval && <line x1={cx} x2={cx} y1={y(interval[0])} y2={y(interval[1])} className="series-interval" />}
                  <SeriesMark index={s.styleIndex} cx={cx} cy={y(v)} />
                  {driftOf(row) && (
                    <text x={cx} y={y(interval ? interval[1] : v) - 8} textAnchor="middle" className="drift-flag">
                      ⚑
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
