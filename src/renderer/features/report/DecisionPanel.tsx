import { useState, type FormEvent } from 'react';
import type { DecisionOutcome, Interviewer } from '../../../core/model/records';
import type { CandidateReport } from '../../../core/report/reportBuild';
import { decisionOutcomeLabels } from '../../../core/report/reportDecision';
import { appDb } from '../../db/dbContext';
import { decisionEvidenceOf } from '../../../core/audience/decisionEvidence';
import { DecisionEvidenceNote } from './DecisionEvidenceNote';
import { dateTimeText } from '../../../core/text/dateTimeText';
import { importKept } from '../../app/importKept';

// The write's code (the record schemas, with zod) is loaded when a decision is recorded: the report
// screen's first open would otherwise evaluate those schemas before it could paint.
const decisionActionsLoad = importKept(() => import('../../db/actions/decisionActions'));

const outcomes = Object.keys(decisionOutcomeLabels) as DecisionOutcome[];

/**
 * The committee's judgment, with its rationale and who made it — kept apart from the
 * recommendation. No outcome or level is preselected: the committee chooses each, and says why.
 * Every decision is kept; the newest is the current one.
 */
export function DecisionPanel({
  report,
  loopId,
  me,
  audienceText = (text) => text,
}: {
  /** The report as the audience may read it (its decisions are already redacted by the policy). */
  report: CandidateReport;
  loopId: string | null;
  /** Who is looking (the screen has read it with the report): the decision's default author. */
  me: Interviewer | null;
  /** Free text as the audience may read it (the audience policy's blind redaction). */
  audienceText?: (text: string) => string;
}) {
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [level, setLevel] = useState('');
  const [rationale, setRationale] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const missing = [
    ...(outcome ? [] : ['an outcome']),
    ...(outcome === 'hire' && !level ? ['the level to hire at'] : []),
    ...(rationale.trim() ? [] : ['the rationale']),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!loopId || !outcome || missing.length > 0) return;
    setError(null);
    const now = Date.now();
    try {
      const { decisionRecord } = await decisionActionsLoad();
      await decisionRecord(
        appDb(),
        {
          candidateId: report.candidate.id,
          loopId,
          outcome,
          level: outcome === 'hire' ? level : null,
          rationale,
          decidedBy: decidedBy.trim() || me?.name || 'committee',
          reportInputsHash: report.inputsHash,
          evidence: decisionEvidenceOf(report),
        },
        now,
      );
      setRationale('');
      setOutcome('');
      setLevel('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="panel no-print" aria-labelledby="decision-title">
      <h2 id="decision-title">Committee decision</h2>
      {report.decisions.length > 0 ? (
        <ol className="decision-list" aria-label="Recorded decisions">
          {report.decisions.map((d, i) => (
            <li key={d.id} data-testid="decision">
              <strong>{d.summary}</strong>
              {i === 0 ? ' (current)' : ' (earlier)'} — {d.decidedBy}, {dateTimeText(d.decidedAt)}
              <p className="rationale">{audienceText(d.rationale)}</p>
              <DecisionEvidenceNote decision={d} />
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
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as DecisionOutcome | '')} required>
                <option value="" disabled>
                  Choose an outcome…
                </option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {decisionOutcomeLabels[o]}
                  </option>
                ))}
              </select>
            </label>
            {outcome === 'hire' && (
              <label>
                Level
                <select value={level} onChange={(e) => setLevel(e.target.value)} required>
                  <option value="" disabled>
                    Choose a level…
                  </option>
                  {report.levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title}
                      {l.id === report.recommendation.level ? ' (mechanical recommendation)' : ''}
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
          {missing.length > 0 && <p className="muted small">To record the decision, give {missing.join(', ')}.</p>}
          <p className="form-row" style={{ marginTop: 8 }}>
            <button type="submit" className="primary" disabled={missing.length > 0}>
              Record decision
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
