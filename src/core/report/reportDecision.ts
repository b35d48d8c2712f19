/**
 * The committee's decisions as a report carries them: kept apart from the mechanical
 * recommendation (they are not among the report's inputs and never change its hash), newest
 * first, every earlier decision kept as history.
 */
import type { Decision, DecisionOutcome } from '../model/records';

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
}

/** A candidate's decisions, newest first (ties by id, so the order is stable). */
export function reportDecisions(decisions: readonly Decision[], levels: ReadonlyArray<{ id: string; title: string }>): ReportDecision[] {
  return [...decisions]
    .sort((a, b) => b.decidedAt - a.decidedAt || b.id.localeCompare(a.id))
    .map((d) => {
      const levelTitle = d.level ? (levels.find((l) => l.id === d.level)?.title ?? d.level) : null;
      return {
        id: d.id,
        outcome: d.outcome,
        summary: d.outcome === 'hire' && levelTitle ? `${decisionOutcomeLabels.hire} at ${levelTitle}` : decisionOutcomeLabels[d.outcome],
        level: d.level,
        rationale: d.rationale,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
      };
    });
}
