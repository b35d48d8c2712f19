/** Candidates, interviewers and loops: created and edited by recruiters and interviewers. */
import {
  candidateSchema,
  interviewerSchema,
  interviewSchema,
  loopSchema,
  type Candidate,
  type Interviewer,
  type Loop,
} from '../../../core/model/records';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../appDb';
import { auditWrite } from './auditActions';

export interface CandidateInput {
  name: string;
  email: string;
  phone: string;
  packId: string;
  targetLevel: string;
  notes: string;
}

export async function candidateCreate(
  db: AppDb,
  input: CandidateInput,
  actor: string,
  now: number,
): Promise<Candidate> {
  const candidate = candidateSchema.parse({ ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now });
  await db.transaction('rw', db.candidates, db.audit, async () => {
    await db.candidates.add(candidate);
    await auditWrite(db, { at: now, actor, action: 'candidate.created', subject: candidate.id });
  });
  return candidate;
}

export async function candidateUpdate(db: AppDb, id: string, input: CandidateInput, now: number): Promise<Candidate> {
  return db.transaction('rw', db.candidates, async () => {
    const existing = await db.candidates.get(id);
    if (!existing) throw new Error('This candidate no longer exists.');
    const candidate = candidateSchema.parse({ ...existing, ...input, updatedAt: now });
    await db.candidates.put(candidate);
    return candidate;
  });
}

export async function interviewerCreate(
  db: AppDb,
  input: { name: string; email?: string },
  now: number,
): Promise<Interviewer> {
  const interviewer = interviewerSchema.parse({
    id: crypto.randomUUID(),
    name: input.name,
    email: input.email ?? '',
    createdAt: now,
  });
  await db.interviewers.add(interviewer);
  return interviewer;
}

export async function interviewerUpdate(
  db: AppDb,
  id: string,
  input: { name: string; email: string },
): Promise<Interviewer> {
  return db.transaction('rw', db.interviewers, async () => {
    const existing = await db.interviewers.get(id);
    if (!existing) throw new Error('This interviewer no longer exists.');
    const interviewer = interviewerSchema.parse({ ...existing, name: input.name, email: input.email });
    await db.interviewers.put(interviewer);
    return interviewer;
  });
}

export interface PlannedInterviewInput {
  kitId: string;
  interviewerId: string;
  scheduledAt: number | null;
}

/** A loop and its planned interviews, written together. */
export async function loopCreate(
  db: AppDb,
  input: {
    candidateId: string;
    pack: Pick<RubricPack, 'manifest' | 'hash'>;
    targetLevel: string;
    interviews: PlannedInterviewInput[];
  },
  actor: string,
  now: number,
): Promise<Loop> {
  const loop = loopSchema.parse({
    id: crypto.randomUUID(),
    candidateId: input.candidateId,
    packId: input.pack.manifest.id,
    packVersion: input.pack.manifest.version,
    packHash: input.pack.hash,
    targetLevel: input.targetLevel,
    status: 'open',
    createdAt: now,
    closedAt: null,
  });
  const interviews = input.interviews.map((planned) =>
    interviewSchema.parse({
      id: crypto.randomUUID(),
      loopId: loop.id,
      candidateId: input.candidateId,
      interviewerId: planned.interviewerId,
      kitId: planned.kitId,
      status: 'planned',
      version: 0,
      scheduledAt: planned.scheduledAt,
      updatedAt: now,
    }),
  );
  await db.transaction('rw', db.loops, db.interviews, db.audit, async () => {
    await db.loops.add(loop);
    await db.interviews.bulkAdd(interviews);
    await auditWrite(db, {
      at: now,
      actor,
      action: 'loop.created',
      subject: loop.id,
      details: { interviews: interviews.length },
    });
  });
  return loop;
}

/** Adds one more planned interview to an open loop. */
export async function loopInterviewAdd(
  db: AppDb,
  loopId: string,
  planned: PlannedInterviewInput,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.loops, db.interviews, async () => {
    const loop = await db.loops.get(loopId);
    if (!loop) throw new Error('This loop no longer exists.');
    if (loop.status !== 'open') throw new Error('This loop is closed; reopen it to plan more interviews.');
    await db.interviews.add(
      interviewSchema.parse({
        id: crypto.randomUUID(),
        loopId,
        candidateId: loop.candidateId,
        interviewerId: planned.interviewerId,
        kitId: planned.kitId,
        status: 'planned',
        version: 0,
        scheduledAt: planned.scheduledAt,
        updatedAt: now,
      }),
    );
  });
}

/** Removes a planned interview that has not started (started ones hold evidence and stay). */
export async function loopInterviewRemove(db: AppDb, interviewId: string): Promise<void> {
  await db.transaction('rw', db.interviews, async () => {
    const interview = await db.interviews.get(interviewId);
    if (!interview) return;
    if (interview.status !== 'planned') throw new Error('This interview has started; its evidence is kept.');
    await db.interviews.delete(interviewId);
  });
}

/** Reopens a closed loop (undoing a close): the retention clock stops; audited. */
export async function loopReopen(db: AppDb, loopId: string, actor: string, now: number): Promise<void> {
  await db.transaction('rw', db.loops, db.audit, async () => {
    const loop = await db.loops.get(loopId);
    if (!loop) throw new Error('This loop no longer exists (it may have been purged).');
    if (loop.status === 'open') return;
    await db.loops.put({ ...loop, status: 'open', closedAt: null });
    await auditWrite(db, { at: now, actor, action: 'loop.reopened', subject: loopId });
  });
}

/** Closes a loop; the retention clock starts at `now`. Audited. */
export async function loopClose(db: AppDb, loopId: string, actor: string, now: number): Promise<void> {
  await db.transaction('rw', db.loops, db.audit, async () => {
    const loop = await db.loops.get(loopId);
    if (!loop || loop.status === 'closed') return;
    await db.loops.put({ ...loop, status: 'closed', closedAt: now });
    await auditWrite(db, { at: now, actor, action: 'loop.closed', subject: loopId });
  });
}
