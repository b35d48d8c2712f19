import { useMemo, useState } from 'react';
import { ANALYTICS_MIN_PERIOD_INTERVIEWS } from '../../../core/analytics/analyticsPeriods';
import { usePacks } from '../../hooks/usePacks';
import { analyticsMetrics } from './analyticsMetrics';
import type { AnalyticsView } from './analyticsCompute';
import { MetricChart, type ChartSeries } from './MetricChart';
import { MetricTable } from './MetricTable';
import { AnalyticsSummary } from './AnalyticsSummary';
import { useInterviewerAnalytics } from './useInterviewerAnalytics';
import './analytics.css';

/**
 * Interviewer analytics (committee and recruiter view): per interviewer and period, leniency with
 * its interval, agreement, "no evidence" share, time to seal and practice distance, each as a chart
 * with its data table, and drift flagged. Computed in a worker from the local database.
 */
export function AnalyticsScreen() {
  const packs = usePacks();
  const [packId, setPackId] = useState<string | null>(null);
  const pack = packs.find((p) => p.manifest.id === packId) ?? packs[0];
  const state = useInterviewerAnalytics(pack);
  return (
    <div className="page analytics">
      <div className="page-header">
        <h1>Interviewer analytics</h1>
        {packs.length > 1 && (
          <label>
            Rubric pack{' '}
            <select value={pack?.manifest.id ?? ''} onChange={(e) => setPackId(e.target.value)}>
              {packs.map((p) => (
                <option key={p.manifest.id} value={p.manifest.id}>
                  {p.manifest.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!pack ? (
        <p className="muted">Loading rubric packs…</p>
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          Computing analytics from the sealed scorecards…
        </p>
      ) : state.status === 'error' ? (
        <p role="alert">The analytics could not be computed: {state.message}</p>
      ) : state.view.result.interviewers.length === 0 ? (
        <section className="empty-state">
          <h2>No sealed scorecards yet</h2>
          <p>
            Analytics appear once interviewers seal scorecards with the {pack.manifest.title} pack. To see an example, open the demo
            loop from Today.
          </p>
        </section>
      ) : (
        <AnalyticsBody view={state.view} />
      )}
    </div>
  );
}

function AnalyticsBody({ view }: { view: AnalyticsView }) {
  const { result, names } = view;
  const [shown, setShown] = useState<string>('all');
  const series: ChartSeries[] = useMemo(
    () =>
      result.interviewers.map((i, styleIndex) => ({
        interviewerId: i.interviewerId,
        name: names[i.interviewerId] ?? 'Unknown interviewer',
        styleIndex,
        rows: i.periods,
      })),
    [result, names],
  );
  const charted = shown === 'all' ? series : series.filter((s) => s.interviewerId === shown);
  return (
    <>
      <p className="muted">
        By calendar quarter; a quarter with fewer than {ANALYTICS_MIN_PERIOD_INTERVIEWS} sealed interviews is joined to the next, so
        each period rests on at least {ANALYTICS_MIN_PERIOD_INTERVIEWS}. Computed from this machine's sealed scorecards.
      </p>
      <AnalyticsSummary result={result} series={series} />
      <div className="analytics-controls">
        <label>
          Show in the charts{' '}
          <select value={shown} onChange={(e) => setShown(e.target.value)}>
            <option value="all">All interviewers</option>
            {series.map((s) => (
              <option key={s.interviewerId} value={s.interviewerId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {analyticsMetrics.map((metric) => (
        <section key={metric.id} className="analytics-metric" aria-labelledby={`metric-${metric.id}`} data-testid={`metric-${metric.id}`}>
          <h2 id={`metric-${metric.id}`}>{metric.title}</h2>
          <p className="muted small">{metric.meaning}</p>
          <div className="analytics-metric-grid">
            <MetricChart metric={metric} periods={result.periods} series={charted} />
            <MetricTable metric={metric} periods={result.periods} series={series} />
          </div>
        </section>
      ))}
    </>
  );
}
