/**
 * Writes of an interview's incident run (`db.incidentRuns`, one per interview). The record holds
 * only inputs — seed, clock, log — so every write is a small read-modify-write in one
 * strict-durability transaction that re-reads the interview first: a sealed interview's run can
 * never change behind the UI's back, and two quick key presses never overwrite each other's entry.
 *
 * Sim times are computed here from the stored clock and the caller's `wallNow` (the moment the
 * interviewer pressed the key), so an entry lands at the sim time the saved clock says, not at
 * whatever a screen that is a frame behind showed.
 */
import { interviewIsSealed } from '../../../core/interview/interviewLifecycle';
import type { Interview } from '../../../core/model/records';
import { INCIDENT_MAX_SIM_MS } from '../../../core/incident/engine';
import {
  incidentClockCreate,
  incidentClockIsRunning,
  incidentClockPause,
  incidentClockResume,
  incidentClockSeek,
  incidentClockSetSpeed,
  incidentClockSimNow,
  incidentClockStart,
  incidentRunSchema,
  type IncidentLogEntry,
  type IncidentRun,
} from '../../../core/incident';
import type { AppDb } from '../appDb';
import { InterviewSealedError } from './interviewActions';

/** Sim time the run record can hold (the schema's cap). */

async function editableInterview(db: AppDb, interviewId: string): Promise<Interview> {
  const interview = await db.interviews.get(interviewId);
  if (!interview) throw new Error('This interview no longer exists.');
  if (interviewIsSealed(interview) || interview.status === 'planned') throw new InterviewSealedError();
  return interview;
}

async function existingRun(db: AppDb, interviewId: string): Promise<IncidentRun> {
  const run = await db.incidentRuns.get(interviewId);
  if (!run) throw new Error('No incident run for this interview yet: start the scenario first.');
  return run;
}

async function runPut(db: AppDb, run: IncidentRun): Promise<IncidentRun> {
  const valid = incidentRunSchema.parse(run);
  await db.incidentRuns.put(valid);
  return valid;
}

/**
 * Creates the interview's run with its clock running from `wallNow`. Idempotent: when a run
 * already exists (a double click, a second window) it is returned unchanged, never restarted.
 */
export async function incidentRunStart(
  db: AppDb,
  start: { interviewId: string; scenarioId: string; seed: number; speed: number },
  wallNow: number,
): Promise<IncidentRun> {
  return db.transaction('rw', db.interviews, db.incidentRuns, async () => {
    await editableInterview(db, start.interviewId);
    const existing = await db.incidentRuns.get(start.interviewId);
    if (existing) return existing;
    return runPut(db, {
      interviewId: start.interviewId,
      scenarioId: start.scenarioId,
      seed: start.seed,
      clock: incidentClockStart(incidentClockCreate(start.speed), wallNow),
      log: [],
      endedAt: null,
    });
  });
}

/** What the interviewer did to the sim clock. `jump` moves sim time forward from where it is now. */
export type IncidentClockChange =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'speed'; speed: number }
  | { kind: 'seek'; simMs: number }
  | { kind: 'jump'; byMs: number };

/** Applies a clock change at `wallNow`; a run that has ended keeps its clock as it is. */
export async function incidentRunClockChange(
  db: AppDb,
  interviewId: string,
  change: IncidentClockChange,
  wallNow: number,
): Promise<IncidentRun> {
  return db.transaction('rw', db.interviews, db.incidentRuns, async () => {
    await editableInterview(db, interviewId);
    const run = await existingRun(db, interviewId);
    if (run.endedAt !== null) throw new Error('The incident run has ended; reopen it to move the clock.');
    const clock = run.clock;
    const simNow = incidentClockSimNow(clock, wallNow);
    let next = clock;
    switch (change.kind) {
      case 'pause':
        next = incidentClockPause(clock, wallNow);
        break;
      case 'resume':
        next = incidentClockResume(clock, wallNow);
        break;
      case 'speed':
        next = incidentClockSetSpeed(clock, change.speed, wallNow);
        break;
      case 'seek':
        next = incidentClockSeek(clock, Math.min(INCIDENT_MAX_SIM_MS, change.simMs), wallNow);
        break;
      case 'jump':
        // Land on a whole second, so times logged after a jump read as the clock shows them.
        next = incidentClockSeek(clock, Math.min(INCIDENT_MAX_SIM_MS, Math.floor((simNow + change.byMs) / 1000) * 1000), wallNow);
        break;
    }
    return runPut(db, { ...run, clock: next });
  });
}

/** A log entry as the console asks for it; the id and the sim time are filled in on write. */
export type IncidentLogDraft =
  | { kind: 'action'; action: string }
  | { kind: 'communication'; text: string; to?: string | null }
  | { kind: 'note'; text: string }
  | { kind: 'retract'; target: string };

/**
 * Appends one entry at the run's sim time at `wallNow` and returns the run with it. Refused
 * before the clock has started, after the run has ended, and for a retraction of an entry that
 * does not exist or is itself a retraction.
 */
export async function incidentRunLogAppend(
  db: AppDb,
  interviewId: string,
  draft: IncidentLogDraft,
  wallNow: number,
): Promise<IncidentRun> {
  return db.transaction('rw', db.interviews, db.incidentRuns, async () => {
    await editableInterview(db, interviewId);
    const run = await existingRun(db, interviewId);
    if (run.endedAt !== null) throw new Error('The incident run has ended; reopen it to log more.');
    if (run.clock.startedAtWall === null) throw new Error('Start the scenario clock before logging.');
    if (draft.kind === 'retract') {
      const target = run.log.find((e) => e.id === draft.target);
      if (!target || target.kind === 'retract') throw new Error('There is no such log entry to withdraw.');
    }
    const at = Math.min(INCIDENT_MAX_SIM_MS, incidentClockSimNow(run.clock, wallNow));
    const entry = { ...draft, id: crypto.randomUUID(), at } as IncidentLogEntry;
    return runPut(db, { ...run, log: [...run.log, entry] });
  });
}

/** Ends the run at its current sim time: the clock stops and the outcome is judged at that time. */
export async function incidentRunEnd(db: AppDb, interviewId: string, wallNow: number): Promise<IncidentRun> {
  return db.transaction('rw', db.interviews, db.incidentRuns, async () => {
    await editableInterview(db, interviewId);
    const run = await existingRun(db, interviewId);
    if (run.endedAt !== null) return run;
    const clock = incidentClockIsRunning(run.clock) ? incidentClockPause(run.clock, wallNow) : run.clock;
    return runPut(db, { ...run, clock, endedAt: Math.min(INCIDENT_MAX_SIM_MS, clock.accumulatedMs) });
  });
}

/** Takes back an "end run": the clock stays paused where it ended until the interviewer resumes. */
export async function incidentRunReopen(db: AppDb, interviewId: string): Promise<IncidentRun> {
  return db.transaction('rw', db.interviews, db.incidentRuns, async () => {
    await editableInterview(db, interviewId);
    const run = await existingRun(db, interviewId);
    if (run.endedAt === null) return run;
    return runPut(db, { ...run, endedAt: null });
  });
}
