import type { IncidentPresenterView } from '../../../core/incident';
import { PresenterAlerts } from './PresenterAlerts';
import { PresenterChat } from './PresenterChat';
import { PresenterDashboard } from './PresenterDashboard';
import { PresenterLogs } from './PresenterLogs';
import { storyClock } from './storyTime';

/** The charts show at least the first ten minutes, then grow with the run. */
const minChartSpanMs = 10 * 60_000;

/**
 * The candidate's shared screen, drawn from the presenter view alone (which carries nothing of the
 * interviewer's side): clock bar, brief, one dashboard per service, log excerpts, alerts and chat.
 */
export function PresenterView({
  view,
  clockState,
}: {
  view: IncidentPresenterView;
  clockState: 'running' | 'paused' | 'ended';
}) {
  const clock = storyClock(view);
  const endMs = Math.max(minChartSpanMs, view.simMs);
  const alerting = view.dashboards.reduce((n, d) => n + d.panels.filter((p) => p.isAlerting).length, 0);
  return (
    <div className="presenter" data-testid="presenter">
      <header className="presenter-bar">
        <p className="presenter-product">
          <span aria-hidden="true">◉</span> Incident response
        </p>
        <p className="presenter-overall" role="status">
          {alerting > 0 ? (
            <span className="presenter-chip presenter-chip-firing">
              <span aria-hidden="true">▲</span> {alerting} {alerting === 1 ? 'alert' : 'alerts'} firing
            </span>
          ) : (
            <span className="presenter-chip presenter-chip-ok">
              <span aria-hidden="true">✓</span> No alerts firing
            </span>
          )}
        </p>
        {clockState !== 'running' && (
          <p className="presenter-paused">
            <span aria-hidden="true">{clockState === 'ended' ? '■' : '‖'}</span>{' '}
            {clockState === 'ended' ? 'Simulation ended' : 'Simulation paused'}
          </p>
        )}
        <p className="presenter-clock">
          {view.wallClock && (
            <span className="presenter-wall" aria-label="Time in the scenario" data-testid="presenter-wall-clock">
              {view.wallClock}
            </span>
          )}
          <span className="presenter-elapsed" aria-label="Time since the incident started">
            T+{view.elapsed}
          </span>
        </p>
      </header>
      <div className="presenter-grid">
        <div className="presenter-main" role="region" aria-label="Dashboards and logs" tabIndex={0}>
          <section className="presenter-brief" aria-labelledby="presenter-brief-title">
            <h2 id="presenter-brief-title">Brief</h2>
            <p>{view.brief}</p>
          </section>
          {view.dashboards.map((dashboard) => (
            <PresenterDashboard key={dashboard.key} dashboard={dashboard} nowMs={view.simMs} endMs={endMs} tick={clock.tick} />
          ))}
          <PresenterLogs logs={view.logs} at={clock.at} />
        </div>
        <aside className="presenter-side" aria-label="Alerts and chat">
          <PresenterAlerts alerts={view.alerts} at={clock.at} />
          <PresenterChat chat={view.chat} at={clock.at} />
        </aside>
      </div>
    </div>
  );
}
