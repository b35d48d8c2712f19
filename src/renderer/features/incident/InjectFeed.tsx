import {
  incidentTimeFormat,
  type IncidentFiredInject,
  type IncidentInjectKind,
  type IncidentScenario,
  type IncidentState,
} from '../../../core/incident';

const kindText: Record<IncidentInjectKind, { icon: string; text: string }> = {
  alert: { icon: '▲', text: 'Alert' },
  page: { icon: '☎', text: 'Page' },
  log: { icon: '☰', text: 'Log' },
  chat: { icon: '✉', text: 'Chat' },
  'dashboard-shift': { icon: '∿', text: 'Charts' },
};

function KindChip({ kind }: { kind: IncidentInjectKind }) {
  return (
    <span className={`incident-kind incident-kind-${kind}`}>
      <span aria-hidden="true">{kindText[kind].icon}</span> {kindText[kind].text}
    </span>
  );
}

function firstLine(text: string | null): string {
  return (text ?? '').split('\n')[0] ?? '';
}

function clipped(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * What fired and when, why (time, an action, a metric), the interviewer-only note, and in its own
 * column what the candidate sees of it; then the injects already due later.
 */
export function InjectFeed({ scenario, state }: { scenario: IncidentScenario; state: IncidentState }) {
  const actionLabel = (id: string) => scenario.actions.find((a) => a.id === id)?.label ?? id;
  const metricName = (id: string) => scenario.metrics.find((m) => m.id === id)?.name ?? id;
  const causeText = (inject: IncidentFiredInject) =>
    inject.cause.kind === 'time'
      ? 'on schedule'
      : inject.cause.kind === 'action'
        ? `after “${actionLabel(inject.cause.action)}”`
        : `when ${metricName(inject.cause.metric)} crossed its trigger`;
  const candidateSees = (inject: IncidentFiredInject) => {
    switch (inject.kind) {
      case 'chat':
        return `${inject.from?.name ?? 'Someone'} (${inject.from?.role ?? ''}): ${inject.text ?? ''}`;
      case 'log':
        return `${inject.title ?? 'Log'} — ${firstLine(inject.text)}`;
      case 'dashboard-shift': {
        const effects = scenario.injects.find((i) => i.id === inject.id)?.effects ?? [];
        const visible = effects.filter((e) => state.metrics.find((m) => m.id === e.metric)?.isVisible);
        return visible.length ? `Charts move: ${[...new Set(visible.map((e) => metricName(e.metric)))].join(', ')}` : 'Nothing yet (hidden charts)';
      }
      default:
        return inject.title ?? '';
    }
  };
  const upcoming = state.upcomingInjects
    .map((u) => ({ ...u, inject: scenario.injects.find((i) => i.id === u.id) }))
    .filter((u) => u.inject);

  return (
    <section className="incident-section" aria-labelledby="incident-feed-title">
      <h3 id="incident-feed-title">Inject feed</h3>
      {state.injects.length === 0 ? (
        <p className="muted">Nothing has fired yet.</p>
      ) : (
        <table className="incident-table incident-feed">
          <thead>
            <tr>
              <th scope="col">At</th>
              <th scope="col">What fired</th>
              <th scope="col">Candidate sees</th>
            </tr>
          </thead>
          <tbody>
            {[...state.injects].reverse().map((inject) => (
              <tr key={inject.id} data-testid="inject-row">
                <td className="mono">{incidentTimeFormat(inject.at)}</td>
                <td>
                  <KindChip kind={inject.kind} /> <span className="muted">{causeText(inject)}</span>
                  {inject.note && (
                    <p className="incident-note">
                      <span className="incident-note-label">Note</span> {inject.note}
                    </p>
                  )}
                </td>
                <td className="incident-sees" title={candidateSees(inject)}>
                  {clipped(candidateSees(inject))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {upcoming.length > 0 && (
        <div className="incident-upcoming">
          <h4>Coming up</h4>
          <ul>
            {upcoming.map((u) => (
              <li key={u.id}>
                <span className="mono">{incidentTimeFormat(u.at)}</span> <KindChip kind={u.inject!.kind} />{' '}
                {u.inject!.title ?? (u.inject!.kind === 'chat' ? `message from ${scenario.stakeholders.find((s) => s.id === u.inject!.from)?.name ?? 'a stakeholder'}` : u.id)}
                {u.inject!.unless?.length ? <span className="muted"> (skipped if the candidate gets ahead of it)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
