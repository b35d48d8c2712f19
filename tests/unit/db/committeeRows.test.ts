/**
 * The committee's stored rows: computed with the pool statistics of the same audit head, equal to
 * what a full report says of each candidate, holding no candidate's name or contact details, and
 * never stored over a state they were not computed from.
 */
import { join } from 'node:path';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { interviewIsSealed } from '../../../src/core/interview/interviewLifecycle';
import { committeeRowOf, type CommitteeRow } from '../../../src/core/report/committeeRow';
import { committeeRowsPack, committeeRowsUnpack } from '../../../src/core/report/committeeRowsPacked';
import { committeeRowBasesPack, committeeRowBasesUnpack, type CommitteeRowBasis } from '../../../src/core/report/committeeRowBasis';
import { reportBuild, reportPoolCalibration } from '../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { auditWrite } from '../../../src/renderer/db/actions/auditActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { committeeRowsCompute } from '../../../src/renderer/db/committeeRows';
import { committeeRowsStored, committeeScreenRead } from '../../../src/renderer/db/committeeScreenRead';
import { decisionRecord } from '../../../src/renderer/db/actions/decisionActions';
import {
  interviewBeginAmendment,
  interviewStart,
  interviewSubmit,
  ratingSet,
} from '../../../src/renderer/db/actions/interviewActions';
import { candidateCreate, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { committeeRowBasesKey } from '../../../src/renderer/db/committeeRows';
import { blindModeSet } from '../../../src/renderer/db/actions/audienceActions';
import { audienceBlindLabel } from '../../../src/core/audience/audiencePolicy';
import { reportDecisions } from '../../../src/core/report/reportDecision';
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

/** A new candidate's loop with one interview of the pack's first kit, by `interviewerId`, sealed. */
async function sealNew(db: AppDb, interviewerId: string, now: number) {
  const kit = pack.kits[0]!;
  const candidate = await candidateCreate(
    db,
    { name: 'New Person', email: '', phone: '', packId: pack.manifest.id, targetLevel: pack.levels[0]!.id, notes: '' },
    'Test',
    now,
  );
  const loop = await loopCreate(
    db,
    { candidateId: candidate.id, pack, targetLevel: pack.levels[0]!.id, interviews: [{ kitId: kit.id, interviewerId, scheduledAt: null }] },
    'Test',
    now + 1,
  );
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, now + 2);
  for (const [i, dimensionId] of kit.dimensions.entries()) await ratingSet(db, interview.id, dimensionId, ((i % 4) + 1) as 1 | 2 | 3 | 4, now + 3);
  expect((await interviewSubmit(db, pack, kit, interview.id, 'Test', now + 4)).ok).toBe(true);
  return candidate;
}

