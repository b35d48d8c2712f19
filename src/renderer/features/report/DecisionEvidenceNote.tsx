import type { ReportDecision } from '../../../core/report/reportDecision';

/** "Made on earlier evidence: …" under a decision whose report has changed since (screen and packet). */
export function DecisionEvidenceNote({ decision }: { decision: ReportDecision }) {
  const changed = decision.madeOnEarlierEvidence;
  if (!changed) return null;
  return (
    <p className="decision-earlier" role="note" data-testid="decision-earlier-evidence">
      <strong>Made on earlier evidence.</strong> {changed.text?.replace(/^Made on earlier evidence: /, 'Since then: ')}
    </p>
  );
}
