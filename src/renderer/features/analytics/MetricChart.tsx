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
const top = 34;
const plotHeight = 170;
const bottom = 30;
const periodWidth = 120;

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
  const [low, high] = domainOf(metric, series);
  const width = left + Math.max(1, periods.length) * periodWidth + right;
  const height = top + plotHeight + bottom;
  const y = (v: number) => top + plotHeight - ((v - low) / (high - low || 1)) * plotHeight;
  const spread = Math.min(10, 60 / Math.max(1, series.length));
  const x = (period: number, seriesIndex: number) =>
    left + (period + 0.5) * periodWidth + (seriesIndex - (series.length - 1) / 2) * spread;
  const ticks = Array.from({ length: 5 }, (_, i) => low + ((high - low) * i) / 4);
  const hasValues = series.some((s) => s.rows.some((r) => metric.value(r) !== null));
  const describe = (s: ChartSeries, row: InterviewerPeriod) => {
    const v = metric.value(row);
    const interval = metric.interval?.(row);
    return `${s.name}, ${periods[row.period]!.label}: ${v === null ? metric.missing : metric.format(v)}${
      interval ? ` (95% interval ${metric.format(interval[0])} to ${metric.format(interval[1])})` : ''
    }${row.drift ? `; drift flagged, moved ${metric.format(row.drift.delta)} since ${periods[row.drift.fromPeriod]!.label}` : ''}`;
  };
  const activeText = (() => {
    if (!active) return hasValues ? 'Hover over or focus a mark to read its values.' : `No values yet: ${metric.missing}.`;
    const [id, period] = active.split('|');
    const s = series.find((x) => x.interviewerId === id);
    const row = s?.rows.find((r) => r.period === Number(period));
    return s && row ? describe(s, row) : '';
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
        {activeText}
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
                  data-drift={row.drift ? 'true' : undefined}
                >
                  {interval && <line x1={cx} x2={cx} y1={y(interval[0])} y2={y(interval[1])} className="series-interval" />}
                  <SeriesMark index={s.styleIndex} cx={cx} cy={y(v)} />
                  {row.drift && (
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
