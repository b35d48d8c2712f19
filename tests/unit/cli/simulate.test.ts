import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const canary = 'rubrics/staff-devops/scenarios/canary-error-climb.yaml';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: root });
  return { code, out, err };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-simulate-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The canary scenario with one line replaced, written to a temp file. */
function brokenCanary(find: string, replace: string): string {
  const text = readFileSync(join(root, canary), 'utf8');
  expect(text).toContain(find);
  return tempFile('scenario.yaml', text.replace(find, replace));
}

function lineOf(path: string, needle: string): number {
  return (
    readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

describe('loopdesk simulate', () => {
  it('replays the strong exemplar: every milestone met, strong signals with their rules', async () => {
    const { code, out, err } = await run('simulate', canary, '--exemplar', 'strong');
    expect(err).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(out);
    expect(outcome).toMatchObject({
      scenario: 'canary-error-climb',
      seed: 1,
      at: '30:00',
      userImpactMinutes: 0,
      errorBudgetBurned: 0,
    });
    expect(outcome.milestones).toEqual([
      { id: 'acknowledge', kind: 'acknowledge', target: '03:00', hitAt: '02:00', met: true, status: 'met' },
      {
        id: 'first-communication',
        kind: 'first-communication',
        target: '10:00',
        hitAt: '04:00',
        met: true,
        status: 'met',
      },
      { id: 'mitigate', kind: 'mitigate', target: '12:00', hitAt: '04:30', met: true, status: 'met' },
      { id: 'resolve', kind: 'resolve', target: '25:00', hitAt: '16:00', met: true, status: 'met' },
    ]);
    expect(outcome.signals).toContainEqual({
      id: 'strong-rollback-first',
      polarity: 'strong',
      at: '04:30',
      cause: 'rollback-early',
    });
    expect(outcome.hasRedFlags).toBe(false);
  });

  it('replays the weak exemplar: late milestones, red flags caused by the anti-actions', async () => {
    const { code, out } = await run('simulate', canary, '--exemplar', 'weak', '--seed', '12');
    expect(code).toBe(0);
    const outcome = JSON.parse(out);
    expect(outcome.seed).toBe(12);
    // Hit after their targets: late, and only late (not also hit, not also missed).
    expect(outcome.milestonesLate).toEqual(['first-communication', 'mitigate']);
    expect(outcome.milestonesMissed).toEqual([]);
    expect(outcome.milestonesMet).not.toContain('mitigate');
    expect(outcome.signals).toContainEqual({
      id: 'red-flag-uncoordinated-prod-change',
      polarity: 'red-flag',
      at: '07:00',
      cause: 'hand-patch-canary',
    });
    expect(outcome.userImpactMinutes).toBeGreaterThan(0);
    expect(outcome.errorBudgetBurned).toBeGreaterThan(0);
  });

  it('prints a timeline of everything that fired, in sim-time order, consistent with the milestones and signals', async () => {
    const { out } = await run('simulate', canary, '--exemplar', 'weak');
    const outcome = JSON.parse(out) as {
      milestones: Array<{ id: string; hitAt: string | null; status: string }>;
      milestonesMet: string[];
      milestonesLate: string[];
      milestonesMissed: string[];
      milestonesPending: string[];
      signals: Array<{ id: string; at: string }>;
      timeline: Array<{ at: string; kind: string; id?: string; text: string }>;
    };
    const seconds = (t: string) => Number(t.split(':')[0]) * 60 + Number(t.split(':')[1]);
    const times = outcome.timeline.map((e) => seconds(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(outcome.timeline.map((e) => e.kind))).toEqual(new Set(['inject', 'alert', 'action', 'flag', 'milestone', 'signal', 'alert-cleared']));
    // Each exemplar step and each signal shows at its time.
    expect(outcome.timeline).toContainEqual({ at: '07:00', kind: 'action', id: 'hand-patch-canary', text: expect.any(String) });
    for (const signal of outcome.signals) expect(outcome.timeline).toContainEqual(expect.objectContaining({ at: signal.at, kind: 'signal', id: signal.id }));
    // Met, late, missed and pending partition the milestones; each hit one is on the timeline once.
    const lists = [outcome.milestonesMet, outcome.milestonesLate, outcome.milestonesMissed, outcome.milestonesPending];
    expect(lists.flat().sort()).toEqual(outcome.milestones.map((m) => m.id).sort());
    for (const m of outcome.milestones) {
      const onTimeline = outcome.timeline.filter((e) => e.kind === 'milestone' && e.id === m.id);
      expect(onTimeline.map((e) => e.at)).toEqual(m.hitAt === null ? [] : [m.hitAt]);
      expect(lists.findIndex((l) => l.includes(m.id))).toBe(['met', 'late', 'missed', 'pending'].indexOf(m.status));
    }
  });

  it('replays an action log file and stops at --at', async () => {
    const log = tempFile(
      'log.json',
      JSON.stringify([
        { at: '02:10', action: 'ack-page' },
        { at: '03:00', communication: 'Told the VP by phone' },
        { at: '05:00', action: 'roll-back-canary' },
        { at: '05:30', note: 'Candidate explains the canary' },
      ]),
    );
    const { code, out, err } = await run('simulate', canary, '--actions', log, '--at', '06:00');
    expect(err).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(out);
    expect(outcome).toMatchObject({
      at: '06:00',
      timeToAcknowledge: '02:10',
      timeToFirstCommunication: '03:00',
      timeToMitigate: '05:00',
      timeToResolve: null,
      actionsTaken: 2,
    });
    expect(outcome.milestones.find((m: { id: string }) => m.id === 'resolve')).toMatchObject({
      hitAt: null,
      met: false,
      status: 'pending',
    });
  });

  it('gives the same output for the same inputs', async () => {
    const a = await run('simulate', canary, '--exemplar', 'weak', '--seed', '5');
    const b = await run('simulate', canary, '--exemplar', 'weak', '--seed', '5');
    expect(a.out).toBe(b.out);
  });

  it('prints the action catalogue', async () => {
    const { code, out } = await run('simulate', canary, '--list-actions');
    expect(code).toBe(0);
    const actions = JSON.parse(out);
    expect(actions[0]).toEqual({
      shortcut: 'a',
      id: 'ack-page',
      category: 'coordinate',
      label: 'Acknowledge the page',
      description: expect.any(String),
      requires: ['paged'],
    });
    expect(actions.find((a: { id: string }) => a.id === 'promote-canary').redFlag).toBe('red-flag-removes-safety-gate');
  });

  it('names the file, line and column of an unknown action in the log, with the closest known id', async () => {
    const log = tempFile(
      'log.json',
      '[\n  { "at": "01:00", "action": "ack-page" },\n  { "at": "02:00", "action": "roll-back-canry" }\n]\n',
    );
    const { code, out, err } = await run('simulate', canary, '--actions', log);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escape(log)}:3:30 \\[1\\]\\.action: unknown action "roll-back-canry" in scenario "canary-error-climb"`,
      ),
    );
    expect(lines[0]).toContain('did you mean "roll-back-canary"?');
  });

  it('rejects a badly written time in the log at its line and column', async () => {
    const log = tempFile('log.json', '[\n  { "at": "1:5", "action": "ack-page" }\n]\n');
    const { code, err } = await run('simulate', canary, '--actions', log);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^${escape(log)}:2:11 \\[0\\]\\.at: write sim times as "mm:ss"`));
  });

  it('rejects a log that is not JSON with its position', async () => {
    const log = tempFile('log.json', '[\n  { "at": "01:00", "action": "ack-page" },\n]\n');
    const { code, err } = await run('simulate', canary, '--actions', log);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^${escape(log)}:\\d+:\\d+: not valid JSON`));
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a scenario with broken YAML at its line', async () => {
    const path = brokenCanary('title: The 3 a.m. canary whose error rate climbs', 'title: [unclosed');
    const { code, err } = await run('simulate', path, '--exemplar', 'strong');
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^${escape(path)}:\\d+:\\d+: `));
    expect(err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('rejects a scenario whose inject names an unknown action, at the afterAction line and column', async () => {
    const path = brokenCanary('    afterAction: read-logs\n', '    afterAction: read-the-logs\n');
    const { code, err } = await run('simulate', path, '--exemplar', 'strong');
    expect(code).toBe(1);
    const line = lineOf(path, 'afterAction: read-the-logs');
    expect(err.trim()).toBe(
      `${path}:${line}:18 injects[3].afterAction: unknown action "read-the-logs"; actions are "ack-page", "check-deploys", "compare-canary-stable", "read-logs", "dig-into-diff", "declare-incident", "page-owning-team", "roll-back-canary", …`,
    );
  });

  it('rejects a scenario with an inject that has no trigger, at the inject', async () => {
    const path = brokenCanary("    at: '06:00'\n    text: >-\n      Morning", '    text: >-\n      Morning');
    const { code, err } = await run('simulate', path);
    expect(code).toBe(1);
    expect(err).toContain(
      `${path}:${lineOf(path, 'id: launch-pressure')}:5 injects[5]: inject "launch-pressure" has no trigger`,
    );
  });

  it('rejects a scenario whose milestone watches an unknown metric', async () => {
    const path = brokenCanary(
      '    hitBy: { flag: mitigated }',
      "    hitBy: { metric: error-rate, below: 1, for: '02:00' }",
    );
    const { code, err } = await run('simulate', path);
    expect(code).toBe(1);
    const line = lineOf(path, 'metric: error-rate');
    expect(err).toContain(`${path}:${line}:22 milestones[2].hitBy.metric: unknown metric "error-rate"`);
  });

  it('rejects bad options with one line each and no stack trace', async () => {
    expect((await run('simulate', canary, '--at', '7 minutes')).err).toBe(
      'loopdesk simulate: --at must be a sim time "mm:ss", e.g. 20:00 (found "7 minutes")\n',
    );
    expect((await run('simulate', canary, '--seed', '-3')).code).toBe(1);
    expect((await run('simulate', canary, '--exemplar', 'average')).err).toContain(
      '--exemplar must be "strong" or "weak"',
    );
    expect((await run('simulate', canary, '--exemplar', 'weak', '--actions', 'x.json')).err).toContain(
      'either --actions or --exemplar',
    );
    expect((await run('simulate', 'no/such/scenario.yaml')).err).toBe(
      'no/such/scenario.yaml: scenario file no such file\n',
    );
    expect((await run('simulate')).code).toBe(1);
    expect((await run('simulate', canary, '--speed', '3')).err).toContain('unknown option --speed');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
