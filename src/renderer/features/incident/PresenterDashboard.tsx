import type { IncidentPresenterDashboard } from '../../../core/incident';
import { MetricChart } from './MetricChart';

/** One service's dashboard: its name and description over a grid of metric panels. */
export function PresenterDashboard({
  dashboard,
  nowMs,
  endMs,
  tick,
}: {
  dashboard: IncidentPresenterDashboard;
  nowMs: number;
  endMs: number;
  tick: (ms: number) => string;
}) {
  const alerting = dashboard.panels.filter((p) => p.isAlerting).length;
  return (
    <section className="presenter-dashboard" aria-label={`${dashboard.service} dashboard`}>
      <header className="presenter-dashboard-head">
        <h2>{dashboard.service}</h2>
        {alerting > 0 ? (
          <span className="presenter-chip presenter-chip-firing">
            <span aria-hidden="true">▲</span> {alerting} alerting
          </span>
        ) : (
          <span className="presenter-chip presenter-chip-ok">
            <span aria-hidden="true">✓</span> No alerts
          </span>
        )}
        {dashboard.description && <p className="presenter-dashboard-description">{dashboard.description}</p>}
      </header>
      <div className="presenter-panels">
        {dashboard.panels.map((panel) => (
          <MetricChart key={panel.key} panel={panel} nowMs={nowMs} endMs={endMs} timeText={tick} height={140} />
        ))}
      </div>
    </section>
  );
}
