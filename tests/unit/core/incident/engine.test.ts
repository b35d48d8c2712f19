import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { incidentStateAt, INCIDENT_SAMPLE_MS, type IncidentState } from '../../../../src/core/incident/engine';
import { incidentExemplarLog, incidentOutcome } from '../../../../src/core/incident/outcome';
import { incidentActionCatalogue, incidentActionForKey } from '../../../../src/core/incident/catalogue';
import type { IncidentLogEntry } from '../../../../src/core/incident/runSchema';
import { act, packScenario, scenarioIds, tinyScenario } from './incidentTestKit';

const min = (m: number, s = 0) => (m * 60 + s) * 1000;
const valueAt = (state: IncidentState, metric: string, at: number) => {
  const m = state.metrics.find((x) => x.id === metric)!;
  return m.values[state.times.indexOf(at)]!;
};
const fired = (state: IncidentState, id: string) => state.injects.find((i) => i.id === id);
const milestone = (state: IncidentState, id: string) => state.milestones.find((m) => m.id === id)!;

describe('metric trajectories', () => {
  const scenario = tinyScenario();

  it('samples every 10 s from 0 to the requested time', () => {
    const state = incidentStateAt(scenario, 1, [], min(1, 5));
    expect(state.times).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(state.metrics.every((m) => m.values.length === 7)).toBe(true);
    expect(state.sampleMs).toBe(INCIDENT_SAMPLE_MS);
  });

  it('follows a timed ramp exactly when the metric has no noise, then holds the end value', () => {
    const state = incidentStateAt(scenario, 1, [], min(16));
    expect(valueAt(state, 'errors', min(1))).toBe(1);
    expect(valueAt(state, 'errors', min(2))).toBe(1);
    expect(valueAt(state, 'errors', min(4))).toBe(5);
    expect(valueAt(state, 'errors', min(7))).toBe(11);
    expect(valueAt(state, 'errors', min(12))).toBe(21);
    expect(valueAt(state, 'errors', min(16))).toBe(21);
  });

  it('starts a delayed effect at its own time and ramps from the value the metric had then', () => {
    const state = incidentStateAt(scenario, 1, [act('05:00', 'rollback')], min(8));
    expect(valueAt(state, 'errors', min(5, 20))).toBeCloseTo(7.67, 2); // still climbing: the effect waits 30 s
    expect(valueAt(state, 'errors', min(5, 30))).toBe(8);
    expect(valueAt(state, 'errors', min(6))).toBe(4.5);
    expect(valueAt(state, 'errors', min(6, 30))).toBe(1);
    expect(valueAt(state, 'errors', min(8))).toBe(1);
  });

  it('scales a ramp in progress with multiply, so the climb continues at the reduced rate', () => {
    const state = incidentStateAt(scenario, 1, [act('04:00', 'halve')], min(6));
    expect(valueAt(state, 'errors', min(3, 50))).toBeCloseTo(4.67, 2);
    expect(valueAt(state, 'errors', min(4))).toBe(2.5);
    expect(valueAt(state, 'errors', min(6))).toBe(4.5);
  });

  it('composes same-time effects in log order', () => {
    const pinThenBump = incidentStateAt(scenario, 3, [act('01:00', 'pin'), act('01:00', 'bump')], min(2));
    const bumpThenPin = incidentStateAt(scenario, 3, [act('01:00', 'bump'), act('01:00', 'pin')], min(2));
    const diff = valueAt(pinThenBump, 'latency', min(2)) - valueAt(bumpThenPin, 'latency', min(2));
    expect(diff).toBe(100);
  });

  it('keeps seeded noise within the amplitude, the same for the same seed and different for another', () => {
    const a = incidentStateAt(scenario, 42, [], min(20));
    const b = incidentStateAt(scenario, 42, [act('03:00', 'ssh')], min(20));
    const c = incidentStateAt(scenario, 43, [], min(20));
    const latency = (s: IncidentState) => s.metrics.find((m) => m.id === 'latency')!.values;
    expect(latency(a)).toEqual(latency(b)); // another metric's actions do not shift this metric's noise
    expect(latency(a)).not.toEqual(latency(c));
    expect(Math.min(...latency(a))).toBeGreaterThanOrEqual(190);
    expect(Math.max(...latency(a))).toBeLessThanOrEqual(210);
    expect(new Set(latency(a)).size).toBeGreaterThan(5);
  });

  it('clamps at the metric minimum (0 by default) and its max', () => {
    const state = incidentStateAt(scenario, 1, [act('01:00', 'halve'), act('01:00', 'halve')], min(2));
    expect(valueAt(state, 'errors', min(2))).toBe(0.25);
    const scenarioWithFloor = tinyScenario();
    scenarioWithFloor.metrics[0]!.max = 10;
    expect(valueAt(incidentStateAt(scenarioWithFloor, 1, [], min(12)), 'errors', min(12))).toBe(10);
  });
});

