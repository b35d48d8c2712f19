/**
 * Sealed versions stored once: a sealed interview's current version keeps its seal hash, not a
 * second copy of its evidence; superseded versions keep their snapshots. What leaves the database
 * is unchanged (snapshots rebuilt byte for byte), and a change behind a seal is still caught.
 */
import { describe, expect, it } from 'vitest';
import { bundleParse, bundleStringify } from '../../../src/core/bundle';
import type { Bundle } from '../../../src/core/bundle';
import { auditVerify, bundleExportBuild, databaseDump } from '../../../src/renderer/db/actions/dataActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import {
  interviewBeginAmendment,
  interviewStart,
  interviewSubmit,
  noteSave,
  ratingSet,
} from '../../../src/renderer/db/actions/interviewActions';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { evidenceOf } from '../../../src/renderer/db/evidenceRows';
import { testDb } from './dbTestKit';

const pack = {
  manifest: { id: 'staff-devops', version: '1.0.0' },
  hash: 'b'.repeat(64),
  dimensions: [
    { id: 'iac-engineering', title: 'IaC engineering' },
    { id: 'communication', title: 'Communication' },
  ],
  signals: [],
} as never;
const kit = { dimensions: ['iac-engineering', 'communication'], sections: [{ id: 'context' }] } as never;
const meta = { appVersion: 't', createdBy: 'Grace', now: 500 };

/** A sealed interview with notes written out of order, two of them at the same moment. */
async function sealedHere(name: string) {
  const db = testDb(undefined, name);
  const me = await profileCreate(db, { name: 'Grace' }, 1);
  const candidate = await candidateCreate(db, { name: 'Ada', email: 'ada@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 2);
  const loop = await loopCreate(db, { candidateId: candidate.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: null }] }, 'Grace', 3);
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, 10);
  await ratingSet(db, interview.id, 'iac-engineering', 2, 11);
  await ratingSet(db, interview.id, 'communication', 'no-evidence', 12);
  for (const [at, text] of [[9000, 'later'], [3000, 'same moment, one'], [3000, 'same moment, two'], [1000, 'first']] as const) {
    await noteSave(db, { id: crypto.randomUUID(), interviewId: interview.id, at, text, dimensionId: null, simAt: null, isPrivate: false });
  }
  const sealed = await interviewSubmit(db, pack, kit, interview.id, 'Grace', 20);
  if (!sealed.ok) throw new Error('fixture did not seal');
  return { db, interview, loop };
}

async function bundleOf(db: AppDb, scope: Parameters<typeof bundleExportBuild>[1]): Promise<Bundle> {
  const parsed = bundleParse(bundleStringify(await bundleExportBuild(db, scope, meta)));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  return parsed.value;
}

describe('sealed versions stored once', () => {
  it('an interview sealed here keeps its current version by hash; its backup verifies and, imported elsewhere, is stored and exported the same', async () => {
    const { db, interview } = await sealedHere('a');
    const [row] = await db.interviewVersions.where('interviewId').equals(interview.id).toArray();
    expect(row!.snapshot).toBeUndefined();
    // bundleParse checks every snapshot against its seal hash and the live records.
    const backup = await bundleOf(db, { kind: 'all' });
    const snapshot = JSON.parse(backup.content.interviewVersions[0]!.snapshot) as { notes: Array<{ text: string }> };
    // In the order sealed: by moment, lines of one moment in id order.
    const sameMoment = backup.content.notes.filter((n) => n.at === 3000).map((n) => n.text);
    expect(snapshot.notes.map((n) => n.text)).toEqual(['first', ...sameMoment, 'later']);

    const other = testDb(undefined, 'b');
    await bundleContentImport(other, backup.content, { actor: 'Linus', now: 600, source: 'backup' });
    const [imported] = await other.interviewVersions.toArray();
    expect(imported!.snapshot).toBeUndefined();
    expect((await databaseDump(other)).interviewVersions).toEqual(backup.content.interviewVersions);
    // The same bundle again adds nothing: the version here is the one in the file.
    const again = await bundleContentImport(other, backup.content, { actor: 'Linus', now: 700, source: 'backup' });
    expect(again.summary.isNothingToAdd).toBe(true);
    expect((await auditVerify(other)).ok).toBe(true);
  });

  it('an amendment keeps the superseded snapshot as it was sealed, here and where the amendment is imported', async () => {
    const { db, interview, loop } = await sealedHere('c');
    const other = testDb(undefined, 'd');
    await bundleContentImport(other, (await bundleOf(db, { kind: 'loop', id: loop.id })).content, { actor: 'Linus', now: 600, source: 'loop' });
    const firstSeal = (await bundleOf(db, { kind: 'all' })).content.interviewVersions[0]!;

    expect(await interviewBeginAmendment(db, interview.id, 'Re-scored after the debrief', 'Grace', 30)).toEqual({ ok: true });
    const [kept] = await db.interviewVersions.where('interviewId').equals(interview.id).toArray();
    expect(kept).toEqual(firstSeal);
    await ratingSet(db, interview.id, 'iac-engineering', 4, 31);
    expect((await interviewSubmit(db, pack, kit, interview.id, 'Grace', 40)).ok).toBe(true);
    const stored = await db.interviewVersions.where('interviewId').equals(interview.id).sortBy('version');
    expect(stored.map((v) => v.snapshot === undefined)).toEqual([false, true]);
    expect((await auditVerify(db)).ok).toBe(true);

    const amendment = await bundleOf(db, { kind: 'loop', id: loop.id });
    const plan = await bundleContentImport(other, amendment.content, { actor: 'Linus', now: 700, source: 'loop' });
    expect(plan.amendments.map((a) => a.toVersion)).toEqual([2]);
    const there = await other.interviewVersions.where('interviewId').equals(interview.id).sortBy('version');
    expect(there[0]).toEqual(firstSeal);
    expect(there[1]!.snapshot).toBeUndefined();
    expect((await evidenceOf(other, interview.id)).ratings.find((r) => r.dimensionId === 'iac-engineering')).toMatchObject({ score: 4 });
    expect((await databaseDump(other)).interviewVersions).toEqual((await databaseDump(db)).interviewVersions);
    expect((await auditVerify(other)).ok).toBe(true);
  });

  it('a change behind a seal kept by hash is caught and names the interview', async () => {
    const { db, interview } = await sealedHere('e');
    const row = await evidenceOf(db, interview.id);
    // A write that bypasses the actions, as a damaged or hand-edited profile would hold.
    await db.evidence.put({ ...row, notes: row.notes.map((n, i) => (i === 0 ? { ...n, text: 'rewritten' } : n)) });
    const result = await auditVerify(db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('seal');
    expect(result.message).toBe(`interview ${interview.id} (sealed version 1): the evidence does not match the seal`);
  });
});