describe('committee rows', () => {
  it('after a seal, an amendment, a decision and a new loop equal a whole rebuild, reading only the changed candidates\' evidence', async () => {
    const { db, content } = await seeded();
    await committeeRowsRefresh(db, pack);
    const before = (await committeeRowsStored(db, pack.manifest.id))!.rows;
    let now = DEMO_FIXED_NOW + 10_000;

    // A new candidate sealed (a new row), an existing scorecard amended with a different rating, a
    // decision on a third candidate, a new loop planned for a fourth (one more scorecard pending).
    const added = await sealNew(db, content.interviewers[0]!.id, (now += 100));
    const [amendedId, decidedId, plannedId] = before.map((r) => r.candidateId);
    const amended = (await db.interviews.where('candidateId').equals(amendedId!).toArray()).find(interviewIsSealed)!;
    const kit = pack.kits.find((k) => k.id === amended.kitId)!;
    expect((await interviewBeginAmendment(db, amended.id, 'Typo in a score', 'Test', (now += 100))).ok).toBe(true);
    const rating = (await db.evidence.get(amended.id))!.ratings.find((r) => r.state === 'rated')!;
    await ratingSet(db, amended.id, rating.dimensionId, rating.score === 1 ? 4 : 1, (now += 100));
    expect((await interviewSubmit(db, pack, kit, amended.id, 'Test', (now += 100))).ok).toBe(true);
    await decisionRecord(
      db,
      {
        candidateId: decidedId!,
        loopId: content.loops.find((l) => l.candidateId === decidedId)!.id,
        outcome: 'no-hire',
        level: null,
        rationale: 'Discussed in committee.',
        decidedBy: 'Chair',
        reportInputsHash: 'f'.repeat(64),
      },
      (now += 100),
    );
    await loopCreate(
      db,
      { candidateId: plannedId!, pack, targetLevel: pack.levels[0]!.id, interviews: [{ kitId: kit.id, interviewerId: content.interviewers[1]!.id, scheduledAt: null }] },
      'Test',
      now + 100,
    );

    // The statistics first (they read the changed interviews' rows themselves), then the rows.
    await poolStatsCompute(db, poolStatsPackOf(pack), Date.now());
    let rowsRead = 0;
    db.evidence.hook('reading', (row) => {
      rowsRead++;
      return row;
    });
    await committeeRowsRefresh(db, pack);
    const changedSealed = (await db.interviews.where('candidateId').anyOf([added.id, amendedId!, decidedId!, plannedId!]).toArray()).filter(
      interviewIsSealed,
    );
    expect(rowsRead).toBe(changedSealed.length);
    const updated = (await committeeRowsStored(db, pack.manifest.id))!;
    expect(updated.key).toBe(await poolStatsKey(db, poolStatsPackOf(pack)));
    expect(updated.rows.map((r) => r.candidateId)).toContain(added.id);
    // The statistics moved: rows whose own evidence did not change have new calibrated figures too.
    const untouched = updated.rows.filter((r) => ![added.id, amendedId, decidedId, plannedId].includes(r.candidateId));
    expect(untouched.some((r) => before.find((b) => b.candidateId === r.candidateId)!.calibrated.join() !== r.calibrated.join())).toBe(true);

    // A whole rebuild of the same state, from every row of the pool.
    await db.settings.delete(committeeRowBasesKey(pack.manifest.id));
    rowsRead = 0;
    const rebuilt = (await committeeRowsCompute(db, pack, Date.now() + 1))!;
    expect(rowsRead).toBeGreaterThan(changedSealed.length);
    expect(rebuilt.key).toBe(updated.key);
    expect(updated.rows).toEqual(rebuilt.rows);
    db.close();
  });

  it('say of every candidate with a sealed scorecard what their full report says, calibrated on the whole pool', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const entry = await committeeRowsStored(db, pack.manifest.id);
    expect(entry?.key).toBe(await poolStatsKey(db, poolStatsPackOf(pack)));

    const evidence = await reportEvidenceRead(db, pack.manifest.id, 'all', { withNotes: false });
    const calibration = reportPoolCalibration(pack, evidence);
    const withSeal = evidence.candidates.filter((c) =>
      evidence.interviews.some((i) => i.candidateId === c.id && interviewIsSealed(i)),
    );
    expect(withSeal.length).toBeGreaterThan(0);
    expect(entry!.rows.map((r) => r.candidateId).sort()).toEqual(withSeal.map((c) => c.id).sort());
    for (const row of entry!.rows) {
      const full = committeeRowOf(
        reportBuild({ pack, candidateId: row.candidateId, evidence, calibration, audience: 'committee' }),
      );
      expect(row.score.calibrated).toBeCloseTo(full.score.calibrated ?? NaN, 9);
      expect(row.calibrated).toEqual(full.calibrated);
      expect(row.raw).toEqual(full.raw);
      expect(row.recommendation.status).toBe(full.recommendation.status);
      expect(row.recommendation.level).toBe(full.recommendation.level);
      expect(row.redFlagCount).toBe(full.redFlagCount);
      expect(row.interviewers).toEqual(full.interviewers);
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
    await auditWrite(db, {
      at: DEMO_FIXED_NOW + 1,
      actor: 'Test',
      action: 'interview.submitted',
      subject: 'x',
      details: {},
    });
    // Statistics of the old head: the rows wait for new ones.
    expect(await committeeRowsCompute(db, pack, Date.now() + 2)).toBeUndefined();
    expect(await committeeRowsStored(db, pack.manifest.id)).toEqual(first);
    await poolStatsCompute(db, poolStatsPackOf(pack), Date.now() + 3);
    expect((await committeeRowsCompute(db, pack, Date.now() + 4))?.key).toBe(
      await poolStatsKey(db, poolStatsPackOf(pack)),
    );
    db.close();
  });

  it('are not stored when the evidence changes while the pool is being read in slices', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const first = await committeeRowsStored(db, pack.manifest.id);
    // A change the rows cannot be brought up to date from (a purge): every row is rebuilt from the
    // pool's rows. The statistics are of the current head, so only a change during the read can stop the rows.
    await auditWrite(db, { at: DEMO_FIXED_NOW + 1, actor: 'Test', action: 'loop.purged', subject: 'x', details: {} });
    await poolStatsCompute(db, poolStatsPackOf(pack), Date.now() + 1);
    let write: Promise<void> | undefined;
    db.evidence.hook('reading', (row) => {
      // A write from elsewhere (outside the read's transaction), as a seal in another window is.
      write ??= Dexie.ignoreTransaction(() =>
        auditWrite(db, { at: DEMO_FIXED_NOW + 2, actor: 'Test', action: 'interview.submitted', subject: 'x', details: {} }),
      );
      return row;
    });
    expect(await committeeRowsCompute(db, pack, Date.now() + 2)).toBeUndefined();
    expect(write).toBeDefined();
    await write;
    expect(await committeeRowsStored(db, pack.manifest.id)).toEqual(first);
    db.close();
  });

  it('are stored packed in columns (typed arrays, each string once) and read back exactly as computed', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const evidence = await reportEvidenceRead(db, pack.manifest.id, 'all', { withNotes: false });
    const calibration = reportPoolCalibration(pack, evidence);
    const entry = (await committeeRowsStored(db, pack.manifest.id))!;
    for (const row of entry.rows) {
      const full = committeeRowOf(
        reportBuild({ pack, candidateId: row.candidateId, evidence, calibration, audience: 'committee' }),
      );
      expect(row.interviewers).toEqual(full.interviewers);
      expect(row.recommendation).toEqual(full.recommendation);
      expect(row.score).toEqual(full.score);
    }
    const raw = (await db.settings.get(`committeeRows:data:${pack.manifest.id}`))?.value as {
      packed: { numbers: unknown; strings: string[] };
    };
    expect(raw.packed.numbers).toBeInstanceOf(Float64Array);
    // Each interviewer's name is stored once however many rows name them.
    const names = entry.rows.flatMap((r) => r.interviewers.map((i) => i.name));
    expect(new Set(names).size).toBeLessThan(names.length);
    expect(raw.packed.strings.filter((s) => names.includes(s))).toHaveLength(new Set(names).size);
    db.close();
  });

  it('round-trip every field through the packed layout, nulls and missing overall recommendations included', () => {
    const rows: CommitteeRow[] = [
      {
        candidateId: 'c1',
        blindLabel: 'Candidate K7Q',
        decision: { id: 'd1', outcome: 'hire', level: 'senior', decidedAt: 1_700_000_000_000 },
        targetLevel: 'staff',
        audience: 'committee',
        score: { raw: 3.25, calibrated: 3.0123456789 },
        raw: [4, null, 2.5],
        calibrated: [3.9, null, 2.4000000001],
        recommendation: { status: 'recommended', level: 'senior', levelTitle: 'Senior', committeeReview: true },
        interviewers: [
          {
            interviewerId: 'p1',
            name: 'Ana',
            kitTitle: 'Design',
            version: 2,
            overall: { recommendation: 'yes', label: 'Yes', disagreement: 'far from own ratings' },
          },
          { interviewerId: 'p2', name: 'Bo', kitTitle: 'Design', version: 1, overall: null },
        ],
        redFlagCount: 2,
      },
      {
        candidateId: 'c2',
        blindLabel: 'Candidate ABC',
        decision: { id: 'd2', outcome: 'no-hire', level: null, decidedAt: 1_700_000_000_001 },
        targetLevel: 'mid',
        audience: 'committee',
        score: { raw: null, calibrated: null },
        raw: [null, null, null],
        calibrated: [null, null, null],
        recommendation: { status: 'not-enough-evidence', level: null, levelTitle: null, committeeReview: false },
        interviewers: [
          {
            interviewerId: 'p1',
            name: 'Ana',
            kitTitle: 'Ops',
            version: 1,
            overall: { recommendation: 'strong-no', label: 'Strong no', disagreement: null },
          },
        ],
        redFlagCount: 0,
      },
      {
        candidateId: 'c3',
        blindLabel: 'Candidate XYZ',
        decision: null,
        targetLevel: 'mid',
        audience: 'committee',
        score: { raw: 1, calibrated: 1 },
        raw: [1, 1, 1],
        calibrated: [1, 1, 1],
        recommendation: { status: 'below-lowest', level: null, levelTitle: null, committeeReview: false },
        interviewers: [],
        redFlagCount: 0,
      },
    ];
    const packed = committeeRowsPack(rows, 3);
    expect(committeeRowsUnpack(structuredClone(packed))).toEqual(rows);
    expect(packed.strings.filter((s) => s === 'Ana')).toHaveLength(1);
    expect(() => committeeRowsPack(rows, 4)).toThrow(/dimensions/);
  });

  it('keep their bases (own ratings, red flags, scorecards) through the packed layout, no ratings and no evidence included', () => {
    const bases: CommitteeRowBasis[] = [
      {
        candidateId: 'c1',
        firstLoopId: 'l1',
        own: { candidateId: 'c1', interviewerIds: ['p1', 'p2', 'p1'], dimensionIds: ['d1', 'd1', 'd2'], scores: [3, Number.NaN, 4] },
        redFlagIds: ['s1', 's2'],
        sealed: 2,
        planned: 3,
      },
      { candidateId: 'c2', firstLoopId: 'l0', own: null, redFlagIds: [], sealed: 1, planned: 1 },
    ];
    expect(committeeRowBasesUnpack(structuredClone(committeeRowBasesPack(bases)))).toEqual(bases);
  });

  it('reach the screen joined with live names, or in blind mode with their blind labels and no name read', async () => {
    const { db, content } = await seeded();
    await committeeRowsRefresh(db, pack);
    const rows = (await committeeRowsStored(db, pack.manifest.id))!.rows;
    const named = (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views!;
    expect(named.map((v) => v.candidate.id)).toEqual(rows.map((r) => r.candidateId));
    for (const v of named) expect(v.candidate.name).toBe(content.candidates.find((c) => c.id === v.candidate.id)!.name);
    const blind = (await committeeScreenRead(db, pack, { viewerId: null, withNames: false })).views!;
    expect(blind.map((v) => v.candidate.id)).toEqual(rows.map((r) => r.candidateId));
    for (const v of blind) {
      expect(v.candidate.name).toBe('');
      expect(v.candidate.blindLabel).toBe(audienceBlindLabel(v.candidate.id));
    }
    db.close();
  });

  it('never show a candidate no longer in the database, even before the rows are recomputed', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const gone = (await committeeRowsStored(db, pack.manifest.id))!.rows[0]!.candidateId;
    await db.candidates.delete(gone);
    for (const withNames of [true, false]) {
      const views = (await committeeScreenRead(db, pack, { viewerId: null, withNames })).views!;
      expect(views.length).toBeGreaterThan(0);
      expect(views.map((v) => v.candidate.id)).not.toContain(gone);
    }
    db.close();
  });

  it("show each candidate's latest decision: the rows' own, one recorded since at once, and all decisions read anew after other changes", async () => {
    const { db, content } = await seeded();
    const withSeal = (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views;
    expect(withSeal).toBeUndefined();
    await committeeRowsRefresh(db, pack);
    const [first, second] = (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views!;
    const decide = (candidateId: string, outcome: 'hire' | 'no-hire', at: number) =>
      decisionRecord(
        db,
        {
          candidateId,
          loopId: content.loops.find((l) => l.candidateId === candidateId)!.id,
          outcome,
          level: outcome === 'hire' ? pack.levels.at(-1)!.id : null,
          rationale: 'Discussed in committee.',
          decidedBy: 'Chair',
          reportInputsHash: 'f'.repeat(64),
        },
        at,
      );
    // Recorded before the rows are computed: the rows hold it.
    const older = await decide(first!.candidate.id, 'no-hire', DEMO_FIXED_NOW + 1000);
    const newest = await decide(first!.candidate.id, 'hire', DEMO_FIXED_NOW + 2000);
    await committeeRowsRefresh(db, pack);
    const stored = (await committeeRowsStored(db, pack.manifest.id))!.rows;
    expect(stored.find((r) => r.candidateId === first!.candidate.id)!.decision?.id).toBe(newest.id);
    const before = (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views!;
    for (const v of before) {
      const latest = reportDecisions(
        await db.decisions.where('candidateId').equals(v.candidate.id).toArray(),
        pack.levels,
      )[0];
      expect(v.decision?.summary ?? null).toBe(latest?.summary ?? null);
      expect(v.decision?.id ?? null).toBe(latest?.id ?? null);
    }
    expect(before.find((v) => v.candidate.id === first!.candidate.id)!.decision).toMatchObject({
      id: newest.id,
      summary: `Hire at ${pack.levels.at(-1)!.title}`,
    });
    expect(older.id).not.toBe(newest.id);

    // Recorded after: shown at once, before the rows are recomputed.
    const recorded = await decide(second!.candidate.id, 'no-hire', DEMO_FIXED_NOW + 3000);
    const after = (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views!;
    expect(after.find((v) => v.candidate.id === second!.candidate.id)!.decision).toMatchObject({
      id: recorded.id,
      summary: 'No hire',
    });
    expect(after.filter((v) => v.candidate.id !== second!.candidate.id).map((v) => v.decision)).toEqual(
      before.filter((v) => v.candidate.id !== second!.candidate.id).map((v) => v.decision),
    );

    // Something other than a decision since the rows: what the database holds now, not the rows' copy.
    await db.decisions.clear();
    await auditWrite(db, { at: DEMO_FIXED_NOW + 2, actor: 'Test', action: 'loop.purged', subject: 'x', details: {} });
    expect(
      (await committeeScreenRead(db, pack, { viewerId: null, withNames: true })).views!.every(
        (v) => v.decision === null,
      ),
    ).toBe(true);
    db.close();
  });

  it('hide from a panelist the candidates they still have an open interview with, and only those', async () => {
    const { db } = await seeded();
    await committeeRowsRefresh(db, pack);
    const views = (await committeeScreenRead(db, pack, { viewerId: null, withNames: false })).views!;
    const sealed = (await db.interviews.where('candidateId').equals(views[0]!.candidate.id).toArray()).find(
      interviewIsSealed,
    )!;
    const viewer = sealed.interviewerId;
    const shownToViewer = (await committeeScreenRead(db, pack, { viewerId: viewer, withNames: false })).views!.map(
      (v) => v.candidate.id,
    );
    expect(shownToViewer).toContain(views[0]!.candidate.id);
    await db.interviews.add({ ...sealed, id: crypto.randomUUID(), status: 'planned', version: 0, submittedAt: null });
    const hidden = (await committeeScreenRead(db, pack, { viewerId: viewer, withNames: false })).views!.map(
      (v) => v.candidate.id,
    );
    expect(hidden).not.toContain(views[0]!.candidate.id);
    expect(hidden).toHaveLength(shownToViewer.length - 1);
    // The committee (no interviewer identity) still sees every row.
    expect((await committeeScreenRead(db, pack, { viewerId: null, withNames: false })).views).toHaveLength(
      views.length,
    );
    // Not told who views, the read takes this profile's "me" and blind mode, as the screen does.
    await db.settings.put({ key: 'me', value: viewer });
    const asMe = (await committeeScreenRead(db, pack)).views!;
    expect(asMe.map((v) => v.candidate.id)).toEqual(hidden);
    expect(asMe.every((v) => v.candidate.name !== '')).toBe(true);
    await blindModeSet(db, true);
    expect((await committeeScreenRead(db, pack)).views!.every((v) => v.candidate.name === '')).toBe(true);
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