describe('injects, actions and flags', () => {
  const scenario = tinyScenario();

  it('fires a condition inject once the condition has held for its duration, with the metric as cause', () => {
    const before = incidentStateAt(scenario, 1, [], min(4, 30));
    expect(fired(before, 'page')).toBeUndefined();
    const state = incidentStateAt(scenario, 1, [], min(6));
    expect(fired(state, 'page')).toMatchObject({ at: min(4, 40), cause: { kind: 'condition', metric: 'errors' } });
    expect(state.flags.find((f) => f.flag === 'paged')).toMatchObject({
      at: min(4, 40),
      cause: { kind: 'inject', inject: 'page' },
    });
  });

  it('logs an action whose required flag is missing as blocked, with no effect', () => {
    const state = incidentStateAt(scenario, 1, [act('04:30', 'ack', 'early'), act('04:50', 'ack', 'later')], min(6));
    expect(state.actions).toMatchObject([
      { logId: 'early', isEffective: false, missingFlags: ['paged'] },
      { logId: 'later', isEffective: true, missingFlags: [] },
    ]);
    expect(milestone(state, 'acknowledge').hitAt).toBe(min(4, 50));
  });

  it('fires an afterAction inject after its delay, caused by that log entry', () => {
    const state = incidentStateAt(scenario, 1, [act('03:00', 'post-status', 'upd')], min(5));
    expect(fired(state, 'vp-chat')).toMatchObject({
      at: min(4),
      cause: { kind: 'action', action: 'post-status', logId: 'upd' },
    });
    expect(fired(incidentStateAt(scenario, 1, [act('03:00', 'post-status')], min(3, 59)), 'vp-chat')).toBeUndefined();
  });

  it('skips an inject whose unless flag was set before it was due (the branch was avoided)', () => {
    expect(fired(incidentStateAt(scenario, 1, [], min(9)), 'vp-nag')?.at).toBe(min(8));
    expect(fired(incidentStateAt(scenario, 1, [act('07:00', 'post-status')], min(9)), 'vp-nag')).toBeUndefined();
  });

  it("fires an action's listed injects at once and reveals hidden metrics with their history", () => {
    const before = incidentStateAt(scenario, 1, [act('01:00', 'read-logs')], min(0, 50));
    expect(before.metrics.find((m) => m.id === 'queue')!.isVisible).toBe(false);
    const state = incidentStateAt(scenario, 1, [act('01:00', 'read-logs')], min(1, 5));
    expect(fired(state, 'logs')).toMatchObject({ at: min(1), cause: { kind: 'action', action: 'read-logs' } });
    const queue = state.metrics.find((m) => m.id === 'queue')!;
    expect(queue).toMatchObject({ isVisible: true, revealedAt: min(1) });
    expect(queue.values).toHaveLength(7);
  });

  it('shows a logged action and its flag immediately, between two samples', () => {
    const state = incidentStateAt(scenario, 1, [act(min(3, 4) + 500, 'rollback')], min(3, 5));
    expect(state.actions.map((a) => a.action)).toEqual(['rollback']);
    expect(milestone(state, 'mitigate').hitAt).toBe(min(3, 4) + 500);
  });

  it('ignores log entries after the requested time and retracted entries', () => {
    const log: IncidentLogEntry[] = [
      act('01:00', 'rollback', 'mistake'),
      { id: 'undo', at: min(1, 10), kind: 'retract', target: 'mistake' },
      act('09:00', 'post-status'),
    ];
    const state = incidentStateAt(scenario, 1, log, min(5));
    expect(state.actions).toEqual([]);
    expect(state.flags.map((f) => f.flag)).not.toContain('rolled-back');
  });

  it('counts free-form communications for the communication milestone and cadence', () => {
    const log: IncidentLogEntry[] = [
      { id: 'c1', at: min(2), kind: 'communication', text: 'Told support on the phone' },
    ];
    const state = incidentStateAt(scenario, 1, log, min(3));
    expect(milestone(state, 'first-comm').hitAt).toBe(min(2));
    expect(state.communications).toEqual([
      { logId: 'c1', at: min(2), action: null, text: 'Told support on the phone' },
    ]);
  });

  it('records a log action the scenario does not know instead of failing', () => {
    const state = incidentStateAt(scenario, 1, [act('01:00', 'reboot-the-internet', 'x1')], min(2));
    expect(state.unknownActions).toEqual([{ logId: 'x1', action: 'reboot-the-internet', at: min(1) }]);
    expect(state.actions).toEqual([]);
  });

  it('treats a negative or non-finite sim time as 00:00', () => {
    expect(incidentStateAt(scenario, 1, [], -5000).times).toEqual([0]);
    expect(incidentStateAt(scenario, 1, [], Number.NaN).simMs).toBe(0);
  });
});

