/**
 * Import and restore write in chunks with a percentage, inside their one transaction: Cancel
 * halfway through aborts it and leaves every table — rows and content — as it was.
 */
import { describe, expect, it } from 'vitest';
import { bundleParse, bundleStringify, type Bundle } from '../../../src/core/bundle';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { interviewStart, interviewSubmit, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import { backupRestore, bundleExportBuild, lastingImport } from '../../../src/renderer/db/actions/dataActions';
import { testDb } from './dbTestKit';
import { tableChecksums } from './tableChecksums';
import { evidenceAll, evidenceRowEmpty } from '../../../src/renderer/db/evidenceRows';

const pack = {
  manifest: { id: 'staff-devops', version: '1.0.0' },
  hash: 'b'.repeat(64),
  dimensions: [{ id: 'iac-engineering', title: 'IaC engineering' }],
  signals: [],
} as never;
const kit = { dimensions: ['iac-engineering'], sections: [{ id: 'context' }] } as never;

/**
 * A database with one sealed interview and `draftCount` drafts of the same loop, each with a line
 * of notes: several chunks of rows to write (evidence is one row per interview).
 */
async function withSealedLoop(name: string, draftCount: number) {
  const db = testDb(undefined, name);
  const me = await profileCreate(db, { name: 'Grace' }, 1);
  const candidate = await candidateCreate(db, { name, email: `${name}@example.org`, phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 2);
  const loop = await loopCreate(db, { candidateId: candidate.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: null }] }, 'Grace', 3);
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, 10);
  await ratingSet(db, interview.id, 'iac-engineering', 3, 11);
  const started = (await db.interviews.get(interview.id))!;
  const drafts = Array.from({ length: draftCount }, () => ({ ...started, id: crypto.randomUUID() }));
  await db.interviews.bulkAdd(drafts);
  await db.evidence.bulkAdd(
    drafts.map((draft, i) => ({
      ...evidenceRowEmpty(draft.id),
      notes: [{ id: crypto.randomUUID(), interviewId: draft.id, at: i, text: `Line ${i} of what ${name} said`, dimensionId: null, simAt: null, isPrivate: false }],
    })),
  );
  await interviewSubmit(db, pack, kit, interview.id, 'Grace', 12);
  return db;
}

async function backupOf(name: string, noteCount: number): Promise<Bundle> {
  const source = await withSealedLoop(name, noteCount);
  const parsed = bundleParse(bundleStringify(await bundleExportBuild(source, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50 })));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  return parsed.value;
}

/** Progress that presses Cancel once half the rows are written, recording every percent seen. */
function cancelAtHalf() {
  const controller = new AbortController();
  const seen: number[] = [];
  return {
    seen,
    progress: {
      signal: controller.signal,
      onPercent: (percent: number) => {
        seen.push(percent);
        if (percent >= 50) controller.abort();
      },
    },
  };
}

describe('an interrupted import leaves the database unchanged', () => {
  it('import reports its progress in percent, chunk by chunk, up to 100', async () => {
    const db = await withSealedLoop('Ada', 10);
    const backup = await backupOf('Bea', 4000);
    const seen: number[] = [];
    await lastingImport(db, backup.content, { actor: 'Grace', now: 100, source: 'x' }, undefined, { onPercent: (p) => seen.push(p) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect((await evidenceAll(db)).notes).toHaveLength(4010);
    expect(await db.evidence.count()).toBe(4012);
  });

  it('Cancel at 50 % of an import aborts it: row counts and table checksums are unchanged', async () => {
    const db = await withSealedLoop('Ada', 10);
    const backup = await backupOf('Bea', 4000);
    const before = await tableChecksums(db);
    const { seen, progress } = cancelAtHalf();
    await expect(
      lastingImport(db, backup.content, { actor: 'Grace', now: 100, source: 'x' }, undefined, progress),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)).toBeGreaterThanOrEqual(50);
    expect(seen.at(-1)).toBeLessThan(100);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('Cancel at 50 % of a restore into an empty database leaves it empty', async () => {
    const empty = testDb(undefined, 'empty');
    const backup = await backupOf('Bea', 4000);
    const before = await tableChecksums(empty);
    const { progress } = cancelAtHalf();
    await expect(backupRestore(empty, backup, 'Grace', 100, undefined, progress)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await tableChecksums(empty)).toEqual(before);
  });
});
