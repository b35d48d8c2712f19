/**
 * Pool statistics brought up to date from the stored compact ratings and the audit entries since
 * (`poolRatings`) equal a full recomputation from every sealed evidence row — after a seal, an
 * amendment (re-opened, then sealed again), an import and an erasure — and the incremental path
 * reads only the changed interview.
 */
import { join } from 'node:path';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { calibrationColumnsFrom } from '../../../src/core/calibration/calibrationColumns';
import { calibrationPoolStats } from '../../../src/core/calibration/calibrationPoolStats';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { interviewIsSealed } from '../../../src/core/interview/interviewLifecycle';
import { reportObservations } from '../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { candidateErase } from '../../../src/renderer/db/actions/dataActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import {
  interviewBeginAmendment,
  interviewStart,
  interviewSubmit,
  ratingSet,
} from '../../../src/renderer/db/actions/interviewActions';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { evidenceOfMany } from '../../../src/renderer/db/evidenceRows';
import { poolRatingsCurrent, poolRatingsStored } from '../../../src/renderer/db/poolRatings';
import {
  poolRatingsStoreLag,
  poolStatsCompute,
  poolStatsPackOf,
  poolStatsStored,
  type PoolRatingsKept,
} from '../../../src/renderer/db/poolStats';
import { sampleBundleContent } from '../../fixtures/bundles/sampleContent';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

/** The statistics as computed before the compact ratings: every sealed evidence row of the pack, read whole. */
async function fullRecompute(db: AppDb) {
  const loops = await db.loops.where('packId').equals(pack.manifest.id).toArray();
  const interviews = (
    await db.interviews
      .where('loopId')
      .anyOf(loops.map((l) => l.id))
      .toArray()
  ).filter(interviewIsSealed);
  const { ratings } = await evidenceOfMany(
    db,
    interviews.map((i) => i.id),
  );
  return calibrationPoolStats(
    calibrationColumnsFrom(
      reportObservations(interviews, ratings),
      pack.dimensions.map((d) => d.id),
    ),
  );
}

/** Brings the stored statistics up to date and checks them against a full recomputation. */
async function expectCurrentEqualsFull(db: AppDb, now: number, isIncremental: boolean) {
  const stored = await poolRatingsStored(db, pack.manifest.id);
  const before = await db.transaction('r', [db.audit, db.loops, db.interviews, db.evidence], () =>
    poolRatingsCurrent(db, pack.manifest.id, stored),
  );
  expect(before.isRebuilt).toBe(!isIncremental);
  const entry = await poolStatsCompute(db, poolStatsPackOf(pack), now);
  expect(entry.stats).toEqual(await fullRecompute(db));
  expect((await poolStatsStored(db, pack.manifest.id))?.stats).toEqual(entry.stats);
  const head = await db.audit.orderBy('seq').last();
  expect((await poolRatingsStored(db, pack.manifest.id))?.auditSeq).toBe(head?.seq);
}

async function seeded() {
  const db = testDb();
  const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
  await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
  return { db, content };
}

/** A new candidate's loop with one interview of the pack's first kit, by an interviewer of the pool, sealed. */
/** A new candidate's interview, started and rated, not yet submitted. */
async function draftNew(db: AppDb, interviewerId: string, scores: Array<1 | 2 | 3 | 4>, now: number) {
  const kit = pack.kits[0]!;
  const candidate = await candidateCreate(
    db,
    { name: 'New Person', email: '', phone: '', packId: pack.manifest.id, targetLevel: pack.levels[0]!.id, notes: '' },
    'Test',
    now,
  );
  const loop = await loopCreate(
    db,
    {
      candidateId: candidate.id,
      pack,
      targetLevel: pack.levels[0]!.id,
      interviews: [{ kitId: kit.id, interviewerId, scheduledAt: null }],
    },
    'Test',
    now + 1,
  );
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, now + 2);
  for (const [i, dimensionId] of kit.dimensions.entries())
    await ratingSet(db, interview.id, dimensionId, scores[i % scores.length]!, now + 3);
  return { candidate, interview, kit };
}

