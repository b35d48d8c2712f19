import { incidentTimeFormat, type IncidentMilestoneState, type IncidentMilestoneStatus } from '../../../core/incident';

const statusText: Record<IncidentMilestoneStatus, { icon: string; text: string }> = {
  met: { icon: '✓', text: 'Met' },
  late: { icon: '◷', text: 'Late' },
  missed: { icon: '✕', text: 'Missed' },
  pending: { icon: '…', text: 'Pending' },
};

/** Milestones against their target times: status as icon and text, when hit, or how long is left. */
export function MilestoneTracker({ milestones, simMs }: { milestones: IncidentMilestoneState[]; simMs: number }) {
  return (
    <section className="incident-section" aria-labelledby="incident-milestones-title">
      <h3 id="incident-milestones-title">Milestones</h3>
      <table className="incident-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Milestone</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Hit
            </th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={m.id} data-testid={`milestone-${m.id}`}>
              <td>
                <span className={`incident-status incident-status-${m.status}`}>
                  <span aria-hidden="true">{statusText[m.status].icon}</span> {statusText[m.status].text}
                </span>
              </td>
              <td>{m.title}</td>
              <td className="num mono">{incidentTimeFormat(m.targetMs)}</td>
              <td className="num mono">
                {m.hitAt !== null ? (
                  incidentTimeFormat(m.hitAt)
                ) : m.status === 'pending' ? (
                  <span className="muted">{incidentTimeFormat(m.targetMs - simMs)} left</span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
