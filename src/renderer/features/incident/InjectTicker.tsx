import { incidentTimeFormat, type IncidentScenario, type IncidentState } from '../../../core/incident';

/** One line under the clock: what fired last and what is due next, so the interviewer can play the part in time. */
export function InjectTicker({ scenario, state }: { scenario: IncidentScenario; state: IncidentState }) {
  const last = state.injects[state.injects.length - 1];
  const next = state.upcomingInjects[0];
  const nextInject = next ? scenario.injects.find((i) => i.id === next.id) : undefined;
  const describe = (inject: { kind: string; title?: string | null; from?: string | { name: string } | null } | undefined) => {
    if (!inject) return '';
    if (inject.kind === 'chat') {
      const from = typeof inject.from === 'string' ? scenario.stakeholders.find((s) => s.id === inject.from)?.name : inject.from?.name;
      return `chat from ${from ?? 'a stakeholder'}`;
    }
    if (inject.kind === 'dashboard-shift') return 'charts shift';
    return `${inject.kind}: ${inject.title ?? ''}`;
  };
  return (
    <p className="incident-ticker" data-testid="incident-ticker">
      <span>
        <span className="muted">Last fired</span>{' '}
        {last ? (
          <>
            <span className="mono">{incidentTimeFormat(last.at)}</span> {describe(last)}
          </>
        ) : (
          'nothing yet'
        )}
      </span>
      <span>
        <span className="muted">Next due</span>{' '}
        {next && nextInject ? (
          <>
            <span className="mono">{incidentTimeFormat(next.at)}</span> {describe(nextInject)}
          </>
        ) : (
          'nothing scheduled'
        )}
      </span>
    </p>
  );
}