async function sealNew(db: AppDb, interviewerId: string, scores: Array<1 | 2 | 3 | 4>, now: number) {
  const draft = await draftNew(db, interviewerId, scores, now);
  const sealed = await interviewSubmit(db, pack, draft.kit, draft.interview.id, 'Test', now + 4);
  expect(sealed.ok).toBe(true);
  return draft;
}

describe('pool ratings kept up to date from the audit log', () => {
  it('give the statistics of a full recomputation after a seal, an amendment, an import and an erasure', async () => {
    const { db, content } = await seeded();
    const interviewerId = content.interviewers[0]!.id;
    let now = DEMO_FIXED_NOW + 1000;
    // First computation: nothing stored, every row read.
    await expectCurrentEqualsFull(db, now, false);

    // A seal: only the sealed interview is read.
    const { candidate, interview, kit } = await sealNew(db, interviewerId, [4, 4, 3], (now += 100));
    await expectCurrentEqualsFull(db, (now += 100), true);

    // An amendment: re-opened (the interview leaves the pool), rated differently, sealed again.
    expect((await interviewBeginAmendment(db, interview.id, 'Typo in a score', 'Test', (now += 100))).ok).toBe(true);
    await expectCurrentEqualsFull(db, (now += 100), true);
    await ratingSet(db, interview.id, kit.dimensions[0]!, 1, (now += 100));
    expect((await interviewSubmit(db, pack, kit, interview.id, 'Test', (now += 100))).ok).toBe(true);
    await expectCurrentEqualsFull(db, (now += 100), true);

    // Two seals before one computation.
    await sealNew(db, content.interviewers[1]!.id, [1, 2], (now += 100));
    await sealNew(db, interviewerId, [3], (now += 100));
    await expectCurrentEqualsFull(db, (now += 100), true);

    // An import changes the pool another way: rebuilt.
    const more = sampleBundleContent({ seed: 11, candidates: 4 });
    await bundleContentImport(db, more, { actor: 'Test', now: (now += 100), source: 'more.loopdesk' });
    await expectCurrentEqualsFull(db, (now += 100), false);

    // An erasure drops the stored ratings at once (they held the erased candidate's), then rebuilt.
    await candidateErase(db, candidate.id, 'Test', (now += 100));
    expect(await poolRatingsStored(db, pack.manifest.id)).toBeUndefined();
    await expectCurrentEqualsFull(db, now + 100, false);
    const stored = await poolRatingsStored(db, pack.manifest.id);
    expect(stored!.candidateIds).not.toContain(candidate.id);
    expect(stored!.interviewIds).not.toContain(interview.id);
    db.close();
  });

  it('are rebuilt when the stored head is not in the log any more (a restored or replaced log)', async () => {
    const { db } = await seeded();
    await poolStatsCompute(db, poolStatsPackOf(pack), DEMO_FIXED_NOW + 1);
    const stored = (await poolRatingsStored(db, pack.manifest.id))!;
    await db.settings.put({ key: `poolRatings:${pack.manifest.id}`, value: { ...stored, auditHash: 'f'.repeat(64) } });
    const replaced = await poolRatingsStored(db, pack.manifest.id);
    const result = await db.transaction('r', [db.audit, db.loops, db.interviews, db.evidence], () =>
      poolRatingsCurrent(db, pack.manifest.id, replaced),
    );
    // The head is the same seq but another hash: not trusted, rebuilt from the rows.
    expect(result.isRebuilt).toBe(true);
    expect(result.entry.interviewIds).toEqual(stored.interviewIds);
    db.close();
  });

  it('are rebuilt in slices and read again when a seal lands during the read, never stored for a head they are not of', async () => {
    const { db, content } = await seeded();
    const draft = await draftNew(db, content.interviewers[0]!.id, [2, 3], DEMO_FIXED_NOW + 500);
    let sealing: Promise<unknown> | undefined;
    // A seal from another window while the rebuild reads the pool's rows: its one read-write
    // transaction begins inside the first read, so every read the rebuild starts after it (the
    // next slices, the check of the head) comes after the seal.
    const hook = (row: unknown) => {
      sealing ??= Dexie.ignoreTransaction(() =>
        interviewSubmit(db, pack, draft.kit, draft.interview.id, 'Test', DEMO_FIXED_NOW + 504),
      );
      return row;
    };
    db.evidence.hook('reading', hook);
    const first = poolStatsCompute(db, poolStatsPackOf(pack), DEMO_FIXED_NOW + 1000);
    const entry = await first;
    db.evidence.hook('reading').unsubscribe(hook);
    expect(await sealing).toMatchObject({ ok: true });
    const head = await db.audit.orderBy('seq').last();
    expect(entry.key.endsWith(`:${head!.seq}:${head!.hash}`)).toBe(true);
    expect(entry.stats).toEqual(await fullRecompute(db));
    expect((await poolRatingsStored(db, pack.manifest.id))?.auditSeq).toBe(head!.seq);
    // Left open (its fake IndexedDB is this test's alone): the seal started from inside the read
    // is awaited, but a write it queued may still settle after the test, and must not meet a
    // closed database.
  });

  it("kept in a worker's memory: a seal writes the statistics alone, the ratings' copy after a rebuild or a lag", async () => {
    const { db, content } = await seeded();
    const kept: PoolRatingsKept = new Map();
    const packId = pack.manifest.id;
    const headSeq = async () => (await db.audit.orderBy('seq').last())!.seq;
    const computed = async (now: number) => {
      const entry = await poolStatsCompute(db, poolStatsPackOf(pack), now, kept);
      expect(entry.stats).toEqual(await fullRecompute(db));
      expect((await poolStatsStored(db, packId))?.key).toBe(entry.key);
      return entry;
    };
    let now = DEMO_FIXED_NOW + 1000;

    // The first computation rebuilds, and stores the ratings.
    await computed(now);
    const firstSeq = await headSeq();
    expect((await poolRatingsStored(db, packId))?.auditSeq).toBe(firstSeq);

    // A seal: the statistics are current and equal a full recomputation; the stored ratings
    // (megabytes at full size) are left as they were.
    const { candidate } = await sealNew(db, content.interviewers[0]!.id, [4, 4, 3], (now += 100));
    await computed((now += 100));
    expect(await headSeq()).toBeGreaterThan(firstSeq);
    expect((await poolRatingsStored(db, packId))?.auditSeq).toBe(firstSeq);

    // Fallen behind by the lag: stored again.
    while ((await headSeq()) - firstSeq < poolRatingsStoreLag)
      await sealNew(db, content.interviewers[1]!.id, [2, 3], (now += 100));
    await computed((now += 100));
    const laggedSeq = await headSeq();
    expect((await poolRatingsStored(db, packId))?.auditSeq).toBe(laggedSeq);

    // A new window (nothing in memory) starts from the stored copy, behind by one seal.
    await sealNew(db, content.interviewers[2]!.id, [1, 4], (now += 100));
    const fresh = await poolStatsCompute(db, poolStatsPackOf(pack), (now += 100), new Map());
    expect(fresh.stats).toEqual(await fullRecompute(db));

    // An erasure drops the stored copy; the rebuild stores one without the erased candidate, and
    // the memory holds nothing of them either.
    await candidateErase(db, candidate.id, 'Test', (now += 100));
    expect(await poolRatingsStored(db, packId)).toBeUndefined();
    await computed(now + 100);
    expect((await poolRatingsStored(db, packId))?.auditSeq).toBe(await headSeq());
    expect((await poolRatingsStored(db, packId))!.candidateIds).not.toContain(candidate.id);
    expect([...kept.values()][0]!.entry.candidateIds).not.toContain(candidate.id);
    db.close();
  });
});
