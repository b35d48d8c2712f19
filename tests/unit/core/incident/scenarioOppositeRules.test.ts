/**
 * Rules that could call the same thing good and bad in one run ("steady cadence" and "irregular
 * communication" for the same updates) are refused; exclusive pairs pass.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../../../src/cli/index';
import { incidentScenarioOppositeRules } from '../../../../src/core/incident/scenarioCrossCheck';
import { incidentExemplarLog, incidentOutcome, incidentReplayEndMs } from '../../../../src/core/incident/outcome';
import type { IncidentRule, IncidentScenario } from '../../../../src/core/incident/scenarioSchema';
import { act, packScenario, repoRoot, scenarioIds, tinyScenario } from './incidentTestKit';

function withRules(...rules: IncidentRule[]): IncidentScenario {
  return { ...tinyScenario(), rules };
}

const rule = (id: string, polarity: IncidentRule['polarity'], shape: Partial<IncidentRule>): IncidentRule => ({
  id,
  signal: `${polarity}-${id}`,
  polarity,
  description: id,
  ...shape,
});

describe('incidentScenarioOppositeRules', () => {
  it('refuses a kept cadence next to a missed first-update deadline, at the later rule, naming the other', () => {
    const issues = incidentScenarioOppositeRules(
      withRules(
        rule('late-comms', 'weak', { deadline: { of: { category: 'communicate' }, by: '05:00', raiseWhen: 'missed' } }),
        rule('cadence-kept', 'strong', { cadence: { maxGap: '04:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'kept' } }),
      ),
    );
    expect(issues).toEqual([
      {
        path: ['rules', 1],
        also: ['rules', 0],
        message: expect.stringContaining('rules "late-comms" (weak "weak-late-comms") and "cadence-kept" (strong "strong-cadence-kept") both judge communications and can fire in the same run'),
      },
    ]);
  });

  it('the scenario that derived both signals really can: one run raises the strong and the weak one', () => {
    const scenario = withRules(
      rule('late-comms', 'weak', { deadline: { of: { category: 'communicate' }, by: '05:00', raiseWhen: 'missed' } }),
      rule('cadence-kept', 'strong', { cadence: { maxGap: '04:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'kept' } }),
    );
    // Acknowledge the page at 05:00 and roll back; the first update at 07:00 is late for the
    // deadline, yet within 4 minutes of acknowledging, and updates keep coming until resolution.
    const log = [act('05:00', 'ack'), act('05:00', 'rollback'), act('07:00', 'post-status'), act('08:00', 'post-status'), act('10:00', 'resolve')];
    const signals = incidentOutcome(scenario, 1, log, 20 * 60_000).signals.map((s) => s.id);
    expect(signals).toEqual(expect.arrayContaining(['weak-late-comms', 'strong-cadence-kept']));
    expect(incidentScenarioOppositeRules(scenario)).toHaveLength(1);
  });

  it('refuses a cadence kept and one broken over different windows, and a rule reached through a flag', () => {
    const issues = incidentScenarioOppositeRules(
      withRules(
        rule('kept', 'strong', { cadence: { maxGap: '04:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'kept' } }),
        rule('broken', 'weak', { cadence: { maxGap: '04:00', until: 'resolve', raiseWhen: 'broken' } }),
        rule('early', 'strong', { deadline: { of: { action: 'rollback' }, by: '06:00', raiseWhen: 'met' } }),
        // rolled-back is set by the rollback action: the same aspect, one step removed.
        rule('dig-first', 'red-flag', { sequence: { first: { flag: 'rolled-back' }, then: { action: 'read-logs' }, raiseWhen: 'out-of-order' } }),
      ),
    );
    expect(issues.map((i) => [i.path, i.also])).toEqual([
      [['rules', 1], ['rules', 0]],
      [['rules', 3], ['rules', 2]],
    ]);
    expect(issues[1]!.message).toContain('both judge action "rollback"');
  });

  it('accepts the exclusive shapes: met/missed deadlines, in-order/out-of-order sequences, kept/broken cadences', () => {
    expect(
      incidentScenarioOppositeRules(
        withRules(
          rule('early', 'strong', { deadline: { of: { action: 'rollback' }, by: '06:00', raiseWhen: 'met' } }),
          rule('late', 'weak', { deadline: { of: { action: 'rollback' }, by: '06:00', raiseWhen: 'missed' } }),
          rule('verified', 'strong', { sequence: { first: { action: 'read-logs', requires: ['recovered'] }, then: { action: 'resolve' }, raiseWhen: 'in-order' } }),
          rule('premature', 'red-flag', { sequence: { first: { flag: 'recovered' }, then: { action: 'resolve' }, raiseWhen: 'out-of-order' } }),
          rule('kept', 'strong', { cadence: { maxGap: '04:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'kept' } }),
          rule('broken', 'weak', { cadence: { maxGap: '05:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'broken' } }),
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a missed deadline earlier than the met one (a run between the two raises both)', () => {
    const issues = incidentScenarioOppositeRules(
      withRules(
        rule('early', 'strong', { deadline: { of: { action: 'rollback' }, by: '06:00', raiseWhen: 'met' } }),
        rule('late', 'weak', { deadline: { of: { action: 'rollback' }, by: '04:00', raiseWhen: 'missed' } }),
      ),
    );
    expect(issues).toHaveLength(1);
  });

  it.each(scenarioIds)('the built-in scenario %s has no rules that contradict each other', (id) => {
    expect(incidentScenarioOppositeRules(packScenario(id))).toEqual([]);
  });

  it.each(scenarioIds)('the built-in scenario %s: no exemplar run derives a strong and a weak signal on communication', (id) => {
    const scenario = packScenario(id);
    for (const which of ['strong', 'weak'] as const) {
      const log = incidentExemplarLog(scenario, which);
      const ids = incidentOutcome(scenario, 1, log, incidentReplayEndMs(scenario, log)).signals.map((s) => s.id);
      expect(ids.includes('strong-stakeholder-comms') && ids.includes('weak-slow-communication')).toBe(false);
    }
  });
});

describe('loopdesk validate on contradicting rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-opposite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and line of the later rule and the line of the earlier one', async () => {
    const pack = join(dir, 'frontend-engineer');
    cpSync(join(repoRoot, 'tests/fixtures/packs/frontend-engineer'), pack, { recursive: true });
    const file = join(pack, 'scenarios/blank-page-release.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(
        'slo:\n',
        `  - id: slow-rollback
    signal: prop-drilling
    polarity: weak
    description: Rolled back, but only after the first update.
    sequence: { first: { category: communicate }, then: { flag: rolled-back }, raiseWhen: in-order }
slo:
`,
      ),
    );
    let out = '';
    const code = await cliMain(['validate', pack], { out: (t) => (out += t), err: (t) => (out += t), cwd: repoRoot });
    expect(code).toBe(1);
    const lines = readFileSync(file, 'utf8').split('\n');
    const later = lines.findIndex((l) => l.includes('id: slow-rollback')) + 1;
    const earlier = lines.findIndex((l) => l.includes('id: rollback-early')) + 1;
    expect(out).toContain(`${join(pack, 'scenarios/blank-page-release.yaml')}:${later}:5 rules[1]: rules "rollback-early" (strong "rolls-back-fast") and "slow-rollback" (weak "prop-drilling") both judge flag "rolled-back"`);
    expect(out).toContain(`the other rule is at line ${earlier}`);
  });
});
