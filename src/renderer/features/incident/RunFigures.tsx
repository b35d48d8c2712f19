import { incidentTimeFormat, type IncidentOutcome } from '../../../core/incident';

function at(value: number | null): string {
  return value === null ? '—' : incidentTimeFormat(value);
}

/** The outcome figures so far, as the report will show them. */
export function RunFigures({ outcome }: { outcome: IncidentOutcome }) {
  const maxGap = outcome.communicationCadence.maxGapMs;
  return (
    <dl className="incident-figures" aria-label="Outcome so far">
      <div>
        <dt>Acknowledged</dt>
        <dd className="mono">{at(outcome.timeToAcknowledgeMs)}</dd>
      </div>
      <div>
        <dt>First update</dt>
        <dd className="mono">{at(outcome.timeToFirstCommunicationMs)}</dd>
      </div>
      <div>
        <dt>Mitigated</dt>
        <dd className="mono">{at(outcome.timeToMitigateMs)}</dd>
      </div>
      <div>
        <dt>Resolved</dt>
        <dd className="mono">{at(outcome.timeToResolveMs)}</dd>
      </div>
      <div>
        <dt>Updates</dt>
        <dd>
          {outcome.communicationCount}
          {maxGap !== null && <span className="muted"> · longest gap {incidentTimeFormat(maxGap)}</span>}
        </dd>
      </div>
      <div>
        <dt>User impact</dt>
        <dd>
          {outcome.userImpactMinutes.toFixed(1)} min{' '}
          <span className="muted">· {(outcome.errorBudgetBurned * 100).toFixed(1)}% of the error budget</span>
        </dd>
      </div>
    </dl>
  );
}
