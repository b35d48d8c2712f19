/**
 * Conflicts from the exchange folder decided by a person: a version 2 of an interview whose
 * version 1 is not the one here arrives as a conflict; "Keep mine" and "Take theirs" each change
 * what they say and nothing else, are audited and logged; a changed key and a version not signed by
 * the interview's own interviewer are refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { keyPinTrust } from '../../../src/renderer/db/actions/signingActions';
import { exchangeRound, exchangeSeen } from '../../../src/renderer/db/actions/exchangeActions';
import { exchangeConflictLoad, exchangeConflictResolve } from '../../../src/renderer/db/actions/exchangeConflictActions';
import { evidenceOf } from '../../../src/renderer/db/evidenceRows';
import { testDb } from './dbTestKit';
import { memoryFolder, memoryFolderPut } from './exchangeMemoryFolder';
import { conflictBaseContent, conflictingAmendment, conflictSigner } from '../../fixtures/exchange/conflictingAmendment';

let clock = 1_767_225_600_000;
const now = () => ++clock;

async function conflictAtA(options: { theirsSignedBy?: 'interviewer' | 'colleague' } = {}) {
  const a = testDb(undefined, 'conflict-a');
  const grace = await profileCreate(a, { name: 'Grace' }, now());
  const folder = memoryFolder();
  const base = conflictBaseContent();
  const interview = base.interviews[0]!;
  const dimensionId = 'iac-engineering';
  const { mine, theirs } = conflictingAmendment(base, { dimensionId, score: 4, reason: 'Re-scored after the debrief' });
  const linus = conflictSigner('Linus', 5, interview.interviewerId);
  const sealedFile = `sealed-${interview.id}-1.loopdesk`;
  memoryFolderPut(folder, linus.signer.profileId, sealedFile, await linus.text(mine));
  await keyPinTrust(a, linus.signer, 'Grace', now());
  let sender = linus;
  if (options.theirsSignedBy === 'colleague') {
    sender = conflictSigner('Mallory', 9, null);
    await keyPinTrust(a, sender.signer, 'Grace', now());
  }
  await exchangeRound(a, folder, grace, { now });
  expect((await exchangeSeen(a, grace.id)).get(`${linus.signer.profileId}/${sealedFile}`)?.outcome).toBe('received');
  const file = `${sender.signer.profileId}/amendment-${interview.id}-2.loopdesk`;
  memoryFolderPut(folder, sender.signer.profileId, file.split('/')[1]!, await sender.text(theirs, clock + 10));
  await exchangeRound(a, folder, grace, { now });
  expect((await exchangeSeen(a, grace.id)).get(file)?.outcome).toBe('conflict');
  return { a, grace, folder, file, interview, dimensionId, linus };
}

const scoreOf = async (db: ReturnType<typeof testDb>, interviewId: string, dimensionId: string) => {
  const rating = (await evidenceOf(db, interviewId)).ratings.find((r) => r.dimensionId === dimensionId);
  return rating?.state === 'rated' ? rating.score : null;
};

describe('exchange conflicts, decided by a person', () => {
  it('shows both versions side by side: what differs, who signed each, when', async () => {
    const m = await conflictAtA();
    const view = await exchangeConflictLoad(m.a, m.folder, m.file, m.grace);
    if (!view.ok) throw new Error(view.reason);
    expect(view.trustText).toMatch(/^Signed by Linus \(known key/);
    expect(view.items).toHaveLength(1);
    const [item] = view.items;
    expect(item).toMatchObject({ table: 'interviews', id: m.interview.id, refusal: null, theirs: { by: 'signed by Linus' } });
    expect(item!.mine.by).toBe(`received from Linus (${m.linus.signer.profileId}/sealed-${m.interview.id}-1.loopdesk)`);
    expect(item!.fields).toEqual(
      expect.arrayContaining([
        { field: 'state', mine: 'submitted, version 1', theirs: 'amended, version 2' },
        { field: 'amendment reason', mine: '—', theirs: 'Re-scored after the debrief' },
        { field: `rating: ${m.dimensionId}`, mine: '2', theirs: '4' },
      ]),
    );
    expect(item!.fields.map((f) => f.field)).not.toContain('rating: cloud-architecture');
  });

  it('"Take theirs" replaces the interview whole, imports the rest, audits the replaced seal and is not asked again', async () => {
    const m = await conflictAtA();
    const sealBefore = (await m.a.interviewVersions.where('interviewId').equals(m.interview.id).first())!.evidenceSha256;
    await exchangeConflictResolve(m.a, m.folder, m.file, m.grace, 'theirs', { now: now() });
    expect(await m.a.interviews.get(m.interview.id)).toMatchObject({ status: 'amended', version: 2, amendReason: 'Re-scored after the debrief' });
    expect(await scoreOf(m.a, m.interview.id, m.dimensionId)).toBe(4);
    expect((await m.a.interviewVersions.where('interviewId').equals(m.interview.id).toArray()).map((v) => v.version).sort()).toEqual([1, 2]);
    const audit = (await m.a.audit.toArray()).at(-1)!;
    expect(audit).toMatchObject({ action: 'conflict.taken', actor: 'Grace', subject: m.file });
    expect((audit.details as { replacedSeals: Array<{ was: string }> }).replacedSeals[0]!.was).toBe(sealBefore);
    expect((await exchangeSeen(m.a, m.grace.id)).get(m.file)).toMatchObject({ outcome: 'resolved', detail: expect.stringMatching(/^took Linus's version/) });
    // The next round leaves the decided file alone.
    await exchangeRound(m.a, m.folder, m.grace, { now });
    expect((await exchangeSeen(m.a, m.grace.id)).get(m.file)?.outcome).toBe('resolved');
    expect(await scoreOf(m.a, m.interview.id, m.dimensionId)).toBe(4);
  });

  it('"Keep mine" changes no record, and is audited and logged', async () => {
    const m = await conflictAtA();
    const before = await m.a.evidence.toArray();
    await exchangeConflictResolve(m.a, m.folder, m.file, m.grace, 'mine', { now: now() });
    expect(await m.a.evidence.toArray()).toEqual(before);
    expect((await m.a.interviews.get(m.interview.id))?.version).toBe(1);
    expect((await m.a.audit.toArray()).at(-1)).toMatchObject({ action: 'conflict.kept', subject: m.file });
    expect((await exchangeSeen(m.a, m.grace.id)).get(m.file)).toMatchObject({ outcome: 'resolved', detail: expect.stringMatching(/^kept what is here/) });
  });

  it('refuses while the signer\u2019s key is not the one pinned here, with nothing written', async () => {
    const m = await conflictAtA();
    await m.a.keyPins.update(m.linus.signer.profileId, { publicKey: 'ab'.repeat(32) });
    const auditBefore = await m.a.audit.count();
    const view = await exchangeConflictLoad(m.a, m.folder, m.file, m.grace);
    expect(view).toMatchObject({ ok: false, reason: expect.stringMatching(/key/) });
    await expect(exchangeConflictResolve(m.a, m.folder, m.file, m.grace, 'theirs', { now: now() })).rejects.toThrow(/key/);
    expect(await scoreOf(m.a, m.interview.id, m.dimensionId)).toBe(2);
    expect(await m.a.audit.count()).toBe(auditBefore);
  });

  it('refuses to take a sealed scorecard signed by someone other than its interviewer', async () => {
    const m = await conflictAtA({ theirsSignedBy: 'colleague' });
    const view = await exchangeConflictLoad(m.a, m.folder, m.file, m.grace);
    if (!view.ok) throw new Error(view.reason);
    expect(view.items[0]!.refusal).toMatch(/only .*own signed version may replace their sealed scorecard; this file is signed by Mallory/);
    await expect(exchangeConflictResolve(m.a, m.folder, m.file, m.grace, 'theirs', { now: now() })).rejects.toThrow(/signed by Mallory/);
    expect(await scoreOf(m.a, m.interview.id, m.dimensionId)).toBe(2);
  });
});