describe('milestones, signals and user impact', () => {
  const scenario = tinyScenario();

  it('moves a milestone from pending to met, late or missed as time passes', () => {
    const log = [act('07:00', 'post-status')];
    expect(milestone(incidentStateAt(scenario, 1, log, min(5)), 'first-comm').status).toBe('pending');
    expect(milestone(incidentStateAt(scenario, 1, log, min(6, 30)), 'first-comm').status).toBe('missed');
    expect(milestone(incidentStateAt(scenario, 1, log, min(7)), 'first-comm')).toMatchObject({
      status: 'late',
      hitAt: min(7),
    });
    expect(milestone(incidentStateAt(scenario, 1, [act('03:00', 'post-status')], min(7)), 'first-comm').status).toBe(
      'met',
    );
  });

  it('hits a metric milestone when the condition has held for its duration and its flags are set', () => {
    // Errors are below 2 from the start, but the milestone also needs the rollback flag.
    const state = incidentStateAt(scenario, 1, [act('05:00', 'rollback')], min(12));
    expect(milestone(state, 'resolve').hitAt).toBe(min(8, 30));
    expect(fired(state, 'recovered')?.at).toBe(min(7, 30));
  });

  it('raises an anti-action red flag once, linked to the log entry that first did it', () => {
    const state = incidentStateAt(scenario, 1, [act('02:00', 'ssh', 's1'), act('03:00', 'ssh', 's2')], min(5));
    const red = state.signals.filter((s) => s.polarity === 'red-flag');
    expect(red).toEqual([
      {
        signal: 'red-flag-uncoordinated-prod-change',
        polarity: 'red-flag',
        at: min(2),
        cause: { kind: 'action', action: 'ssh', logId: 's1' },
        reason: 'SECRET-LABEL-ssh',
      },
    ]);
  });

  it('raises a missed-deadline signal exactly at the deadline and a met-deadline one at the action', () => {
    expect(incidentStateAt(scenario, 1, [], min(4, 59)).signals).toEqual([]);
    const late = incidentStateAt(scenario, 1, [], min(5));
    expect(late.signals).toMatchObject([
      { signal: 'weak-slow-communication', at: min(5), cause: { kind: 'rule', rule: 'late-comms' } },
    ]);
    const early = incidentStateAt(scenario, 1, [act('04:00', 'rollback')], min(5));
    expect(early.signals.find((s) => s.signal === 'strong-rollback-first')).toMatchObject({
      at: min(4),
      cause: { kind: 'rule', rule: 'early-rollback' },
    });
  });

  it('judges cadence: kept when every gap is within the limit, broken when a silence runs past it', () => {
    const kept = incidentStateAt(
      scenario,
      1,
      [act('04:50', 'ack'), act('05:00', 'post-status'), act('05:00', 'rollback'), act('08:00', 'post-status')],
      min(12),
    );
    expect(kept.signals.map((s) => s.signal)).toContain('strong-stakeholder-comms');
    expect(kept.signals.find((s) => s.signal === 'strong-stakeholder-comms')!.at).toBe(min(8, 30));

    const broken = incidentStateAt(scenario, 1, [act('01:00', 'post-status'), act('05:00', 'rollback')], min(12));
    const brokenSignal = broken.signals.find((s) => s.cause.kind === 'rule' && s.cause.rule === 'cadence-broken');
    expect(brokenSignal?.at).toBe(min(5));
    expect(broken.signals.map((s) => s.signal)).not.toContain('strong-stakeholder-comms');
  });

  it('raises the sequence red flag when the all-clear comes before the recovery milestone', () => {
    const premature = incidentStateAt(scenario, 1, [act('05:00', 'rollback'), act('07:00', 'resolve')], min(12));
    expect(premature.signals.find((s) => s.polarity === 'red-flag')).toMatchObject({
      at: min(7),
      cause: { kind: 'rule', rule: 'premature' },
    });
    const patient = incidentStateAt(scenario, 1, [act('05:00', 'rollback'), act('09:00', 'resolve')], min(12));
    expect(patient.signals.some((s) => s.polarity === 'red-flag')).toBe(false);
  });

  it('counts user impact as 10 s per sample past the SLO threshold', () => {
    // > 5 % from 04:10 until the rollback ramp brings it under at 06:00: 04:10 … 05:50 = 11 samples.
    const state = incidentStateAt(scenario, 1, [act('05:00', 'rollback')], min(12));
    expect(state.userImpactMs).toBe(110_000);
    const outcome = incidentOutcome(scenario, 1, [act('05:00', 'rollback')], min(12));
    expect(outcome.userImpactMinutes).toBe(1.83);
    expect(outcome.errorBudgetMinutes).toBe(43.2);
    expect(outcome.errorBudgetBurned).toBe(0.0424);
  });

  it('tracks metric alert episodes: fired when the threshold is crossed, resolved when it clears', () => {
    const state = incidentStateAt(scenario, 1, [act('05:00', 'rollback')], min(8));
    const errors = state.metrics.find((m) => m.id === 'errors')!;
    expect(errors.alertEpisodes).toEqual([{ firedAt: min(4, 10), resolvedAt: min(6) }]);
    expect(errors.isAlerting).toBe(false);
  });
});

