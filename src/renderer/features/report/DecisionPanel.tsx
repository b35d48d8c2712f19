import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DecisionOutcome } from '../../../core/model/records';
import type { CandidateReport } from '../../../core/report/reportBuild';
import { appDb } from '../../db/dbContext';
import { decisionRecord } from '../../db/actions/decisionActions';
import { useMe } from '../../db/hooks';

const outcomeText: Record<DecisionOutcome, string> = { hire: 'Hire', 'no-hire': 'No hire', 'more-evidence': 'More evidence needed' };

/** The committee's judgment, with its rationale and who made it — kept apart from the recommendation. */
export function DecisionPanel({
  report,
  loopId,
  audienceText = (text) => text,
}: {
  report: CandidateReport;
  loopId: string | null;
  /** Free text as the audience may read it (the audience policy's blind redaction). */
  audienceText?: (text: string) => string;
}) {
  const me = useMe();
  const decisions = useLiveQuery(
    () => appDb().decisions.where('candidateId').equals(report.candidate.id).reverse().sortBy('decidedAt'),
    [report.candidate.id],
  );
  const [outcome, setOutcome] = useState<DecisionOutcome>('hire');
  const [level, setLevel] = useState(report.recommendation.level ?? report.candidate.targetLevel);
  const [rationale, setRationale] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!loopId) return;
    setError(null);
    try {
      await decisionRecord(
        appDb(),
        {
          candidateId: report.candidate.id,
          loopId,
          outcome,
          level,
          rationale,
          decidedBy: decidedBy.trim() || me?.name || 'committee',
          reportInputsHash: report.inputsHash,
        },
        Date.now(),
      );
      setRationale('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="panel no-print" aria-labelledby="decision-title">
      <h2 id="decision-title">Committee decision</h2>
      {decisions && decisions.length > 0 ? (
        <ol className="decision-list" aria-label="Recorded decisions">
          {decisions.map((d) => (
            <li key={d.id} data-testid="decision">
              <strong>{outcomeText[d.outcome]}</strong>
              {d.level ? ` at ${report.levels.find((l) => l.id === d.level)?.title ?? d.level}` : ''} — {d.decidedBy},{' '}
              {new Date(d.decidedAt).toLocaleString()}
              <p className="rationale">{audienceText(d.rationale)}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No decision recorded yet. The recommendation above is mechanical; record the committee's own.</p>
      )}
      {loopId && (
        <form onSubmit={submit} aria-label="Record a decision">
          <div className="form-row">
            <label>
              Outcome
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as DecisionOutcome)}>
                {(Object.keys(outcomeText) as DecisionOutcome[]).map((o) => (
                  <option key={o} value={o}>
                    {outcomeText[o]}
                  </option>
                ))}
              </select>
            </label>
            {outcome === 'hire' && (
              <label>
                Level
                <select value={level} onChange={(e) => setLevel(e.target.value)}>
                  {report.levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Decided by
              <input value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} placeholder={me?.name ?? 'Committee'} maxLength={200} />
            </label>
          </div>
          <label>
            Rationale
            <textarea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} required maxLength={10000} />
          </label>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <p className="form-row" style={{ marginTop: 8 }}>
            <button type="submit" className="primary" disabled={!rationale.trim()}>
              Record decision
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
