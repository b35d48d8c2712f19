import { describe, expect, it } from 'vitest';
import { evidenceSealsVerify } from '../../../src/core/audit/evidenceSeal';
import { bundleCreate, bundleStringify } from '../../../src/core/bundle/bundleCreate';
import { createHash } from 'node:crypto';
import type { BundleHasher } from '../../../src/core/bundle/bundleChecksum';
import { bundleParse, bundleParseBytes } from '../../../src/core/bundle/bundleParse';
import { bundleContentForScope } from '../../../src/core/bundle/bundleScope';
import type { BundleContent, BundleScope } from '../../../src/core/bundle/bundleSchema';
import { auditVerify, databaseDump } from '../../../src/renderer/db/actions/dataActions';
import { bundleContentImport, bundleImportPreview } from '../../../src/renderer/db/actions/importActions';
import { InterviewSealedError, noteSave, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import { sampleBundleContent } from '../../fixtures/bundles/sampleContent';
import { amendElsewhere, forgeSealedEvidence } from '../../fixtures/hostile/sealedForgery';
import { bundleMutate } from '../core/bundle/bundleMutations';
import { hostileCases } from '../../fixtures/hostile/hostileInputs';
import { testDb } from './dbTestKit';
import { tableChecksums } from './tableChecksums';
import { evidenceOf } from '../../../src/renderer/db/evidenceRows';

const meta = { actor: 'Grace', now: 1_770_000_000_000, source: 'other.loopdesk' };

async function machineWithSample() {
  const db = testDb();
  const content = sampleBundleContent({ seed: 41, candidates: 2, interviewsPerCandidate: 3, notesPerInterview: 2 });
  await bundleContentImport(db, content, meta);
  const sealed = content.interviews.find((i) => i.status === 'submitted')!;
  return { db, content, sealed };
}

/** A loop-scoped bundle, as a colleague would send: no audit log travels with it. */
function loopBundleText(content: BundleContent, loopId: string): string {
  const scope: BundleScope = { kind: 'loop', id: loopId };
  const scoped = bundleContentForScope(content, scope);
  return bundleStringify(bundleCreate({ content: scoped, appVersion: 't', createdAt: 1, createdBy: 'Mallory', scope }));
}

describe('import into an interview sealed here', () => {
  it('refuses a re-sealed bundle that adds a note and changes a rating, and writes nothing', async () => {
    const { db, content, sealed } = await machineWithSample();
    const before = await tableChecksums(db);
    const text = loopBundleText(forgeSealedEvidence(content, sealed.id), sealed.loopId);
    const parsed = bundleParse(text);
    // Consistent with itself, so the file alone cannot be refused ...
    if (!parsed.ok) throw new Error(parsed.reason.message);
    // ... but this machine holds the seal.
    const preview = await bundleImportPreview(db, parsed.value.content);
    expect(preview.summary.added).toBe(0);
    expect(preview.summary.refusedSealed).toBe(1); // the new note
    expect(preview.summary.text).toMatch(/1 refused: its interview is sealed here/);
    // The changed rating and the rewritten version are conflicts, kept as they are here.
    expect(new Set(preview.conflicts.map((c) => c.table))).toEqual(new Set(['ratings', 'interviewVersions']));
    const plan = await bundleContentImport(db, parsed.value.content, meta);
    expect(plan.summary.isNothingToAdd).toBe(true);
    expect(await tableChecksums(db)).toEqual(before);
    expect((await auditVerify(db)).ok).toBe(true);
  });

  it('imports a newer amendment made elsewhere, shows it as one, and keeps the seals whole', async () => {
    const { db, content, sealed } = await machineWithSample();
    const amended = amendElsewhere(content, sealed.id, 'Re-scored after the debrief recording', meta.now);
    const parsed = bundleParse(loopBundleText(amended, sealed.loopId));
    if (!parsed.ok) throw new Error(parsed.reason.message);
    const preview = await bundleImportPreview(db, parsed.value.content);
    expect(preview.summary.text).toContain(
      `amends interview ${sealed.id} (sealed version 1 → 2: Re-scored after the debrief recording)`,
    );
    expect(preview.summary.refusedSealed).toBe(0);
    await bundleContentImport(db, parsed.value.content, meta);
    const here = await db.interviews.get(sealed.id);
    expect(here).toMatchObject({ status: 'amended', version: 2 });
    const { ratings } = await evidenceOf(db, sealed.id);
    const incoming = amended.ratings.filter((r) => r.interviewId === sealed.id);
    expect(ratings).toEqual([...incoming].sort((a, b) => (a.dimensionId < b.dimensionId ? -1 : 1)));
    expect(await db.interviewVersions.where('interviewId').equals(sealed.id).count()).toBe(2);
    expect(evidenceSealsVerify(await databaseDump(db))).toBeNull();
    expect((await auditVerify(db)).ok).toBe(true);
  });

  it('refuses an "amendment" that rewrites the version held here', async () => {
    const { db, content, sealed } = await machineWithSample();
    const forged = forgeSealedEvidence(content, sealed.id);
    const amended = amendElsewhere(forged, sealed.id, 'Looks like an amendment', meta.now);
    const before = await tableChecksums(db);
    const plan = await bundleContentImport(
      db,
      bundleContentForScope(amended, { kind: 'loop', id: sealed.loopId }),
      meta,
    );
    expect(plan.amendments).toEqual([]);
    expect(plan.add.ratings.filter((r) => r.interviewId === sealed.id)).toEqual([]);
    const after = await tableChecksums(db);
    for (const table of ['interviews', 'ratings', 'notes', 'interviewVersions'])
      expect(after[table], table).toEqual(before[table]);
  });
});

describe('local writes to a sealed interview', () => {
  it('are refused at the database layer', async () => {
    const { db, sealed } = await machineWithSample();
    const before = await tableChecksums(db);
    await expect(ratingSet(db, sealed.id, 'communication', 1, 5)).rejects.toBeInstanceOf(InterviewSealedError);
    await expect(
      noteSave(db, {
        id: crypto.randomUUID(),
        interviewId: sealed.id,
        at: 1,
        text: 'late',
        dimensionId: null,
        simAt: null,
        isPrivate: false,
      }),
    ).rejects.toBeInstanceOf(InterviewSealedError);
    expect(await tableChecksums(db)).toEqual(before);
  });
});

describe("the app's audit verification", () => {
  it('names the interview and the rating changed behind the seal', async () => {
    const { db, sealed } = await machineWithSample();
    const row = await evidenceOf(db, sealed.id);
    const rating = row.ratings[0]!;
    const changed = { ...rating, state: 'rated' as const, score: rating.state === 'rated' && rating.score === 1 ? 2 : 1 };
    // A write that bypasses the actions, as a damaged or hand-edited profile would hold.
    await db.evidence.put({ ...row, ratings: [changed, ...row.ratings.slice(1)] });
    const result = await auditVerify(db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('seal');
    expect(result.message).toContain(`interview ${sealed.id}`);
    expect(result.message).toContain(`rating ${rating.dimensionId} differs from the sealed one`);
  });
});

/** A hash that answers on a later turn, as the app's hashing worker does. */
function lateSha256(): BundleHasher {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digest: () => new Promise((r) => setTimeout(() => r(hash.digest('hex')), 1)) };
}

/**
 * The app's import path (`workers/bundleImport.worker.ts`): the file read as a stream with a byte
 * cap, full validation with the checksum hashed beside the other checks, then the database layer.
 */
async function importFile(db: Awaited<ReturnType<typeof machineWithSample>>['db'], file: Blob, maxBytes: number) {
  const bytes = file.stream() as unknown as AsyncIterable<Uint8Array>;
  const parsed = await bundleParseBytes(bytes, maxBytes, { maxTextLength: maxBytes }, { hasher: lateSha256 });
  if (!parsed.ok) return { refused: parsed.reason.message };
  return { plan: await bundleContentImport(db, parsed.value.content, meta) };
}

describe('hostile files change nothing', () => {
  it('refuses every hostile bundle file with its one-line reason; every table keeps its rows and checksum', async () => {
    const { db } = await machineWithSample();
    const before = await tableChecksums(db);
    const cap = 256 * 1024;
    for (const hostile of hostileCases(cap).filter((c) => c.reader === 'bundle' && !('path' in c.bytes))) {
      const outcome = await importFile(db, new Blob([hostile.bytes as Uint8Array<ArrayBuffer>]), cap);
      expect('refused' in outcome && outcome.refused, hostile.name).toMatch(
        new RegExp(hostile.expected.source.replace(/^: /, '')),
      );
    }
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('refuses every change to sealed content of a full backup, checksum recomputed; nothing is written', async () => {
    const { db, content } = await machineWithSample();
    const before = await tableChecksums(db);
    const base = bundleStringify(
      bundleCreate({ content, appVersion: 't', createdAt: 1, createdBy: 'Grace', scope: { kind: 'all' } }),
    );
    let refused = 0;
    for (let pick = 0; pick < 60; pick++) {
      const mutated = bundleMutate(base, 'sealed-content', pick * 7, pick, pick * 13);
      if (!mutated) continue;
      const outcome = await importFile(db, new Blob([mutated.text]), 50_000_000);
      expect('refused' in outcome && outcome.refused, mutated.what).toMatch(
        /interview [0-9a-f-]{36} \(sealed version \d\)/,
      );
      refused++;
    }
    expect(refused).toBeGreaterThan(40);
    expect(await tableChecksums(db)).toEqual(before);
  });
});
