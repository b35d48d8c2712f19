import { describe, expect, it } from 'vitest';
import { incidentClockIsRunning, incidentClockSimNow, incidentStateAt } from '../../../src/core/incident';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import {
  InterviewSealedError,
  interviewStart,
  interviewSubmit,
  ratingSet,
} from '../../../src/renderer/db/actions/interviewActions';
import {
  incidentRunClockChange,
  incidentRunEnd,
  incidentRunLogAppend,
  incidentRunReopen,
  incidentRunStart,
} from '../../../src/renderer/db/actions/incidentActions';
import { packScenario } from '../core/incident/incidentTestKit';
import { testDb } from './dbTestKit';
import { interviewVersionsFilled } from '../../../src/renderer/db/sealedVersions';

const scenario = packScenario('canary-error-climb');

const pack = {
  manifest: { id: 'staff-devops', version: '1.0.0' },
  hash: 'a'.repeat(64),
  dimensions: [{ id: 'incident-leadership', title: 'Incident leadership' }],
  signals: [],
} as never;
const kit = { dimensions: ['incident-leadership'], sections: [{ id: 'briefing' }] } as never;

const T0 = 1_700_000_000_000;
const minute = 60_000;

async function seeded() {
  const db = testDb();
  const me = await profileCreate(db, { name: 'Grace' }, 1);
  const candidate = await candidateCreate(
    db,
    { name: 'Ada', email: '', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' },
    'Grace',
    2,
  );
  const loop = await loopCreate(
    db,
    { candidateId: candidate.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'incident-simulation', interviewerId: me.id, scheduledAt: null }] },
    'Grace',
    3,
  );
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, 10);
  const start = { interviewId: interview.id, scenarioId: 'canary-error-climb', seed: 42, speed: 1 };
  return { db, interview, start };
}

