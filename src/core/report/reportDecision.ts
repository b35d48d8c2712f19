/**
 * The committee's decisions as a report carries them: kept apart from the mechanical
 * recommendation (they are not among the report's inputs and never change its hash), newest
 * first, every earlier decision kept as history.
 */
import {
  decisionEvidenceCheck,
  type DecisionEvidenceCheck,
  type DecisionEvidenceReport,
} from '../audience/decisionEvidence';
import type { Decision, DecisionOutcome } from '../model/records';
import { byCodeUnits } from '../text/codeUnitOrder';

export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  hire: 'Hire',
  'no-hire': 'No hire',
  'more-evidence': 'More evidence needed',
};

export interface ReportDecision {
  id: string;
  outcome: DecisionOutcome;
  /** "Hire at Staff", "No hire", "More evidence needed". */
  summary: string;
  level: string | null;
  rationale: string;
  decidedBy: string;
  decidedAt: number;
  /** Set when the report has changed since the decision was made: what changed ("made on earlier evidence"). */
  madeOnEarlierEvidence: Omit<DecisionEvidenceCheck, 'isCurrent'> | null;
}

/** What changed since `decision` was made, or null (current, or made before decisions kept their evidence). */
function earlierEvidence(
  decision: Decision,
  report: DecisionEvidenceReport | undefined,
): ReportDecision['madeOnEarlierEvidence'] {
  if (!decision.evidence || !report) return null;
  const { isCurrent, ...changed } = decisionEvidenceCheck(decision.evidence, report);
  return isCurrent ? null : changed;
}

/** "Hire at Staff", "No hire", "More evidence needed". */
export function decisionSummary(
  decision: Pick<Decision, 'outcome' | 'level'>,
  levels: ReadonlyArray<{ id: string; title: string }>,
): string {
  const levelTitle = decision.level ? (levels.find((l) => l.id === decision.level)?.title ?? decision.level) : null;
  return decision.outcome === 'hire' && levelTitle
    ? `${decisionOutcomeLabels.hire} at ${levelTitle}`
    : decisionOutcomeLabels[decision.outcome];
}

/** The newer of two decisions in the order `reportDecisions` lists them (time, then id). */
export function decisionIsNewer(a: Pick<Decision, 'id' | 'decidedAt'>, b: Pick<Decision, 'id' | 'decidedAt'>): boolean {
  return a.decidedAt > b.decidedAt || (a.decidedAt === b.decidedAt && byCodeUnits(a.id, b.id) > 0);
}

/** A candidate's decisions, newest first (ties by id, so the order is stable). */
export function reportDecisions(
  decisions: readonly Decision[],
  levels: ReadonlyArray<{ id: string; title: string }>,
  report?: DecisionEvidenceReport,
): ReportDecision[] {
  return [...decisions]
    .sort((a, b) => b.decidedAt - a.decidedAt || byCodeUnits(b.id, a.id))
    .map((d) => {
      return {
        id: d.id,
        outcome: d.outcome,
        summary: decisionSummary(d, levels),
        level: d.level,
        rationale: d.rationale,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        madeOnEarlierEvidence: earlierEvidence(d, report),
      };
    });
}
