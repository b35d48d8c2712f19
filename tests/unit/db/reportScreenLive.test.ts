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
import { rowsReadOf } from '../../../src/renderer/db/rowsRead';
import { reportScreenLive, reportScreenPrefetch, type ReportScreenData } from '../../../src/renderer/db/reportScreenLive';
import { reportScreenRead, reportScreenTables } from '../../../src/renderer/db/reportScreenRead';
import { rowsReadIdbOnce } from '../../../src/renderer/db/rowsReadIdb';
import { decisionRecord } from '../../../src/renderer/db/actions/decisionActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { freshIdb, testDb, writeFixtureAtVersion } from './dbTestKit';

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
    const read = await reportCandidateRead(rowsReadOf(db), sealed.candidateId);
    expect(read.packId).toBe(loops.at(-1)!.packId);
    expect(read.packHash).toBe(loops.at(-1)!.packHash);
    expect(read.evidence).toEqual(await reportEvidenceRead(db, read.packId!, [sealed.candidateId], { withNotes: true }));
    expect(read.evidence!.ratings.length).toBeGreaterThan(0);
    expect(read.evidence!.notes.length).toBeGreaterThan(0);
    expect(await reportCandidateRead(rowsReadOf(db), 'no-such-candidate')).toEqual({ packId: null, packHash: null, evidence: undefined });
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

  it("reads the same through a bare read-only transaction (a print window's snapshot) as through Dexie", async () => {
    const deps = freshIdb();
    const db = testDb(deps, 'loopdesk-report-bare');
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    await poolStatsCompute(db, poolStatsPackOf(pack), DEMO_FIXED_NOW + 1);
    const me = await profileCreate(db, { name: 'Committee Chair' }, DEMO_FIXED_NOW + 2);
    await blindModeSet(db, true);
    expect(me.name).toBe('Committee Chair');
    const sealed = content.interviews.filter(interviewIsSealed);
    // A candidate with a decision on record, and a batch of candidates of sealed interviews.
    const one = sealed[0]!.candidateId;
    const batch = [...new Set(sealed.map((i) => i.candidateId))].slice(0, 4);
    expect(batch.length).toBe(4);
    await decisionRecord(db, {
      candidateId: one,
      loopId: sealed[0]!.loopId,
      outcome: 'hire',
      level: 'staff',
      rationale: 'Strong on every dimension.',
      decidedBy: me.name,
      reportInputsHash: 'a'.repeat(64),
    }, DEMO_FIXED_NOW + 3);

    for (const ids of [[one], batch, ['no-such-candidate']]) {
      const viaDexie = await reportScreenRead(rowsReadOf(db), ids);
      const bare = await rowsReadIdbOnce('loopdesk-report-bare', reportScreenTables, (rows) => reportScreenRead(rows, ids), deps);
      expect(bare).toEqual(viaDexie);
    }
    const read = await reportScreenRead(rowsReadOf(db), [one]);
    expect(read.me?.name).toBe('Committee Chair');
    expect(read.isBlind).toBe(true);
    expect(read.evidence!.decisions?.length).toBeGreaterThan(0);
    expect(read.evidence!.interviewVersions!.length).toBeGreaterThan(0);
    expect(read.poolStats.size).toBe(1);
    db.close();
  });

  it('reads nothing, and creates nothing, where there is no database or an older one', async () => {
    const deps = freshIdb();
    const read = (rows: Parameters<typeof reportScreenRead>[0]) => reportScreenRead(rows, ['x']);
    expect(await rowsReadIdbOnce('loopdesk-none', reportScreenTables, read, deps)).toBeNull();
    expect((await deps.indexedDB.databases()).map((d) => d.name)).not.toContain('loopdesk-none');
    // A database of version 3 (before the evidence rows) is upgraded by the app's window, not read here.
    await writeFixtureAtVersion(deps, 'loopdesk-v3', 3, {});
    expect(await rowsReadIdbOnce('loopdesk-v3', reportScreenTables, read, deps)).toBeNull();
  });
});
