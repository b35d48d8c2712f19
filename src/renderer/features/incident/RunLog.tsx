import {
  incidentTimeFormat,
  type IncidentLogEntry,
  type IncidentScenario,
  type IncidentState,
} from '../../../core/incident';

/** The newest entry that still counts (not a retraction, not withdrawn): what "Undo last" withdraws. */
export function runLogLastUndoable(log: readonly IncidentLogEntry[]): IncidentLogEntry | undefined {
  const withdrawn = new Set(log.flatMap((e) => (e.kind === 'retract' ? [e.target] : [])));
  return [...log].reverse().find((e) => e.kind !== 'retract' && !withdrawn.has(e.id));
}

/**
 * What the interviewer logged, newest first: actions (with "no effect yet" when a precondition was
 * missing), communications and withdrawals; each entry can be withdrawn, the latest with one click.
 */
export function RunLog({
  scenario,
  log,
  state,
  isDisabled,
  onRetract,
}: {
  scenario: IncidentScenario;
  log: IncidentLogEntry[];
  state: IncidentState;
  isDisabled: boolean;
  onRetract: (entryId: string) => void;
}) {
  const withdrawn = new Set(log.flatMap((e) => (e.kind === 'retract' ? [e.target] : [])));
  const labelOf = (entry: IncidentLogEntry | undefined): string => {
    if (!entry) return 'an entry';
    switch (entry.kind) {
      case 'action':
        return scenario.actions.find((a) => a.id === entry.action)?.label ?? `unknown action “${entry.action}”`;
      case 'communication':
        return `communication “${entry.text}”`;
      case 'note':
        return `note “${entry.text}”`;
      case 'retract':
        return 'a withdrawal';
    }
  };
  const stakeholder = (id: string | null | undefined) => scenario.stakeholders.find((s) => s.id === id)?.name;
  const last = runLogLastUndoable(log);
  const newestFirst = log.map((entry, index) => ({ entry, index })).reverse();

  return (
    <section className="incident-section" aria-labelledby="incident-log-title">
      <div className="incident-section-head">
        <h3 id="incident-log-title">
          Logged <span className="muted">({log.filter((e) => e.kind !== 'retract' && !withdrawn.has(e.id)).length})</span>
        </h3>
        <button type="button" onClick={() => last && onRetract(last.id)} disabled={isDisabled || !last}>
          <span aria-hidden="true">↶</span> Undo last
        </button>
      </div>
      {log.length === 0 ? (
        <p className="muted">Nothing logged yet. Press an action’s key while the console has focus.</p>
      ) : (
        <ol className="incident-log" aria-label="Run log">
          {newestFirst.map(({ entry }) => {
            const isWithdrawn = withdrawn.has(entry.id);
            const taken = entry.kind === 'action' ? state.actions.find((a) => a.logId === entry.id) : undefined;
            return (
              <li key={entry.id} className={`incident-log-entry${isWithdrawn ? ' is-withdrawn' : ''}`} data-testid="incident-log-entry">
                <span className="incident-log-time mono">{incidentTimeFormat(entry.at)}</span>
                <span className="incident-log-kind" aria-hidden="true">
                  {entry.kind === 'action' ? '▸' : entry.kind === 'communication' ? '✉' : entry.kind === 'note' ? '✎' : '↶'}
                </span>
                <span className="incident-log-text">
                  {entry.kind === 'retract' ? (
                    <>Withdrew {labelOf(log.find((e) => e.id === entry.target))}</>
                  ) : entry.kind === 'communication' ? (
                    <>
                      {entry.text}
                      {entry.to && <span className="muted"> → {stakeholder(entry.to) ?? entry.to}</span>}
                    </>
                  ) : (
                    labelOf(entry)
                  )}
                  {isWithdrawn && <span className="incident-log-note"> (withdrawn)</span>}
                  {taken && !taken.isEffective && !isWithdrawn && (
                    <span className="incident-log-note"> — no effect: needs {taken.missingFlags.join(', ')}</span>
                  )}
                </span>
                {entry.kind !== 'retract' && !isWithdrawn && (
                  <button type="button" className="link" onClick={() => onRetract(entry.id)} disabled={isDisabled}>
                    Withdraw<span className="sr-only"> {labelOf(entry)}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
