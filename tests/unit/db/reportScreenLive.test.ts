/**
 * The report screen's one read: the candidate's evidence under the pack their last loop pins —
 * the same records the report hooks' read gives — with who is looking, blind mode, the audit head
 * and the stored pool statistics; started by the route, it is the read the screen then waits on,
 * and it stays live.
 */
// Dexie's liveQuery runs only where a global indexedDB exists (set before Dexie loads).
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { interviewIsSealed } from '../../../src/core/interview/interviewLifecycle';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { blindModeSet } from '../../../src/renderer/db/actions/audienceActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { poolStatsCompute, poolStatsKey, poolStatsPackOf } from '../../../src/renderer/db/poolStats';
import { poolStatsKeyOf } from '../../../src/renderer/db/poolStatsKey';
import { reportCandidateRead, reportEvidenceRead } from '../../../src/renderer/db/reportEvidenceRead';
import { reportScreenLive, reportScreenPrefetch, type ReportScreenData } from '../../../src/renderer/db/reportScreenLive';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

describe('report screen read', () => {
  it('gives the pinned pack and the same evidence as the report hooks, read once for both', async () => {
    const db = testDb(undefined, 'loopdesk-report-read');
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    const sealed = content.interviews.find(interviewIsSealed)!;
    const loops = content.loops.filter((l) => l.candidateId === sealed.candidateId).sort((a, b) => (a.id < b.id ? -1 : 1));
    const read = await reportCandidateRead(db, sealed.candidateId);
    expect(read.packId).toBe(loops.at(-1)!.packId);
    expect(read.packHash).toBe(loops.at(-1)!.packHash);
    expect(read.evidence).toEqual(await reportEvidenceRead(db, read.packId!, [sealed.candidateId], { withNotes: true }));
    expect(read.evidence!.ratings.length).toBeGreaterThan(0);
    expect(read.evidence!.notes.length).toBeGreaterThan(0);
    expect(await reportCandidateRead(db, 'no-such-candidate')).toEqual({ packId: null, packHash: null, evidence: undefined });
    db.close();
  });

  it('started by the route, is the read the screen waits on, with the statistics and their head, and stays live', async () => {
    const db = testDb(undefined, 'loopdesk-report-live');
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    await poolStatsCompute(db, poolStatsPackOf(pack), DEMO_FIXED_NOW + 1);
    const candidateId = content.interviews.find(interviewIsSealed)!.candidateId;

    reportScreenPrefetch(db, [candidateId]);
    const first = await reportScreenLive(db, [candidateId]).first();
    expect(reportScreenLive(db, [candidateId]).hasValue()).toBe(true);
    expect(first.isBlind).toBe(false);
    // The stored statistics are of the head read with them: the screen sees them as current.
    const stored = first.poolStats.get(pack.manifest.id)!;
    expect(stored.key).toBe(await poolStatsKey(db, poolStatsPackOf(pack)));
    expect(poolStatsKeyOf(poolStatsPackOf(pack), first.auditHead)).toBe(stored.key);

    // Asked for once its result is in, the first result is already settled, as React's `use`
    // reads it: a screen opened then renders at once instead of suspending for a tick.
    const later = reportScreenLive(db, [candidateId], 1);
    const hold = later.subscribe(() => {});
    await expect.poll(() => later.hasValue()).toBe(true);
    expect(later.first()).toMatchObject({ status: 'fulfilled', value: later.getValue() });
    hold.unsubscribe();

    const seen: ReportScreenData[] = [];
    const subscription = reportScreenLive(db, [candidateId]).subscribe((data) => seen.push(data));
    expect(seen).toEqual([first]);
    await blindModeSet(db, true);
    await expect.poll(() => seen.at(-1)!.isBlind).toBe(true);
    subscription.unsubscribe();
    db.close();
  });
});
