/**
 * Interviewer analytics from the local database: the demo imported, read as the analytics worker
 * reads it (in this thread: Node has no Worker), shows Tomás's drift; an amended scorecard's time to
 * seal runs to its first seal; sealed practice runs are scored against their key, open ones ignored.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { analyticsCompute } from '../../../src/renderer/features/analytics/analyticsCompute';
import { analyticsInputRead } from '../../../src/renderer/features/analytics/analyticsRead';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  // Loading the packs takes seconds on a busy machine.
}, 60_000);

describe('interviewer analytics from the database', () => {
  it('reads the demo and flags Tomás’s drift, and only his', async () => {
    const db = testDb();
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 3 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    const { result, names } = await analyticsCompute(db, pack);
    expect(result.interviewers.filter((i) => i.drifts > 0).map((i) => names[i.interviewerId])).toEqual(['Tomás Herrera']);
    expect(result.interviewers.every((i) => i.practiceRuns === 0)).toBe(true);

    const { input } = await analyticsInputRead(db, pack);
    expect(input.interviews).toHaveLength(content.interviews.length);
    const amended = content.interviews.find((i) => i.version > 1)!;
    const first = content.interviewVersions.find((v) => v.interviewId === amended.id && v.version === 1)!;
    expect(input.interviews.find((i) => i.id === amended.id)!.firstSealedAt).toBe(first.sealedAt);
    expect(first.sealedAt).toBeLessThan(amended.submittedAt!);
  }, 60_000);

  it('scores sealed practice runs of the pack against their key and leaves open ones out', async () => {
    const db = testDb();
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 4 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    const practiceCase = pack.practiceCases![0]!;
    const interviewerId = content.interviewers[0]!.id;
    // One point above the key on every numeric dimension: distance 1.
    const ratings = Object.fromEntries(
      practiceCase.key.ratings.map((r) => [r.dimension, typeof r.rating === 'number' ? Math.min(4, r.rating + 1) : null]),
    );
    const base = { interviewerId, packId: pack.manifest.id, caseId: practiceCase.id, startedAt: DEMO_FIXED_NOW - 3600_000, signalIds: [], notes: '' };
    await db.practiceRuns.bulkAdd([
      { ...base, id: 'run-sealed', sealedAt: DEMO_FIXED_NOW - 60_000, ratings },
      { ...base, id: 'run-open', sealedAt: null, ratings },
      { ...base, id: 'run-other-pack', packId: 'another-pack', sealedAt: DEMO_FIXED_NOW - 60_000, ratings },
    ]);
    const { input } = await analyticsInputRead(db, pack);
    expect(input.practiceRuns).toHaveLength(1);
    const capped = practiceCase.key.ratings.filter((r) => typeof r.rating === 'number');
    const expected = capped.reduce((sum, r) => sum + (Math.min(4, (r.rating as number) + 1) - (r.rating as number)), 0) / capped.length;
    expect(input.practiceRuns[0]).toMatchObject({ interviewerId, sealedAt: DEMO_FIXED_NOW - 60_000 });
    expect(input.practiceRuns[0]!.meanAbsoluteDistance).toBeCloseTo(expected, 10);
  }, 60_000);
});
