import type { AnalyticsPeriod } from '../../../core/analytics/analyticsPeriods';
import type { AnalyticsMetric } from './analyticsMetrics';
import type { ChartSeries } from './MetricChart';
import { SeriesMark } from './SeriesMark';

/** The chart's numbers: one row per interviewer, one column per period; interval and drift in words. */
export function MetricTable({ metric, periods, series }: { metric: AnalyticsMetric; periods: AnalyticsPeriod[]; series: ChartSeries[] }) {
  return (
    <div className="metric-table-wrap" role="region" aria-label={`${metric.title}: data table`} tabIndex={0}>
      <table aria-label={`${metric.title} by period`} data-testid={`table-${metric.id}`}>
        <thead>
          <tr>
            <th>Interviewer</th>
            {periods.map((p) => (
              <th key={p.label} className="num">
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.interviewerId}>
              <th scope="row">
                <svg width={14} height={14} aria-hidden="true" className={`series series-${s.styleIndex % 6}`}>
                  <SeriesMark index={s.styleIndex} cx={7} cy={7} size={4} />
                </svg>{' '}
                {s.name}
              </th>
              {periods.map((p, i) => {
                const row = s.rows.find((r) => r.period === i);
                if (!row) return <td key={p.label} className="num muted">–</td>;
                const v = metric.value(row);
                const interval = metric.interval?.(row);
                return (
                  <td key={p.label} className="num" data-drift={metric.id === 'leniency' && row.drift ? 'true' : undefined}>
                    {v === null ? <span className="muted">{metric.missing}</span> : metric.format(v)}
                    {interval && (
                      <div className="muted small">
                        {metric.format(interval[0])} to {metric.format(interval[1])}
                      </div>
                    )}
                    {metric.id === 'leniency' && row.drift && (
                      <div className="drift-note">
                        ⚑ drift {metric.format(row.drift.delta)}
                        <br />
                        (more than ±{row.drift.threshold.toFixed(2)})
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
