import { incidentTimeFormat, type IncidentOutcomeSignal } from '../../../core/incident';
import type { Signal } from '../../../core/rubric/schema';
import { SignalBadge } from '../../components/SignalBadge';

/** Signals the scenario's rules and anti-actions derived so far; they go into the report as evidence. */
export function DerivedSignals({ signals, catalogue }: { signals: IncidentOutcomeSignal[]; catalogue: Signal[] }) {
  return (
    <section className="incident-section" aria-labelledby="incident-signals-title">
      <h3 id="incident-signals-title">Derived signals so far</h3>
      {signals.length === 0 ? (
        <p className="muted">None yet. Rules judge deadlines, order and cadence as the run goes on.</p>
      ) : (
        <ul className="incident-signals">
          {signals.map((s) => (
            <li key={`${s.id}-${s.cause}-${s.at}`} data-testid="incident-signal">
              <SignalBadge polarity={s.polarity} />{' '}
              <span className="incident-signal-title">{catalogue.find((c) => c.id === s.id)?.title ?? s.id}</span>{' '}
              <span className="muted">
                — {s.reason} <span className="mono">({incidentTimeFormat(s.at)})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