describe('incident run writes', () => {
  it('start a running clock once; a second start returns the same run instead of restarting it', async () => {
    const { db, start } = await seeded();
    const first = await incidentRunStart(db, start, T0);
    expect(incidentClockIsRunning(first.clock)).toBe(true);
    const again = await incidentRunStart(db, { ...start, seed: 7 }, T0 + 5 * minute);
    expect(again).toEqual(first);
    expect(await db.incidentRuns.count()).toBe(1);
  });

  it('log entries at the sim time the saved clock gives for the moment the key was pressed', async () => {
    const { db, start } = await seeded();
    await incidentRunStart(db, { ...start, speed: 2 }, T0);
    // 90 s of wall time at 2× = 03:00 of sim time.
    const run = await incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'ack-page' }, T0 + 90_000);
    expect(run.log).toEqual([{ kind: 'action', action: 'ack-page', id: expect.any(String), at: 3 * minute }]);
    const stored = await db.incidentRuns.get(start.interviewId);
    expect(stored?.log).toEqual(run.log);
  });

  it('keep every entry of quick successive presses', async () => {
    const { db, start } = await seeded();
    await incidentRunStart(db, start, T0);
    await Promise.all(
      ['ack-page', 'check-deploys', 'roll-back-canary', 'post-status'].map((action, i) =>
        incidentRunLogAppend(db, start.interviewId, { kind: 'action', action }, T0 + minute + i),
      ),
    );
    const run = await db.incidentRuns.get(start.interviewId);
    expect(run?.log.map((e) => (e.kind === 'action' ? e.action : e.kind)).sort()).toEqual(
      ['ack-page', 'check-deploys', 'post-status', 'roll-back-canary'],
    );
  });

  it('pause, jump, speed and resume move sim time as the interviewer expects, and it survives a reload', async () => {
    const { db, start } = await seeded();
    await incidentRunStart(db, start, T0);
    let run = await incidentRunClockChange(db, start.interviewId, { kind: 'pause' }, T0 + minute);
    expect(incidentClockSimNow(run.clock, T0 + 10 * minute)).toBe(minute);
    run = await incidentRunClockChange(db, start.interviewId, { kind: 'jump', byMs: 5 * minute }, T0 + 2 * minute);
    expect(incidentClockSimNow(run.clock, T0 + 10 * minute)).toBe(6 * minute);
    run = await incidentRunClockChange(db, start.interviewId, { kind: 'speed', speed: 10 }, T0 + 2 * minute);
    expect(incidentClockIsRunning(run.clock)).toBe(false);
    await incidentRunClockChange(db, start.interviewId, { kind: 'resume' }, T0 + 3 * minute);
    // What a reloaded console computes from the stored record: still running, 10× since the resume.
    const reloaded = (await db.incidentRuns.get(start.interviewId))!;
    expect(incidentClockIsRunning(reloaded.clock)).toBe(true);
    expect(incidentClockSimNow(reloaded.clock, T0 + 3 * minute + 30_000)).toBe(11 * minute);
  });

  it('withdraw an entry with a retraction so the engine ignores it, and refuse to retract what does not exist', async () => {
    const { db, start } = await seeded();
    await incidentRunStart(db, start, T0);
    let run = await incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'promote-canary' }, T0 + minute);
    const mistaken = run.log[0]!;
    run = await incidentRunLogAppend(db, start.interviewId, { kind: 'retract', target: mistaken.id }, T0 + minute + 5_000);
    const state = incidentStateAt(scenario, run.seed, run.log, 2 * minute);
    expect(state.actions).toEqual([]);
    expect(state.signals.filter((s) => s.polarity === 'red-flag')).toEqual([]);
    await expect(
      incidentRunLogAppend(db, start.interviewId, { kind: 'retract', target: 'no-such-entry' }, T0 + 2 * minute),
    ).rejects.toThrow(/no such log entry/);
    await expect(
      incidentRunLogAppend(db, start.interviewId, { kind: 'retract', target: run.log[1]!.id }, T0 + 2 * minute),
    ).rejects.toThrow(/no such log entry/);
  });

  it('end the run at its sim time, refuse logging after it, and reopen it paused where it ended', async () => {
    const { db, start } = await seeded();
    await incidentRunStart(db, start, T0);
    const ended = await incidentRunEnd(db, start.interviewId, T0 + 4 * minute);
    expect(ended.endedAt).toBe(4 * minute);
    expect(incidentClockIsRunning(ended.clock)).toBe(false);
    await expect(
      incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'ack-page' }, T0 + 5 * minute),
    ).rejects.toThrow(/has ended/);
    await expect(incidentRunClockChange(db, start.interviewId, { kind: 'resume' }, T0 + 5 * minute)).rejects.toThrow(/has ended/);
    const reopened = await incidentRunReopen(db, start.interviewId);
    expect(reopened.endedAt).toBeNull();
    expect(incidentClockSimNow(reopened.clock, T0 + 60 * minute)).toBe(4 * minute);
  });

  it('refuse to log before the scenario is started', async () => {
    const { db, start } = await seeded();
    await expect(
      incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'ack-page' }, T0),
    ).rejects.toThrow(/start the scenario/i);
    expect(await db.incidentRuns.count()).toBe(0);
  });

  it('refuse every change to the run of a sealed interview, and keep the sealed run in the snapshot', async () => {
    const { db, interview, start } = await seeded();
    await incidentRunStart(db, start, T0);
    await incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'ack-page' }, T0 + minute);
    await ratingSet(db, interview.id, 'incident-leadership', 3, 20);
    const sealed = await interviewSubmit(db, pack, kit, interview.id, 'Grace', 30);
    expect(sealed.ok).toBe(true);
    const before = await db.incidentRuns.get(start.interviewId);

    await expect(
      incidentRunLogAppend(db, start.interviewId, { kind: 'action', action: 'roll-back-canary' }, T0 + 2 * minute),
    ).rejects.toBeInstanceOf(InterviewSealedError);
    await expect(incidentRunClockChange(db, start.interviewId, { kind: 'pause' }, T0 + 2 * minute)).rejects.toBeInstanceOf(
      InterviewSealedError,
    );
    await expect(incidentRunEnd(db, start.interviewId, T0 + 2 * minute)).rejects.toBeInstanceOf(InterviewSealedError);
    expect(await db.incidentRuns.get(start.interviewId)).toEqual(before);

    const [version] = await interviewVersionsFilled(db, await db.interviewVersions.where('interviewId').equals(interview.id).toArray());
    expect(JSON.parse(version!.snapshot).incidentRun.log).toHaveLength(1);
  });
});