describe('replay', () => {
  const cases = scenarioIds.flatMap((id) => (['strong', 'weak'] as const).map((which) => [id, which] as const));

  it.each(cases)('%s %s exemplar: 100 replays give byte-identical outcome JSON', (id, which) => {
    const scenario = packScenario(id);
    const log = incidentExemplarLog(scenario, which);
    const first = JSON.stringify(incidentOutcome(scenario, 7, log, min(30)));
    for (let i = 0; i < 100; i++) expect(JSON.stringify(incidentOutcome(scenario, 7, log, min(30)))).toBe(first);
  });

  it('does not modify the scenario or the log it is given', () => {
    const scenario = packScenario('canary-error-climb');
    const log = incidentExemplarLog(scenario, 'weak');
    const before = JSON.stringify([scenario, log]);
    incidentStateAt(scenario, 5, log, min(30));
    expect(JSON.stringify([scenario, log])).toBe(before);
  });
});

describe('properties over random action logs', () => {
  const scenario = packScenario('deploy-cascade-lb');
  const actionIds = scenario.actions.map((a) => a.id);
  const logArb = fc
    .array(
      fc.record({
        at: fc.integer({ min: 0, max: 30 * 60_000 }),
        kind: fc.constantFrom('action', 'action', 'action', 'communication'),
        action: fc.constantFrom(...actionIds),
      }),
      { maxLength: 40 },
    )
    .map((entries) =>
      entries.map((e, i): IncidentLogEntry =>
        e.kind === 'action'
          ? { id: `p${i}`, at: e.at, kind: 'action', action: e.action }
          : { id: `p${i}`, at: e.at, kind: 'communication', text: 'update' },
      ),
    );

  it('is deterministic: the same inputs give an identical state', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 35 * 60_000 }),
        (log, seed, t) => {
          expect(incidentStateAt(scenario, seed, log, t)).toEqual(incidentStateAt(scenario, seed, log, t));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is monotone in time: what happened by t1 is exactly what a later state says happened by t1', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 30 * 60_000 }),
        fc.integer({ min: 0, max: 30 * 60_000 }),
        (log, seed, a, b) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          const early = incidentStateAt(scenario, seed, log, t1);
          const late = incidentStateAt(scenario, seed, log, t2);
          early.milestones.forEach((m, i) => {
            const later = late.milestones[i]!;
            if (m.hitAt !== null) expect(later.hitAt).toBe(m.hitAt);
            else expect(later.hitAt === null || later.hitAt > t1).toBe(true);
            // Once met or missed, a milestone never goes back to pending.
            if (m.status !== 'pending')
              expect(later.status === m.status || (m.status === 'missed' && later.status === 'late')).toBe(true);
          });
          expect(late.signals.filter((s) => s.at <= t1)).toEqual(early.signals);
          expect(late.injects.filter((i) => i.at <= t1)).toEqual(early.injects);
          late.metrics.forEach((m, i) =>
            expect(m.values.slice(0, early.times.length)).toEqual(early.metrics[i]!.values),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('interviewer helpers', () => {
  const scenario = tinyScenario();

  it('lists injects already due later, soonest first', () => {
    const state = incidentStateAt(scenario, 1, [act('03:00', 'post-status')], min(3, 30));
    expect(state.upcomingInjects).toEqual([
      { id: 'vp-chat', at: min(4) },
      { id: 'vp-nag', at: min(8) },
    ]);
    expect(incidentStateAt(scenario, 1, [], min(9)).upcomingInjects).toEqual([]);
  });

  it('finds an action by its key and groups the catalogue by category', () => {
    expect(incidentActionForKey(scenario, 'R')?.id).toBe('rollback');
    expect(incidentActionForKey(scenario, 'q')).toBeUndefined();
    expect(incidentActionForKey(scenario, 'Enter')).toBeUndefined();
    expect(incidentActionCatalogue(scenario).map((g) => [g.category, g.actions.length])).toEqual([
      ['coordinate', 1],
      ['investigate', 1],
      ['mitigate', 4],
      ['communicate', 2],
      ['anti-action', 1],
    ]);
  });
});
