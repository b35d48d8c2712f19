import { describe, expect, it } from 'vitest';
import { calibrationColumnsFrom } from '../../../src/core/calibration/calibrationColumns';
import { calibrationPoolStats } from '../../../src/core/calibration/calibrationPoolStats';
import { reportObservations } from '../../../src/core/report/reportBuild';
import { auditWrite } from '../../../src/renderer/db/actions/auditActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import {
  poolStatsCompute,
  poolStatsKey,
  poolStatsStored,
  type PoolStatsPack,
} from '../../../src/renderer/db/poolStats';
import { poolStatsRefresh } from '../../../src/renderer/db/poolStatsRefresh';
import { sampleBundleContent } from '../../fixtures/bundles/sampleContent';
import { testDb } from './dbTestKit';

const dimensionIds = ['delivery', 'reliability', 'security', 'systems-design'];
const pack: PoolStatsPack = { id: 'staff-devops', hash: 'ab'.repeat(32), dimensionIds };

async function seeded() {
  const db = testDb();
  const content = sampleBundleContent({ seed: 3, candidates: 12 });
  await bundleContentImport(db, content, { actor: 'Test', now: 1000, source: 'sample.loopdesk' });
  return { db, content };
}

describe('pool statistics', () => {
  it('are computed from every sealed rating of the pack and stored with the audit head they are of', async () => {
    const { db, content } = await seeded();
    const entry = await poolStatsCompute(db, pack, 5000);
    const expected = calibrationPoolStats(
      calibrationColumnsFrom(reportObservations(content.interviews, content.ratings), dimensionIds),
    );
    expect(Object.keys(expected.raters).length).toBeGreaterThan(1);
    expect(entry.stats).toEqual(expected);
    expect(entry.key).toBe(await poolStatsKey(db, pack));
    expect(await poolStatsStored(db, pack.id)).toEqual(entry);
  });

  it('are recomputed after evidence changes (a new audit entry), and not before', async () => {
    const { db } = await seeded();
    await poolStatsRefresh(db, pack);
    const first = await poolStatsStored(db, pack.id);
    await poolStatsRefresh(db, pack);
    expect(await poolStatsStored(db, pack.id)).toEqual(first);
    await auditWrite(db, { at: 9000, actor: 'Test', action: 'interview.submitted', subject: 'x', details: {} });
    expect(await poolStatsKey(db, pack)).not.toBe(first!.key);
    await poolStatsRefresh(db, pack);
    const second = await poolStatsStored(db, pack.id);
    expect(second!.key).toBe(await poolStatsKey(db, pack));
    expect(second!.computedAt).toBeGreaterThanOrEqual(first!.computedAt);
  });
});
