import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { bundleStringify } from '../../../src/core/bundle';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { interviewStart, interviewSubmit, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { backupRestore, bundleExportBuild } from '../../../src/renderer/db/actions/dataActions';
import {
  PracticeRunSealedError,
  practiceNotesSet,
  practiceRatingSet,
  practiceRunDiscard,
  practiceRunSeal,
  practiceRunStart,
  practiceSignalSet,
} from '../../../src/renderer/db/actions/practiceActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!.files;
  pack = rubricPacksLoad(files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

/** A practice run of the clearly-Staff case with every keyed dimension rated `score`. */
async function ratedRun(db: AppDb, score: 1 | 2 | 3 | 4) {
  const runId = await practiceRunStart(
    db,
    { interviewerId: 'me', packId: 'staff-devops', caseId: 'staff-paved-road' },
    1,
  );
  const keyed = pack.practiceCases!.find((c) => c.id === 'staff-paved-road')!.key.ratings;
  for (const k of keyed) await practiceRatingSet(db, runId, k.dimension, score);
  return { runId, keyed };
}

describe('practice runs', () => {
  it('seal only when every keyed dimension has a rating or "no evidence", and store the comparison', async () => {
    const db = testDb();
    const runId = await practiceRunStart(
      db,
      { interviewerId: 'me', packId: 'staff-devops', caseId: 'staff-paved-road' },
      1,
    );
    await practiceRatingSet(db, runId, 'cloud-architecture', 3);
    const early = await practiceRunSeal(db, pack, runId, 2);
    expect(early).toMatchObject({
      ok: false,
      unrated: [
        'iac-engineering',
        'cicd-release',
        'security-compliance',
        'prioritization-product',
        'cross-team-influence',
      ],
    });
    expect((await db.practiceRuns.get(runId))!.sealedAt).toBeNull();

    for (const d of ['iac-engineering', 'cicd-release', 'security-compliance', 'prioritization-product'])
      await practiceRatingSet(db, runId, d, 4);
    await practiceRatingSet(db, runId, 'cross-team-influence', 'no-evidence');
    await practiceSignalSet(db, runId, 'strong-outcome-metrics', true);
    await practiceSignalSet(db, runId, 'red-flag-blame-individuals', true);
    await practiceNotesSet(db, runId, 'Adoption numbers given');
    const sealed = await practiceRunSeal(db, pack, runId, 3);
    expect(sealed.ok).toBe(true);
    const row = (await db.practiceRuns.get(runId))!;
    expect(row.sealedAt).toBe(3);
    expect(row.ratings['cross-team-influence']).toBeNull();
    const byDim = Object.fromEntries(row.score!.dimensions.map((d) => [d.dimensionId, d]));
    expect(byDim['cloud-architecture']).toMatchObject({ rating: 3, key: 4, distance: 1, direction: 'severe' });
    expect(byDim['iac-engineering']).toMatchObject({ rating: 4, key: 3, distance: 1, direction: 'lenient' });
    expect(byDim['cross-team-influence']).toMatchObject({
      rating: 'no-evidence',
      key: 4,
      distance: null,
      direction: 'mismatch',
    });
    expect(row.score!.signals.extra.map((s) => s.id)).toEqual(['red-flag-blame-individuals']);
    expect(row.score!.signals.missed.map((s) => s.id)).not.toContain('strong-outcome-metrics');
  });

  it('refuse every change once sealed, and a sealed run is not discarded', async () => {
    const db = testDb();
    const { runId } = await ratedRun(db, 3);
    expect((await practiceRunSeal(db, pack, runId, 5)).ok).toBe(true);
    await expect(practiceRatingSet(db, runId, 'cloud-architecture', 1)).rejects.toBeInstanceOf(PracticeRunSealedError);
    await expect(practiceSignalSet(db, runId, 'strong-outcome-metrics', true)).rejects.toBeInstanceOf(
      PracticeRunSealedError,
    );
    await expect(practiceRunDiscard(db, runId)).rejects.toBeInstanceOf(PracticeRunSealedError);
    expect((await db.practiceRuns.get(runId))!.ratings['cloud-architecture']).toBe(3);
  });

  it('write nothing but their own table: no audit entry, no setting, no evidence', async () => {
    const db = testDb();
    const { runId } = await ratedRun(db, 2);
    await practiceRunSeal(db, pack, runId, 5);
    for (const table of db.tables.filter((t) => t.name !== 'practiceRuns'))
      expect(await table.count(), table.name).toBe(0);
  });

  it('never travel in a backup, and a restore neither wipes nor rewrites them', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Grace' }, 1);
    const candidate = await candidateCreate(
      db,
      { name: 'Ada', email: 'ada@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' },
      'Grace',
      2,
    );
    const loop = await loopCreate(
      db,
      {
        candidateId: candidate.id,
        pack,
        targetLevel: 'staff',
        interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: null }],
      },
      'Grace',
      3,
    );
    const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
    const kit = pack.kits.find((k) => k.id === 'iac-review')!;
    await interviewStart(db, interview.id, kit, 10);
    for (const d of kit.dimensions) await ratingSet(db, interview.id, d, 3, 11);
    await interviewSubmit(db, pack, kit, interview.id, 'Grace', 12);
    const { runId } = await ratedRun(db, 4);
    await practiceRunSeal(db, pack, runId, 13);

    const backup = await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 20 });
    const text = bundleStringify(backup);
    expect(text).not.toContain(runId);
    expect(text).not.toContain('staff-paved-road');

    // Restoring into a database that holds only practice runs: they stay as they were.
    const other = testDb(undefined, 'other');
    const { runId: otherRun } = await ratedRun(other, 1);
    const before = await other.practiceRuns.toArray();
    await backupRestore(other, backup, 'Grace', 30);
    expect(await other.practiceRuns.toArray()).toEqual(before);
    expect(await other.interviews.count()).toBe(1);
    expect((await other.practiceRuns.get(otherRun))!.sealedAt).toBeNull();
  });
});
