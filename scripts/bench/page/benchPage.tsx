/**
 * The benchmark's in-page library, loaded by `/__bench/host.html` on the app's origin (so it opens
 * the app's IndexedDB) and bundled from the app's own modules: the same `createAppDb`, the same
 * write actions, the same bundle parser and report functions the screens call.
 */
import { Dexie } from 'dexie';
import { bundlePackDimensionsOf } from '../../../src/core/bundle/bundleDimensions';
import { BUNDLE_MAX_BYTES } from '../../../src/core/limits/inputLimits';
import { bundleImportInWorker } from '../../../src/renderer/platform/bundleImportInWorker';
import type { BundleContent } from '../../../src/core/bundle/bundleSchema';
import { reportBuild, reportPoolCalibration, type ReportEvidence } from '../../../src/core/report/reportBuild';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { appDbName, createAppDb, type AppDb } from '../../../src/renderer/db/appDb';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { interviewStart, interviewSubmit, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import { ratingSchema } from '../../../src/core/model/records';
import { evidenceChange, evidenceKinds, evidenceOf, evidenceOfMany, evidenceRowsFrom } from '../../../src/renderer/db/evidenceRows';
import type { BenchPageApi } from './benchApiTypes';

/** Bundle tables stored as tables of their own (evidence goes into one `evidence` row per interview). */
const recordTables = ['candidates', 'interviewers', 'loops', 'interviews', 'decisions', 'interviewVersions', 'incidentRuns'] as const;

let bundleText: string | null = null;
let bundleFile: File | null = null;

/** Hands the file text over once, so nothing here keeps it alive after the parse. */
function bundleTextTake(): string {
  const text = bundleText!;
  bundleText = null;
  return text;
}

async function openDb(): Promise<AppDb> {
  const db = createAppDb();
  await db.open();
  return db;
}

const api: BenchPageApi = {
  async meSet(meId) {
    const db = await openDb();
    await db.settings.put({ key: 'me', value: meId });
    db.close();
  },

  /**
   * Rating changes through `ratingSet` (what the runner's autosave calls) against a bare
   * `db.evidence.put` of the interview's evidence row with that rating changed (the row read
   * beforehand), on the same database, interleaved (ABBA) so drift and caching hit both alike.
   * Returns per-write times in ms.
   */
  async ratingBench(interviewIds, dimensionIds, runs, warmup) {
    const db = await openDb();
    const action: number[] = [];
    const bare: number[] = [];
    const withoutTouch: number[] = [];
    const pick = (i: number, shift: number) => ({
      interviewId: interviewIds[(i + shift) % interviewIds.length]!,
      dimensionId: dimensionIds[(i + 3 * shift) % dimensionIds.length]!,
      score: (1 + ((i + shift) % 4)) as 1 | 2 | 3 | 4,
    });
    const timed = async (write: () => Promise<unknown>) => {
      const started = performance.now();
      await write();
      return performance.now() - started;
    };
    const doAction = (i: number) => {
      const { interviewId, dimensionId, score } = pick(i, 0);
      return timed(() => ratingSet(db, interviewId, dimensionId, score, Date.now()));
    };
    const doBare = async (i: number) => {
      const { interviewId, dimensionId, score } = pick(i, 1);
      const row = await evidenceOf(db, interviewId);
      const rating = { interviewId, dimensionId, state: 'rated' as const, score, updatedAt: Date.now() };
      const next = { ...row, ratings: [...row.ratings.filter((r) => r.dimensionId !== dimensionId), rating] };
      return timed(() => db.evidence.put(next));
    };
    // Diagnostic variant: ratingSet's transaction without re-writing the interview row.
    const doWithoutTouch = (i: number) => {
      const { interviewId, dimensionId, score } = pick(i, 2);
      return timed(() =>
        db.transaction('rw', db.interviews, db.evidence, async () => {
          const interview = await db.interviews.get(interviewId);
          if (!interview || interview.status !== 'draft') throw new Error('not editable');
          const rating = ratingSchema.parse({ interviewId, dimensionId, state: 'rated', score, updatedAt: Date.now() });
          await evidenceChange(db, interviewId, (row) => ({
            ...row,
            ratings: [...row.ratings.filter((r) => r.dimensionId !== dimensionId), rating],
          }));
        }),
      );
    };
    const order = [doAction, doBare, doWithoutTouch];
    for (let i = 0; i < warmup + runs; i++) {
      const times: number[] = [];
      // Rotate the order so no variant always runs first.
      for (let k = 0; k < order.length; k++) {
        const j = (i + k) % order.length;
        times[j] = await order[j]!(i);
      }
      if (i >= warmup) {
        action.push(times[0]!);
        bare.push(times[1]!);
        withoutTouch.push(times[2]!);
      }
    }
    db.close();
    return { action, bare, withoutTouch };
  },

  /**
   * Seals one draft interview through the app's own actions (rate every kit dimension, submit), so
   * the next report opened meets evidence that changed since the pool statistics were computed.
   */
  async sealOne(pack, interviewId, actor) {
    const db = await openDb();
    try {
      const interview = await db.interviews.get(interviewId);
      const kit = pack.kits.find((k) => k.id === interview?.kitId);
      if (!interview || !kit) throw new Error(`sealOne: no interview ${interviewId} with a kit of the pack`);
      const now = Date.now();
      await interviewStart(db, interviewId, kit, now);
      for (const [i, dimensionId] of kit.dimensions.entries())
        await ratingSet(db, interviewId, dimensionId, (1 + (i % 4)) as 1 | 2 | 3 | 4, now);
      const result = await interviewSubmit(db, pack, kit, interviewId, actor, now);
      if (!result.ok) throw new Error(`sealOne: ${result.message ?? result.problems.map((p) => p.message).join('; ')}`);
    } finally {
      db.close();
    }
  },

  /** Fetches the bundle file (not part of the import): as a `File` for the app, as text for the floor. */
  async importPrepare(url: string, kind: 'app' | 'floor'): Promise<number> {
    const response = await fetch(url);
    if (kind === 'app') {
      bundleFile = new File([await response.blob()], 'dataset.loopdesk', { type: 'application/json' });
      return bundleFile.size;
    }
    bundleText = await response.text();
    return bundleText.length;
  },

  /**
   * The import the Data screen performs (`bundleImportInWorker`): the worker checks the file (stream
   * read, checksum, schemas, references, audit chain, seals, dimensions against the pack) and
   * previews it against the database, then, asked to apply, writes it (`lastingImport`: plan
   * against the database, one transaction) from the worker; the page never holds the records.
   */
  async importRun(parseWorker: string, pack: RubricPack) {
    const file = bundleFile!;
    bundleFile = null;
    // Over the app's size limit the app refuses the file, and so does this.
    const isOverDefaultLimit = file.size > BUNDLE_MAX_BYTES;
    const started = performance.now();
    const job = bundleImportInWorker(file, appDbName, bundlePackDimensionsOf([pack]), undefined, () => new Worker(parseWorker, { type: 'module' }));
    const checked = await job.checked;
    if (!checked.ok) throw new Error(`bundle refused: ${checked.message}`);
    const parsedAt = performance.now();
    const outcome = await job.apply({ isBackup: false, actor: 'Benchmark', now: Date.now(), source: 'bench.loopdesk' });
    const done = performance.now();
    job.close();
    return {
      parseMs: parsedAt - started,
      writeMs: done - parsedAt,
      totalMs: done - started,
      added: outcome.summary.added,
      isOverDefaultLimit,
    };
  },

  /**
   * The floor of an import: `JSON.parse`, grouping the evidence records into their interviews'
   * rows, and a bare `bulkAdd` of the same stored rows in one transaction. `added` counts records,
   * as the import's summary does.
   */
  async importFloorRun() {
    const db = await openDb();
    const started = performance.now();
    const content = (JSON.parse(bundleTextTake()) as { content: BundleContent }).content;
    const evidenceRows = [...evidenceRowsFrom(content).values()];
    const parsedAt = performance.now();
    let added = evidenceKinds.reduce((n, kind) => n + content[kind].length, 0);
    await db.transaction('rw', [...recordTables.map((t) => db.table(t)), db.evidence], async () => {
      for (const table of recordTables) {
        const rows = content[table] as unknown[];
        added += rows.length;
        if (rows.length > 0) await db.table(table).bulkAdd(rows);
      }
      if (evidenceRows.length > 0) await db.evidence.bulkAdd(evidenceRows);
    });
    const done = performance.now();
    db.close();
    return {
      parseMs: parsedAt - started,
      writeMs: done - parsedAt,
      totalMs: done - started,
      added,
      isOverDefaultLimit: false,
    };
  },

  /**
   * What the parts of one report cost, step by step: the pack-wide read the report screen did at
   * first (`usePackEvidence`: every loop, interview and sealed record of the pack), the pool
   * calibration, `reportBuild`; then one candidate's own rows through the indexes with the
   * calibration already computed, and the pool calibration's input read with `getAll`.
   */
  async reportBreakdown(pack: RubricPack, candidateId: string) {
    const db = await openDb();
    const t0 = performance.now();
    const loops = await db.loops.where('packId').equals(pack.manifest.id).toArray();
    const interviews = await db.interviews
      .where('loopId')
      .anyOf(loops.map((l) => l.id))
      .toArray();
    const sealedIds = interviews.filter((i) => i.status === 'submitted' || i.status === 'amended').map((i) => i.id);
    const [candidates, interviewers, { ratings, notes, signalTags, defectFindings }, incidentRuns] = await Promise.all([
      db.candidates.bulkGet([...new Set(loops.map((l) => l.candidateId))]),
      db.interviewers.toArray(),
      evidenceOfMany(db, sealedIds),
      db.incidentRuns.where('interviewId').anyOf(sealedIds).toArray(),
    ]);
    const evidence: ReportEvidence = {
      candidates: candidates.filter((c): c is NonNullable<typeof c> => !!c),
      loops,
      interviews,
      interviewers,
      ratings,
      notes,
      signalTags,
      defectFindings,
      incidentRuns,
    };
    const t1 = performance.now();
    const calibration = reportPoolCalibration(pack, evidence);
    const t2 = performance.now();
    const report = reportBuild({ pack, candidateId, evidence, calibration, audience: 'committee' });
    const t3 = performance.now();

    // The same report from the candidate's own rows and a calibration computed beforehand (what a
    // stored pool calibration would allow): indexed reads of one candidate, then reportBuild.
    const s0 = performance.now();
    const own = await db.interviews.where('candidateId').equals(candidateId).toArray();
    const ownIds = own.filter((i) => i.status === 'submitted' || i.status === 'amended').map((i) => i.id);
    const [candidate, ownLoops, ownInterviewers, ownEvidence, ownRuns] = await Promise.all([
      db.candidates.get(candidateId),
      db.loops.where('candidateId').equals(candidateId).toArray(),
      db.interviewers.bulkGet([...new Set(own.map((i) => i.interviewerId))]),
      evidenceOfMany(db, ownIds),
      db.incidentRuns.where('interviewId').anyOf(ownIds).toArray(),
    ]);
    const s1 = performance.now();
    reportBuild({
      pack,
      candidateId,
      calibration,
      audience: 'committee',
      evidence: {
        candidates: candidate ? [candidate] : [],
        loops: ownLoops,
        interviews: own,
        interviewers: ownInterviewers.filter((i): i is NonNullable<typeof i> => !!i),
        ...ownEvidence,
        incidentRuns: ownRuns,
      },
    });
    const s2 = performance.now();
    // Reading what the pool calibration needs (interviews, and the evidence rows for their ratings), with getAll.
    const c0 = performance.now();
    const [allInterviews, allRows] = await Promise.all([db.interviews.toArray(), db.evidence.toArray()]);
    const allRatings = allRows.flatMap((row) => row.ratings);
    const c1 = performance.now();
    reportPoolCalibration(pack, { interviews: allInterviews, ratings: allRatings, loops });
    const c2 = performance.now();
    db.close();
    return {
      evidenceLoadMs: t1 - t0,
      poolCalibrationMs: t2 - t1,
      reportBuildMs: t3 - t2,
      candidateEvidenceLoadMs: s1 - s0,
      scopedReportBuildMs: s2 - s1,
      poolRowsGetAllMs: c1 - c0,
      poolCalibrationFromGetAllMs: c2 - c1,
      rows: { ratings: ratings.length, notes: notes.length, interviews: interviews.length },
      signals: report.signals.redFlag.length + report.signals.strong.length + report.signals.weak.length,
    };
  },

  /**
   * The committee benchmark's seed (`scripts/bench/committeeBench.ts`): the generated dataset's
   * content without the tables the committee screen and its worker never read (note text, sealed
   * version snapshots, the generated audit chain), written by the app's own `bundleContentImport`
   * (the import's write step, without the parse of a 350 MB file), then "me" set.
   */
  async committeeSeed(url, meId) {
    const content = (await (await fetch(url)).json()) as BundleContent;
    const db = await openDb();
    const started = performance.now();
    const plan = await bundleContentImport(db, content, {
      actor: 'Benchmark seeder',
      now: Date.now(),
      source: 'committee-seed.json',
    });
    await db.settings.put({ key: 'me', value: meId });
    const writeMs = performance.now() - started;
    db.close();
    return { writeMs, added: plan.summary.added };
  },

  /** Forces a full collection when Chromium runs with --js-flags=--expose-gc. */
  gc(): boolean {
    const gc = (globalThis as unknown as { gc?: () => void }).gc;
    if (!gc) return false;
    gc();
    return true;
  },

  /** Deletes the app database of this origin (fresh state between import runs). */
  async dropDb(): Promise<void> {
    await Dexie.delete('loopdesk');
  },
};

(globalThis as unknown as { __loopdeskBench: BenchPageApi }).__loopdeskBench = api;
document.documentElement.dataset['benchReady'] = 'true';
