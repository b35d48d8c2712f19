import { describe, expect, it } from 'vitest';
import {
  incidentClockCreate,
  incidentClockIsRunning,
  incidentClockPause,
  incidentClockResume,
  incidentClockSeek,
  incidentClockSetSpeed,
  incidentClockSimNow,
  incidentClockStart,
} from '../../../../src/core/incident/clock';
import { incidentStateAt } from '../../../../src/core/incident/engine';
import { incidentPresenterView } from '../../../../src/core/incident/presenter';
import { incidentRunSchema, type IncidentRun } from '../../../../src/core/incident/runSchema';
import { incidentExemplarLog } from '../../../../src/core/incident/outcome';
import { packScenario } from './incidentTestKit';

const T0 = 1_700_000_000_000;

describe('sim clock', () => {
  it('stands at 00:00 until started, then follows wall time at 1×', () => {
    const clock = incidentClockCreate();
    expect(incidentClockSimNow(clock, T0 + 5000)).toBe(0);
    expect(incidentClockIsRunning(clock)).toBe(false);
    const running = incidentClockStart(clock, T0);
    expect(incidentClockIsRunning(running)).toBe(true);
    expect(incidentClockSimNow(running, T0 + 12_345)).toBe(12_345);
  });

  it('freezes while paused and continues from the same sim time on resume', () => {
    let clock = incidentClockStart(incidentClockCreate(), T0);
    clock = incidentClockPause(clock, T0 + 60_000);
    expect(clock.pausedAt).toBe(T0 + 60_000);
    expect(incidentClockSimNow(clock, T0 + 10 * 60_000)).toBe(60_000);
    clock = incidentClockResume(clock, T0 + 10 * 60_000);
    expect(clock.pausedAt).toBeNull();
    expect(incidentClockSimNow(clock, T0 + 10 * 60_000 + 30_000)).toBe(90_000);
  });

  it('changes speed without a jump: time so far is kept, the new speed applies from now', () => {
    let clock = incidentClockStart(incidentClockCreate(), T0);
    clock = incidentClockSetSpeed(clock, 4, T0 + 60_000);
    expect(incidentClockSimNow(clock, T0 + 60_000)).toBe(60_000);
    expect(incidentClockSimNow(clock, T0 + 90_000)).toBe(60_000 + 4 * 30_000);
    clock = incidentClockSetSpeed(clock, 1, T0 + 90_000);
    expect(incidentClockSimNow(clock, T0 + 100_000)).toBe(180_000 + 10_000);
  });

  it('keeps speed between 1× and 10×', () => {
    expect(incidentClockSetSpeed(incidentClockCreate(), 25, T0).speed).toBe(10);
    expect(incidentClockSetSpeed(incidentClockCreate(), 0.2, T0).speed).toBe(1);
    expect(incidentClockCreate(Number.NaN).speed).toBe(1);
  });

  it('applies a speed change made while paused from the resume on', () => {
    let clock = incidentClockPause(incidentClockStart(incidentClockCreate(), T0), T0 + 1000);
    clock = incidentClockSetSpeed(clock, 10, T0 + 2000);
    expect(incidentClockSimNow(clock, T0 + 5000)).toBe(1000);
    clock = incidentClockResume(clock, T0 + 5000);
    expect(incidentClockSimNow(clock, T0 + 6000)).toBe(11_000);
  });

  it('ignores pausing twice and resuming a running clock, and never runs backwards with the wall clock', () => {
    const running = incidentClockStart(incidentClockCreate(), T0);
    expect(incidentClockResume(running, T0 + 500)).toBe(running);
    const paused = incidentClockPause(running, T0 + 1000);
    expect(incidentClockPause(paused, T0 + 9000)).toBe(paused);
    expect(incidentClockSimNow(running, T0 - 60_000)).toBe(0);
  });

  it('seeks to a sim time, keeping running or paused as it was', () => {
    const running = incidentClockSeek(incidentClockStart(incidentClockCreate(2), T0), 5 * 60_000, T0 + 1000);
    expect(incidentClockSimNow(running, T0 + 2000)).toBe(5 * 60_000 + 2000);
    const paused = incidentClockSeek(incidentClockPause(running, T0 + 2000), 60_000, T0 + 3000);
    expect(incidentClockSimNow(paused, T0 + 99_000)).toBe(60_000);
  });
});

describe('crash resume', () => {
  it('recomputes from the saved run record exactly the state an uninterrupted run would show', () => {
    const scenario = packScenario('canary-error-climb');
    const exemplar = incidentExemplarLog(scenario, 'strong');

    // A live session: start at 1×, speed up to 4× at 2 min wall time, pause for a question, resume.
    let clock = incidentClockStart(incidentClockCreate(), T0);
    clock = incidentClockSetSpeed(clock, 4, T0 + 120_000);
    clock = incidentClockPause(clock, T0 + 150_000);
    clock = incidentClockResume(clock, T0 + 200_000);
    const crashWall = T0 + 260_000;
    const simAtCrash = incidentClockSimNow(clock, crashWall);
    const logSoFar = exemplar.filter((e) => e.at <= simAtCrash);
    const run: IncidentRun = {
      interviewId: 'interview-1',
      scenarioId: scenario.id,
      seed: 99,
      clock,
      log: logSoFar,
      endedAt: null,
    };

    // What was persisted goes through JSON and the schema, as after a reload.
    const reloaded = incidentRunSchema.parse(JSON.parse(JSON.stringify(run)));
    const recoveredAt = T0 + 300_000;
    const uninterrupted = incidentStateAt(scenario, run.seed, run.log, incidentClockSimNow(clock, recoveredAt));
    const resumed = incidentStateAt(
      reloaded.scenarioId === scenario.id ? scenario : scenario,
      reloaded.seed,
      reloaded.log,
      incidentClockSimNow(reloaded.clock, recoveredAt),
    );
    expect(resumed).toEqual(uninterrupted);
    expect(JSON.stringify(incidentPresenterView(resumed))).toBe(JSON.stringify(incidentPresenterView(uninterrupted)));
    expect(resumed.simMs).toBe(120_000 + 30_000 * 4 + 100_000 * 4);
  });

  it('rejects a run record with a bad clock or log entry, naming the field', () => {
    const bad = {
      interviewId: 'i',
      scenarioId: 'canary-error-climb',
      seed: 1,
      clock: { speed: 12, accumulatedMs: 0, startedAtWall: null, resumedAtWall: null, pausedAt: null },
      log: [{ id: 'a', at: 1000, kind: 'action', action: 'Roll Back' }],
      endedAt: null,
    };
    const result = incidentRunSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([
      ['clock', 'speed'],
      ['log', 0, 'action'],
    ]);
  });
});
