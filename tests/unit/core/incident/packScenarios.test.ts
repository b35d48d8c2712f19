/**
 * The built-in pack's incident scenarios: each is valid, playable in 20-30 minutes, names only
 * signals from the pack's catalogue, and its exemplar runs do what they document — the strong run
 * meets every milestone without a red flag, the weak run misses one and raises red flags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  incidentScenarioCrossCheck,
  incidentScenarioSignalRefs,
} from '../../../../src/core/incident/scenarioCrossCheck';
import { incidentExemplarLog, incidentOutcome, incidentReplayEndMs } from '../../../../src/core/incident/outcome';
import { incidentTimeParse } from '../../../../src/core/incident/time';
import { packScenario, packScenarioFiles, repoRoot, scenarioIds, scenarioText } from './incidentTestKit';

const packDimensions = [
  'cloud-architecture',
  'iac-engineering',
  'cicd-release',
  'observability-reliability',
  'security-compliance',
  'incident-leadership',
  'cross-team-influence',
  'prioritization-product',
  'communication',
  'mentorship-leadership',
];

const catalogue = (
  parse(readFileSync(join(repoRoot, 'rubrics/staff-devops/signals.yaml'), 'utf8')) as {
    signals: Array<{ id: string; polarity: string }>;
  }
).signals;

const seeds = Array.from({ length: 20 }, (_, i) => i * 7919 + 1);

it('the pack holds exactly the three incident scenarios', () => {
  expect(packScenarioFiles().sort()).toEqual([...scenarioIds].map((id) => `${id}.yaml`).sort());
});

describe.each(scenarioIds)('%s', (id) => {
  const scenario = packScenario(id);

  it('starts with the schema line, is named after its file and has no internal inconsistency', () => {
    expect(scenarioText(id).split('\n')[0]).toBe('# yaml-language-server: $schema=../../rubric.schema.json');
    expect(scenario.id).toBe(id);
    expect(incidentScenarioCrossCheck(scenario)).toEqual([]);
  });

  it('names only signals from the catalogue, with the catalogue polarity', () => {
    for (const ref of incidentScenarioSignalRefs(scenario)) {
      const signal = catalogue.find((s) => s.id === ref.signal);
      expect(signal, `${ref.signal} at ${ref.path.join('.')}`).toBeDefined();
      expect(signal!.polarity, ref.signal).toBe(ref.polarity);
    }
  });

  it('is sized to be played in 20-30 minutes', () => {
    const duration = incidentTimeParse(scenario.duration)!;
    expect(duration).toBeGreaterThanOrEqual(20 * 60_000);
    expect(duration).toBeLessThanOrEqual(30 * 60_000);
    expect(scenario.actions.length).toBeGreaterThanOrEqual(12);
    expect(scenario.actions.length).toBeLessThanOrEqual(20);
    expect(new Set(scenario.actions.map((a) => a.shortcut)).size).toBe(scenario.actions.length);
    expect(scenario.injects.length).toBeGreaterThanOrEqual(8);
    expect(scenario.injects.length).toBeLessThanOrEqual(15);
    expect(scenario.milestones.map((m) => m.kind)).toEqual([
      'acknowledge',
      'first-communication',
      'mitigate',
      'resolve',
    ]);
    const antiActions = scenario.actions.filter((a) => a.category === 'anti-action');
    expect(antiActions.length).toBeGreaterThanOrEqual(2);
    expect(antiActions.length).toBeLessThanOrEqual(4);
    expect(scenario.rules.length).toBeGreaterThanOrEqual(3);
    expect(scenario.rules.length).toBeLessThanOrEqual(6);
    expect(scenario.debrief.length).toBeGreaterThanOrEqual(4);
    expect(scenario.debrief.length).toBeLessThanOrEqual(6);
    for (const dimension of [...scenario.dimensions, ...scenario.debrief.flatMap((d) => d.dimensions ?? [])]) {
      expect(packDimensions).toContain(dimension);
    }
  });

  it('has stakeholders who speak in chat: leadership, support and an engineering peer', () => {
    const speakers = new Set(scenario.injects.filter((i) => i.kind === 'chat').map((i) => i.from));
    const roles = scenario.stakeholders.filter((s) => speakers.has(s.id)).map((s) => s.role.toLowerCase());
    expect(roles.some((r) => /vp|head of/.test(r))).toBe(true);
    expect(roles.some((r) => r.includes('support'))).toBe(true);
    expect(roles.some((r) => /on-call|engineer/.test(r))).toBe(true);
  });

  it.each(seeds)('strong exemplar (seed %i) meets every milestone within target and raises no red flag', (seed) => {
    const log = incidentExemplarLog(scenario, 'strong');
    const outcome = incidentOutcome(scenario, seed, log, incidentReplayEndMs(scenario, log));
    expect(outcome.milestones.filter((m) => !m.met).map((m) => m.id)).toEqual([]);
    expect(outcome.signals.filter((s) => s.polarity !== 'strong')).toEqual([]);
    expect(outcome.signals.length).toBeGreaterThanOrEqual(2);
  });

  it.each(seeds)('weak exemplar (seed %i) misses a milestone and raises a red flag', (seed) => {
    const log = incidentExemplarLog(scenario, 'weak');
    const outcome = incidentOutcome(scenario, seed, log, incidentReplayEndMs(scenario, log));
    expect([...outcome.milestonesLate, ...outcome.milestonesMissed].length).toBeGreaterThanOrEqual(1);
    expect(outcome.signals.filter((s) => s.polarity === 'red-flag').length).toBeGreaterThanOrEqual(1);
    expect(outcome.signals.filter((s) => s.polarity === 'strong')).toEqual([]);
  });

  it('weak exemplar burns more error budget and communicates later than the strong one', () => {
    const strongLog = incidentExemplarLog(scenario, 'strong');
    const weakLog = incidentExemplarLog(scenario, 'weak');
    const strong = incidentOutcome(scenario, 1, strongLog, incidentReplayEndMs(scenario, strongLog));
    const weak = incidentOutcome(scenario, 1, weakLog, incidentReplayEndMs(scenario, weakLog));
    expect(weak.errorBudgetBurned).toBeGreaterThan(strong.errorBudgetBurned);
    expect(weak.timeToFirstCommunicationMs!).toBeGreaterThan(strong.timeToFirstCommunicationMs!);
    expect(weak.timeToMitigateMs!).toBeGreaterThan(strong.timeToMitigateMs!);
  });

  it('raises each anti-action red flag when the anti-action is taken', () => {
    for (const action of scenario.actions.filter((a) => a.category === 'anti-action')) {
      const outcome = incidentOutcome(
        scenario,
        1,
        [{ id: 'x', at: 60_000, kind: 'action', action: action.id }],
        5 * 60_000,
      );
      expect(outcome.signals).toContainEqual(
        expect.objectContaining({
          id: action.redFlag,
          polarity: 'red-flag',
          at: 60_000,
          cause: action.id,
          causeKind: 'action',
        }),
      );
    }
  });

  it('without any action the incident is neither mitigated nor resolved and users keep being hurt', () => {
    const outcome = incidentOutcome(scenario, 1, [], incidentTimeParse(scenario.duration)!);
    expect(outcome.timeToMitigateMs).toBeNull();
    expect(outcome.timeToResolveMs).toBeNull();
    expect(outcome.userImpactMinutes).toBeGreaterThan(10);
  });
});
