/**
 * The committee's stored rows: computed with the pool statistics of the same audit head, equal to
 * what a full report says of each candidate, holding no candidate's name or contact details, and
 * never stored over a state they were not computed from.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { interviewIsSealed } from '../../../src/core/interview/interviewLifecycle';
import { committeeRowOf } from '../../../src/core/report/committeeRow';
import { reportBuild, reportPoolCalibration } from '../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { auditWrite } from '../../../src/renderer/db/actions/auditActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { committeeRowsCompute, committeeRowsStored } from '../../../src/renderer/db/committeeRows';
import { committeeRowsRefresh } from '../../../src/renderer/db/committeeRowsRefresh';
import { poolStatsCompute, poolStatsDrop, poolStatsKey, poolStatsPackOf } from '../../../src/renderer/db/poolStats';
import { reportEvidenceRead } from '../../../src/renderer/db/reportEvidenceRead';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

async function seeded() {
  const db = testDb();
  const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
  await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
  return { db, content };
}

describe('committee rows', () => {
  it('say of every candidate with a sealed scorecard what their full report says, calibrated on the whole pool', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const entry = await committeeRowsStored(db, pack.manifest.id);
    expect(entry?.key).toBe(await poolStatsKey(db, poolStatsPackOf(pack)));

    const evidence = await reportEvidenceRead(db, pack.manifest.id, 'all', { withNotes: false });
    const calibration = reportPoolCalibration(pack, evidence);
    const withSeal = evidence.candidates.filter((c) => evidence.interviews.some((i) => i.candidateId === c.id && interviewIsSealed(i)));
    expect(withSeal.length).toBeGreaterThan(0);
    expect(entry!.rows.map((r) => r.candidateId).sort()).toEqual(withSeal.map((c) => c.id).sort());
    for (const row of entry!.rows) {
      const full = committeeRowOf(reportBuild({ pack, candidateId: row.candidateId, evidence, calibration, audience: 'committee' }));
      expect(row.score.calibrated).toBeCloseTo(full.score.calibrated ?? NaN, 9);
      expect(row.calibrated).toEqual(full.calibrated);
      expect(row.raw).toEqual(full.raw);
      expect(row.recommendation.status).toBe(full.recommendation.status);
      expect(row.recommendation.level).toBe(full.recommendation.level);
      expect(row.redFlagCount).toBe(full.redFlagCount);
      expect(row.inputsHash).toBe(full.inputsHash);
    }
    db.close();
  });

  it('hold no candidate name, e-mail or phone (the screen joins them from the live records)', async () => {
    const { db, content } = await seeded();
    await committeeRowsRefresh(db, pack);
    const stored = JSON.stringify(await committeeRowsStored(db, pack.manifest.id));
    for (const c of content.candidates) {
      expect(stored).not.toContain(c.name);
      if (c.email) expect(stored).not.toContain(c.email);
      if (c.phone) expect(stored).not.toContain(c.phone);
    }
    db.close();
  });

  it('are not stored over a state the pool statistics are not of, and are brought up to date after a change', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const first = await committeeRowsStored(db, pack.manifest.id);
    await auditWrite(db, { at: DEMO_FIXED_NOW + 1, actor: 'Test', action: 'interview.submitted', subject: 'x', details: {} });
    // Statistics of the old head: the rows wait for new ones.
    expect(await committeeRowsCompute(db, pack, Date.now() + 2)).toBeUndefined();
    expect(await committeeRowsStored(db, pack.manifest.id)).toEqual(first);
    await poolStatsCompute(db, poolStatsPackOf(pack), Date.now() + 3);
    expect((await committeeRowsCompute(db, pack, Date.now() + 4))?.key).toBe(await poolStatsKey(db, poolStatsPackOf(pack)));
    db.close();
  });

  it('are dropped with the pool statistics (after an erasure)', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    await poolStatsDrop(db);
    expect(await committeeRowsStored(db, pack.manifest.id)).toBeUndefined();
    db.close();
  });
});
