import { describe, expect, it } from 'vitest';
import { auditChainVerify } from '../../../src/core/audit/auditChain';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import {
  InterviewSealedError,
  interviewBeginAmendment,
  interviewClockSet,
  interviewStart,
  noteDelete,
  noteFieldsSave,
  noteRestore,
  interviewSubmit,
  noteSave,
  ratingSet,
  signalTagSave,
} from '../../../src/renderer/db/actions/interviewActions';
import { testDb } from './dbTestKit';
import { evidenceAll, evidenceOf } from '../../../src/renderer/db/evidenceRows';
import { interviewVersionsFilled } from '../../../src/renderer/db/sealedVersions';

const pack = {
  manifest: { id: 'staff-devops', version: '1.0.0' },
  hash: 'a'.repeat(64),
  dimensions: [{ id: 'iac-engineering', title: 'IaC engineering' }],
  signals: [],
} as never;
const kit = { dimensions: ['iac-engineering'], sections: [{ id: 'context' }] } as never;

async function seeded() {
  const db = testDb();
  const me = await profileCreate(db, { name: 'Grace' }, 1);
  const candidate = await candidateCreate(
    db,
    { name: 'Ada', email: '', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' },
    'Grace',
    2,
  );
  const loop = await loopCreate(db, { candidateId: candidate.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: null }] }, 'Grace', 3);
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, 10);
  return { db, interview };
}

describe('interview writes', () => {
  it('seal the interview with a version snapshot and an audit entry in one go', async () => {
    const { db, interview } = await seeded();
    await ratingSet(db, interview.id, 'iac-engineering', 3, 20);
    await noteSave(db, { id: crypto.randomUUID(), interviewId: interview.id, at: 5, text: 'Found the open SG', dimensionId: null, simAt: null, isPrivate: false });
    const result = await interviewSubmit(db, pack, kit, interview.id, 'Grace', 30);
    expect(result.ok).toBe(true);
    const stored = await db.interviewVersions.where('interviewId').equals(interview.id).toArray();
    expect(stored).toHaveLength(1);
    // The current version is stored by its seal hash; its snapshot is the interview's rows.
    expect(stored[0]!.snapshot).toBeUndefined();
    expect(stored[0]!.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    const versions = await interviewVersionsFilled(db, stored);
    expect(JSON.parse(versions[0]!.snapshot).notes[0].text).toBe('Found the open SG');
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => a.action)).toEqual(['candidate.created', 'loop.created', 'interview.submitted']);
    expect(auditChainVerify(audit).ok).toBe(true);
  });

  it('refuse to change a sealed interview, and keep the sealed version when amended', async () => {
    const { db, interview } = await seeded();
    await ratingSet(db, interview.id, 'iac-engineering', 2, 20);
    await interviewSubmit(db, pack, kit, interview.id, 'Grace', 30);
    await expect(ratingSet(db, interview.id, 'iac-engineering', 4, 40)).rejects.toBeInstanceOf(InterviewSealedError);
    expect((await evidenceOf(db, interview.id)).ratings.find((r) => r.dimensionId === 'iac-engineering')).toMatchObject({ score: 2 });

    expect(await interviewBeginAmendment(db, interview.id, 'Re-read the notes', 'Grace', 50)).toEqual({ ok: true });
    await ratingSet(db, interview.id, 'iac-engineering', 3, 60);
    const amended = await interviewSubmit(db, pack, kit, interview.id, 'Grace', 70);
    expect(amended.ok && amended.interview).toMatchObject({ status: 'amended', version: 2 });
    const stored = await db.interviewVersions.where('interviewId').equals(interview.id).sortBy('version');
    // The superseded version keeps its snapshot; the current one is the interview's rows.
    expect(stored.map((v) => v.snapshot === undefined)).toEqual([false, true]);
    const versions = await interviewVersionsFilled(db, stored);
    expect(versions.map((v) => JSON.parse(v.snapshot).ratings[0].score)).toEqual([2, 3]);
    expect(versions[1]!.reason).toBe('Re-read the notes');
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'interview.amended', details: { version: 2, reason: 'Re-read the notes' } });
  });

  it('reject an out-of-range rating without writing it', async () => {
    const { db, interview } = await seeded();
    await expect(ratingSet(db, interview.id, 'iac-engineering', 5 as never, 20)).rejects.toThrow();
    expect((await evidenceAll(db)).ratings).toHaveLength(0);
  });

  it('write note fields one at a time, so a dimension change never overwrites text written elsewhere', async () => {
    const { db, interview } = await seeded();
    const note = { id: crypto.randomUUID(), interviewId: interview.id, at: 5, text: 'first', dimensionId: null, simAt: null, isPrivate: false };
    await noteFieldsSave(db, note, { text: 'first' }, 20, note);
    await noteFieldsSave(db, note, { text: 'first and more' }, 21, note);
    // Another window holds the stale copy and changes only the dimension.
    await noteFieldsSave(db, note, { dimensionId: 'iac-engineering' }, 22);
    expect((await evidenceOf(db, interview.id)).notes.find((n) => n.id === note.id)).toMatchObject({ text: 'first and more', dimensionId: 'iac-engineering' });
  });

  it('delete a note with its signal links, restore both on Undo, and audit each', async () => {
    const { db, interview } = await seeded();
    const note = { id: crypto.randomUUID(), interviewId: interview.id, at: 5, text: 'evidence', dimensionId: null, simAt: null, isPrivate: false };
    await noteSave(db, note);
    await signalTagSave(db, { id: crypto.randomUUID(), interviewId: interview.id, signalId: 'some-signal', noteIds: [note.id], at: 5 });
    const deleted = await noteDelete(db, interview.id, note.id, { actor: 'Grace', now: 20 });
    expect((await evidenceAll(db)).notes).toHaveLength(0);
    expect((await evidenceAll(db)).signalTags[0]!.noteIds).toEqual([]);
    await noteRestore(db, deleted!, 'Grace', 21);
    expect((await evidenceOf(db, interview.id)).notes.find((n) => n.id === note.id)).toMatchObject({ text: 'evidence' });
    expect((await evidenceAll(db)).signalTags[0]!.noteIds).toEqual([note.id]);
    const actions = (await db.audit.orderBy('seq').toArray()).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['note.deleted', 'note.restored']);
  });

  it('pause the clock and resume it with the paused time left out', async () => {
    const { db, interview } = await seeded();
    await interviewClockSet(db, interview.id, 'pause', 1_000);
    await interviewClockSet(db, interview.id, 'resume', 61_000);
    expect(await db.interviews.get(interview.id)).toMatchObject({ pausedAt: null, pausedMs: 60_000 });
  });
});
