import { describe, expect, it } from 'vitest';
import { bundleParse, bundleStringify } from '../../../src/core/bundle';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { interviewStart, interviewSubmit, noteSave, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import { candidateErase, databaseDump } from '../../../src/renderer/db/actions/dataActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { decisionRecord } from '../../../src/renderer/db/actions/decisionActions';
import { keyPinTrust } from '../../../src/renderer/db/actions/signingActions';
import {
  exchangeErasureConfirm,
  exchangeRound,
  exchangeSeen,
} from '../../../src/renderer/db/actions/exchangeActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import type { Interviewer } from '../../../src/core/model/records';
import { recordsOf, testDb } from './dbTestKit';
import { memoryFolder, memoryFolderNames, memoryFolderPut, memoryFolderText } from './exchangeMemoryFolder';
import { evidenceAll } from '../../../src/renderer/db/evidenceRows';

const pack = { manifest: { id: 'staff-devops', version: '1.0.0' }, hash: 'b'.repeat(64), dimensions: [{ id: 'iac-engineering', title: 'IaC engineering' }], signals: [] } as never;
const kit = { dimensions: ['iac-engineering'], sections: [{ id: 'context' }] } as never;
let clock = 100;
const now = () => ++clock;

/** Machine A (Grace, a panelist) and machine B (Linus, committee), each with its own database, sharing one folder. */
async function twoMachines(options: { linusOnPanel?: boolean } = {}) {
  const a = testDb(undefined, 'a');
  const grace = await profileCreate(a, { name: 'Grace' }, 1);
  const linus: Interviewer = { id: crypto.randomUUID(), name: 'Linus', email: '', createdAt: 1 };
  await a.interviewers.add(linus);
  const candidate = await candidateCreate(a, { name: 'Ada', email: 'ada@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 2);
  const interviews = [{ kitId: 'iac-review', interviewerId: grace.id, scheduledAt: null }];
  if (options.linusOnPanel) interviews.push({ kitId: 'iac-review', interviewerId: linus.id, scheduledAt: null });
  const loop = await loopCreate(a, { candidateId: candidate.id, pack, targetLevel: 'staff', interviews }, 'Grace', 3);
  const graceInterview = (await a.interviews.where({ interviewerId: grace.id }).first())!;
  const b = testDb(undefined, 'b');
  // B knows the loop as the recruiter planned it (its own draft too, when Linus is on the panel).
  if (options.linusOnPanel) await bundleContentImport(b, await databaseDump(a), { actor: 'recruiter', now: 4, source: 'plan' });
  await b.settings.put({ key: 'me', value: linus.id });
  return { a, b, grace, linus, candidate, loop, graceInterview, folder: memoryFolder() };
}

async function seal(db: AppDb, interviewId: string, by: string, isPrivate = false) {
  await interviewStart(db, interviewId, kit, 10);
  await ratingSet(db, interviewId, 'iac-engineering', 3, 11);
  await noteSave(db, { id: crypto.randomUUID(), interviewId, at: 5, text: 'Named the blast radius', dimensionId: null, simAt: null, isPrivate });
  await interviewSubmit(db, pack, kit, interviewId, by, 12);
}

const lastOutcome = async (db: AppDb, profileId: string, file: string) => (await exchangeSeen(db, profileId)).get(file);
const rowCounts = async (db: AppDb) => Object.fromEntries(await Promise.all(['candidates', 'interviews', 'ratings', 'notes', 'decisions', 'audit'].map(async (t) => [t, (await recordsOf(db, t)).length])));

describe('exchange folder between two machines', () => {
  it('carries a sealed interview after its key is trusted, once, and a decision back', async () => {
    const m = await twoMachines();
    await seal(m.a, m.graceInterview.id, 'Grace');
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const sealedName = `sealed-${m.graceInterview.id}-1.loopdesk`;
    expect(memoryFolderNames(m.folder, m.grace.id)).toEqual([sealedName]);
    // New key: held, nothing written.
    const before = await rowCounts(m.b);
    await exchangeRound(m.b, m.folder, m.linus, { now });
    const held = await lastOutcome(m.b, m.linus.id, `${m.grace.id}/${sealedName}`);
    expect(held).toMatchObject({ outcome: 'held', waitsFor: 'key' });
    expect(await rowCounts(m.b)).toEqual(before);
    await keyPinTrust(m.b, { profileId: m.grace.id, interviewerId: m.grace.id, name: 'Grace', publicKey: held!.signer!.publicKey }, 'Linus', now());
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect((await m.b.interviews.get(m.graceInterview.id))?.status).toBe('submitted');
    expect((await lastOutcome(m.b, m.linus.id, `${m.grace.id}/${sealedName}`))?.outcome).toBe('received');
    // A replay under another name: already here.
    memoryFolderPut(m.folder, m.grace.id, `sealed-${m.graceInterview.id}-2.loopdesk`, memoryFolderText(m.folder, m.grace.id, sealedName));
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect((await lastOutcome(m.b, m.linus.id, `${m.grace.id}/sealed-${m.graceInterview.id}-2.loopdesk`))?.outcome).toBe('skipped');
    // B's decision reaches A once A trusts B's key.
    await decisionRecord(m.b, { candidateId: m.candidate.id, loopId: m.loop.id, outcome: 'hire', level: 'staff', rationale: 'Clear', decidedBy: 'Linus', reportInputsHash: 'x' }, now());
    await exchangeRound(m.b, m.folder, m.linus, { now });
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const decisionFile = memoryFolderNames(m.folder, m.linus.id).find((n) => n.startsWith('decision-'))!;
    const heldAtA = await lastOutcome(m.a, m.grace.id, `${m.linus.id}/${decisionFile}`);
    await keyPinTrust(m.a, { profileId: m.linus.id, interviewerId: m.linus.id, name: 'Linus', publicKey: heldAtA!.signer!.publicKey }, 'Grace', now());
    await exchangeRound(m.a, m.folder, m.grace, { now });
    expect(await m.a.decisions.count()).toBe(1);
  });

  it('refuses hostile files with nothing written: bad signature, truncated, unsigned, foreign outbox; skips temporary names', async () => {
    const m = await twoMachines();
    await seal(m.a, m.graceInterview.id, 'Grace');
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const good = memoryFolderText(m.folder, m.grace.id, `sealed-${m.graceInterview.id}-1.loopdesk`);
    const parsed = bundleParse(good);
    if (!parsed.ok) throw new Error('fixture');
    await keyPinTrust(m.b, parsed.value.signature!.signer, 'Linus', now());
    const flipped = good.replace(/"value":"([0-9a-f])/, (_, c: string) => `"value":"${c === '0' ? '1' : '0'}`);
    const unsigned = bundleStringify({ ...parsed.value, signature: undefined });
    memoryFolderPut(m.folder, m.grace.id, 'sealed-bad-1.loopdesk', flipped);
    memoryFolderPut(m.folder, m.grace.id, 'sealed-cut-1.loopdesk', good.slice(0, good.length / 2));
    memoryFolderPut(m.folder, m.grace.id, 'sealed-plain-1.loopdesk', unsigned);
    memoryFolderPut(m.folder, m.linus.id + 'x', 'sealed-moved-1.loopdesk', good);
    memoryFolderPut(m.folder, m.grace.id, '.sealed-half-1.loopdesk.partial', good.slice(0, 10));
    // Only the hostile files: take the good one away first.
    const before = await rowCounts(m.b);
    const dir = (m.folder.tree.get('outbox') as Map<string, Map<string, unknown>>).get(m.grace.id)!;
    dir.delete(`sealed-${m.graceInterview.id}-1.loopdesk`);
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect(await rowCounts(m.b)).toEqual(before);
    const seen = await exchangeSeen(m.b, m.linus.id);
    expect(seen.get(`${m.grace.id}/sealed-bad-1.loopdesk`)?.detail).toMatch(/^bad signature/);
    expect(seen.get(`${m.grace.id}/sealed-cut-1.loopdesk`)?.outcome).toBe('rejected');
    expect(seen.get(`${m.grace.id}/sealed-plain-1.loopdesk`)?.detail).toMatch(/not signed/);
    expect(seen.get(`${m.linus.id}x/sealed-moved-1.loopdesk`)?.detail).toMatch(/another profile's outbox/);
    expect([...seen.keys()].some((k) => k.includes('.partial'))).toBe(false);
    // The truncated file is completed by the sync tool: read again, imported.
    memoryFolderPut(m.folder, m.grace.id, 'sealed-cut-1.loopdesk', good);
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect((await exchangeSeen(m.b, m.linus.id)).get(`${m.grace.id}/sealed-cut-1.loopdesk`)?.outcome).toBe('received');
  });

  it('holds colleagues\u2019 evidence for a panelist who has not sealed, and imports it once they seal', async () => {
    const m = await twoMachines({ linusOnPanel: true });
    await seal(m.a, m.graceInterview.id, 'Grace');
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const name = `${m.grace.id}/sealed-${m.graceInterview.id}-1.loopdesk`;
    const held = bundleParse(memoryFolderText(m.folder, m.grace.id, name.split('/')[1]!));
    if (!held.ok) throw new Error('fixture');
    await keyPinTrust(m.b, held.value.signature!.signer, 'Linus', now());
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect(await lastOutcome(m.b, m.linus.id, name)).toMatchObject({ outcome: 'held', waitsFor: 'seal' });
    expect((await evidenceAll(m.b)).ratings).toHaveLength(0);
    const own = (await m.b.interviews.where({ interviewerId: m.linus.id }).first())!;
    await seal(m.b, own.id, 'Linus');
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect((await lastOutcome(m.b, m.linus.id, name))?.outcome).toBe('received');
  });

  it('sends the decisions a profile recorded, by its id: not another profile\u2019s of the same name, and still after a rename', async () => {
    const m = await twoMachines();
    await seal(m.a, m.graceInterview.id, 'Grace');
    const decide = (db: AppDb, decidedBy: string) =>
      decisionRecord(db, { candidateId: m.candidate.id, loopId: m.loop.id, outcome: 'hire', level: 'staff', rationale: 'Clear', decidedBy, reportInputsHash: 'x' }, now());
    const mine = await decide(m.a, 'The committee');
    expect(mine.recordedById).toBe(m.grace.id);
    // A second profile on machine A, also called Grace, records a decision of its own.
    const namesake = await profileCreate(m.a, { name: 'Grace' }, now());
    const theirs = await decide(m.a, 'Grace');
    expect(theirs.recordedById).toBe(namesake.id);
    await m.a.interviewers.update(m.grace.id, { name: 'Grace Hopper' });
    const renamed = (await m.a.interviewers.get(m.grace.id))!;
    // A decision from before recorders were kept: only a typed name, no other profile has it.
    const legacy = { ...mine, id: crypto.randomUUID(), decidedBy: 'Grace Hopper', recordedById: undefined };
    delete legacy.recordedById;
    await m.a.decisions.add(legacy);
    const decisionsIn = (profileId: string) => memoryFolderNames(m.folder, profileId).filter((n) => n.startsWith('decision-')).sort();
    await exchangeRound(m.a, m.folder, renamed, { now });
    expect(decisionsIn(m.grace.id)).toEqual([`decision-${mine.id}-1.loopdesk`, `decision-${legacy.id}-1.loopdesk`].sort());
    await exchangeRound(m.a, m.folder, namesake, { now });
    expect(decisionsIn(namesake.id)).toEqual([`decision-${theirs.id}-1.loopdesk`]);
  });

  it('keeps sealed interviews with private notes out of the folder unless the profile shares them', async () => {
    const m = await twoMachines();
    await seal(m.a, m.graceInterview.id, 'Grace', true);
    const round = await exchangeRound(m.a, m.folder, m.grace, { now });
    expect(round.send.kept[0]?.reason).toMatch(/private notes/);
    expect(memoryFolderNames(m.folder, m.grace.id)).toEqual([]);
  });

  it('an erasure on A erases on B only after B confirms', async () => {
    const m = await twoMachines();
    await seal(m.a, m.graceInterview.id, 'Grace');
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const first = bundleParse(memoryFolderText(m.folder, m.grace.id, `sealed-${m.graceInterview.id}-1.loopdesk`));
    if (!first.ok) throw new Error('fixture');
    await keyPinTrust(m.b, first.value.signature!.signer, 'Linus', now());
    await exchangeRound(m.b, m.folder, m.linus, { now });
    await candidateErase(m.a, m.candidate.id, 'Grace', now());
    await exchangeRound(m.a, m.folder, m.grace, { now });
    const tombstoneFile = memoryFolderNames(m.folder, m.grace.id).find((n) => n.startsWith('tombstone-'))!;
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect(await lastOutcome(m.b, m.linus.id, `${m.grace.id}/${tombstoneFile}`)).toMatchObject({ outcome: 'held', waitsFor: 'erasure' });
    expect(await m.b.candidates.count()).toBe(1);
    await exchangeErasureConfirm(m.b, m.folder, `${m.grace.id}/${tombstoneFile}`, m.linus, { now: now() });
    expect(await m.b.candidates.count()).toBe(0);
    expect(await m.b.tombstones.count()).toBe(1);
    // B does not send A's erasure back.
    await exchangeRound(m.b, m.folder, m.linus, { now });
    expect(memoryFolderNames(m.folder, m.linus.id).filter((n) => n.startsWith('tombstone-'))).toEqual([]);
  });
});
