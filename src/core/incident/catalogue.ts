/**
 * The action catalogue as the interviewer console uses it: one key per action, grouped by what
 * kind of move it is.
 */
import type { IncidentAction, IncidentActionCategory, IncidentScenario } from './scenarioSchema';

/** Console order of the categories: the flow of a response, anti-actions last. */
export const incidentActionCategoryOrder: readonly IncidentActionCategory[] = [
  'coordinate',
  'investigate',
  'mitigate',
  'communicate',
  'anti-action',
];

/** The action bound to a one-key shortcut (a-z, case-insensitive), or undefined. */
export function incidentActionForKey(scenario: IncidentScenario, key: string): IncidentAction | undefined {
  if (key.length !== 1) return undefined;
  const letter = key.toLowerCase();
  return scenario.actions.find((a) => a.shortcut === letter);
}

/** The actions grouped by category in {@link incidentActionCategoryOrder}, file order within a group; empty groups left out. */
export function incidentActionCatalogue(
  scenario: IncidentScenario,
): Array<{ category: IncidentActionCategory; actions: IncidentAction[] }> {
  return incidentActionCategoryOrder
    .map((category) => ({ category, actions: scenario.actions.filter((a) => a.category === category) }))
    .filter((group) => group.actions.length > 0);
}
