import { describe, expect, it } from 'vitest';
import { auditChainVerify } from '../../../src/core/audit/auditChain';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import {
  InterviewSealedError,
  interviewBeginAmendment,
  interviewStart,
  interviewSubmit,
  noteSave,
  ratingSet,
} from '../../../src/renderer/db/actions/interviewActions';
import { testDb } from './dbTestKit';

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
    const versions = await db.interviewVersions.where('interviewId').equals(interview.id).toArray();
    expect(versions).toHaveLength(1);
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
    expect((await db.ratings.get([interview.id, 'iac-engineering']))).toMatchObject({ score: 2 });

    expect(await interviewBeginAmendment(db, interview.id, 'Re-read the notes', 'Grace', 50)).toEqual({ ok: true });
    await ratingSet(db, interview.id, 'iac-engineering', 3, 60);
    const amended = await interviewSubmit(db, pack, kit, interview.id, 'Grace', 70);
    expect(amended.ok && amended.interview).toMatchObject({ status: 'amended', version: 2 });
    const versions = await db.interviewVersions.where('interviewId').equals(interview.id).sortBy('version');
    expect(versions.map((v) => JSON.parse(v.snapshot).ratings[0].score)).toEqual([2, 3]);
    expect(versions[1]!.reason).toBe('Re-read the notes');
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'interview.amended', details: { version: 2, reason: 'Re-read the notes' } });
  });

  it('reject an out-of-range rating without writing it', async () => {
    const { db, interview } = await seeded();
    await expect(ratingSet(db, interview.id, 'iac-engineering', 5 as never, 20)).rejects.toThrow();
    expect(await db.ratings.count()).toBe(0);
  });
});
