import type { IncidentPresenterAlert } from '../../../core/incident';

function AlertStateChip({ alert, at }: { alert: IncidentPresenterAlert; at: (ms: number) => string }) {
  if (alert.resolvedAt !== null)
    return (
      <span className="presenter-chip presenter-chip-ok">
        <span aria-hidden="true">✓</span> Resolved {at(alert.resolvedAt)}
      </span>
    );
  if (alert.severity === 'info')
    return (
      <span className="presenter-chip presenter-chip-info">
        <span aria-hidden="true">ℹ</span> Notice
      </span>
    );
  if (alert.channel === 'pager')
    return (
      <span className="presenter-chip presenter-chip-page">
        <span aria-hidden="true">☎</span> Page
      </span>
    );
  return (
    <span className="presenter-chip presenter-chip-firing">
      <span aria-hidden="true">▲</span> Firing
    </span>
  );
}

/** Pages and monitoring alerts, newest first, each with its state as icon and text. */
export function PresenterAlerts({ alerts, at }: { alerts: IncidentPresenterAlert[]; at: (ms: number) => string }) {
  const newestFirst = [...alerts].reverse();
  return (
    <section className="presenter-box presenter-alerts" tabIndex={0} aria-labelledby="presenter-alerts-title">
      <h2 id="presenter-alerts-title">
        Alerts and pages <span className="presenter-count">{alerts.length}</span>
      </h2>
      {newestFirst.length === 0 ? (
        <p className="presenter-empty">No alerts.</p>
      ) : (
        <ol className="presenter-alert-list">
          {newestFirst.map((alert) => (
            <li
              key={alert.key}
              className={`presenter-alert${alert.resolvedAt === null && alert.severity !== 'info' ? ' is-active' : ''}`}
              data-testid="presenter-alert"
            >
              <div className="presenter-alert-head">
                <AlertStateChip alert={alert} at={at} />
                {alert.severity && alert.severity !== 'info' && (
                  <span className={`presenter-severity presenter-severity-${alert.severity}`}>{alert.severity}</span>
                )}
                <time className="presenter-time">{at(alert.at)}</time>
              </div>
              <p className="presenter-alert-title">{alert.title}</p>
              {alert.text && <p className="presenter-alert-text">{alert.text}</p>}
              {alert.service && <p className="presenter-alert-service">{alert.service}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
