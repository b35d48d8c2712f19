import type { CandidateReport } from '../../../core/report/reportBuild';
import { DecisionEvidenceNote } from './DecisionEvidenceNote';
import { dateText } from '../../../core/text/dateTimeText';

/** The committee's current decision in one block, for the first page; earlier ones counted. */

export function DecisionSummary({ decisions }: { decisions: CandidateReport['decisions'] }) {
  const [current, ...earlier] = decisions;
  return (
    <section className="panel decision-summary" aria-labelledby="decision-summary-title" data-testid="decision-summary">
      <h2 id="decision-summary-title">Committee decision</h2>
      {current ? (
        <>
          <p className="rec-level">{current.summary}</p>
          <p className="muted small">
            {current.decidedBy}, {dateText(current.decidedAt)}
            {earlier.length > 0 ? ` · ${earlier.length} earlier decision${earlier.length === 1 ? '' : 's'} kept` : ''}
          </p>
          <p className="rationale">{current.rationale}</p>
          <DecisionEvidenceNote decision={current} />
        </>
      ) : (
        <p className="muted">No decision recorded yet.</p>
      )}
    </section>
  );
}
