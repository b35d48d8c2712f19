/**
 * Writing exchanged data (bundles, the demo loop, backups) into the database: plan with core's
 * `bundleImportPlan` against what is here — idempotent by primary key, never overwriting — then
 * write everything the plan adds in one transaction, with one audit entry for the import.
 * The bundle's own audit chain was verified by `bundleParse`; it is recorded by its head hash
 * rather than merged, since each machine's log is one chain of its own.
 */
import {
  bundleAllUnchanged,
  bundleImportPlan,
  type BundleKeyLookup,
  type BundleAmendment,
  type BundleExistingIndex,
  type BundleImportPlan,
  type BundleLocalInterview,
  type BundleLocalInterviews,
} from '../../../core/bundle/bundleImportPlan';
import { bundleKeyOf, bundleRecordHash } from '../../../core/bundle/bundleKeys';
import { bundleTables, type BundleContent, type BundleTable } from '../../../core/bundle/bundleSchema';
import { DEMO_DEFAULT_SEED, DEMO_FIXED_NOW, demoDataset } from '../../../core/demo';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../appDb';
import { interviewVersionKeep, interviewVersionStored, interviewVersionsFilled, type InterviewVersionRow } from '../sealedVersions';
import { evidenceKinds, evidenceRowEmpty, evidenceRowIsEmpty, evidenceRowsFrom, evidenceRowsOf, type EvidenceKind, type EvidenceRow } from '../evidenceRows';
import { auditWrite } from './auditActions';
import { writeChunked, writeProgressTrack, type WriteProgress } from './writeProgress';

/** Tables written on import; the foreign audit log is summarised, not merged. */
const importedTables = bundleTables.filter((t) => t !== 'audit') as Exclude<BundleTable, 'audit'>[];
const isEvidenceKind = (table: BundleTable): table is EvidenceKind => (evidenceKinds as readonly string[]).includes(table);
/** Bundle tables stored as tables of their own here (evidence kinds live in `evidence` rows). */
const recordTables = importedTables.filter((t) => !isEvidenceKind(t));

/** The database tables an import reads and writes. */
const importDbTables = (db: AppDb) => [...recordTables.map((t) => db.table(t)), db.evidence];

function dexieKey(table: BundleTable, record: Record<string, unknown>): unknown {
  return table === 'incidentRuns' ? record['interviewId'] : record['id'];
}

/** What is here of the bundle's records, and the evidence rows of its interviews (to merge into). */
interface ImportHere {
  index: BundleExistingIndex;
  evidence: Map<string, EvidenceRow>;
}

async function existingIndex(db: AppDb, content: BundleContent): Promise<ImportHere> {
  const index: Partial<Record<BundleTable, BundleKeyLookup>> = {};
  for (const table of recordTables) {
    const records = content[table] as unknown as Array<Record<string, unknown>>;
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    // An empty table holds none of them (an import into a new profile: no key lookups at all).
    if (records.length === 0 || (await tableIsEmpty(db, table))) {
      index[table] = new Map();
      continue;
    }
    let found = (await db.table(table).bulkGet(records.map((r) => dexieKey(table, r)) as never[])) as unknown[];
    // A current sealed version is stored by its hash: compare it with its snapshot rebuilt.
    if (table === 'interviewVersions') found = await interviewVersionsFilled(db, found.filter((r): r is InterviewVersionRow => !!r));
    const map = new Map<string, string>();
    found.forEach((row) => {
      if (row) map.set(keyOf(row), bundleRecordHash(row));
    });
    index[table] = map;
  }
  // Evidence records are matched within the rows of the interviews they belong to.
  const evidence = (await tableIsEmpty(db, 'evidence'))
    ? new Map<string, EvidenceRow>()
    : new Map(
        (await evidenceRowsOf(db, evidenceKinds.flatMap((kind) => content[kind].map((r) => r.interviewId)))).map((row) => [
          row.interviewId,
          row,
        ]),
      );
  for (const kind of evidenceKinds) {
    if (evidence.size === 0) {
      index[kind] = new Map();
      continue;
    }
    const keyOf = bundleKeyOf[kind] as (record: unknown) => string;
    const wanted = new Set((content[kind] as unknown[]).map(keyOf));
    const map = new Map<string, string>();
    for (const row of evidence.values()) {
      for (const record of row[kind]) {
        const key = keyOf(record);
        if (wanted.has(key)) map.set(key, bundleRecordHash(record));
      }
    }
    index[kind] = map;
  }
  // Foreign audit entries are never written, so they never conflict.
  index.audit = bundleAllUnchanged;
  return { index: index as BundleExistingIndex, evidence };
}

async function tableIsEmpty(db: AppDb, table: string): Promise<boolean> {
  return (await db.table(table).toCollection().first()) === undefined;
}

/** The bundle's interviews as they are here: state, version and sealed version ids. */
async function localInterviews(db: AppDb, content: BundleContent): Promise<BundleLocalInterviews> {
  if (content.interviews.length === 0 || (await tableIsEmpty(db, 'interviews'))) return new Map();
  const rows = await db.interviews.bulkGet(content.interviews.map((i) => i.id));
  const here = new Map<string, BundleLocalInterview>();
  for (const row of rows) if (row) here.set(row.id, { status: row.status, version: row.version, versionIds: [] });
  if (here.size > 0) {
    const versions = await db.interviewVersions
      .where('interviewId')
      .anyOf([...here.keys()])
      .toArray();
    for (const version of versions) (here.get(version.interviewId)!.versionIds as string[]).push(version.id);
  }
  return here;
}

async function planImport(db: AppDb, content: BundleContent): Promise<{ plan: BundleImportPlan; here: ImportHere }> {
  const [here, local] = [await existingIndex(db, content), await localInterviews(db, content)];
  return { plan: bundleImportPlan(here.index, content, local), here };
}

/**
 * What importing `content` would add, leave unchanged, amend, refuse (evidence of interviews
 * sealed here) and hold back as conflicts. Writes nothing.
 */
export async function bundleImportPreview(db: AppDb, content: BundleContent): Promise<BundleImportPlan> {
  return db.transaction(
    'r',
    importDbTables(db),
    async () => (await planImport(db, content)).plan,
  );
}

/** A newer sealed version replaces the interview's evidence: the one write that may change it. */
async function amendmentWrite(db: AppDb, amendment: BundleAmendment): Promise<void> {
  const id = amendment.interviewId;
  // The version sealed here is superseded: it keeps its snapshot from the rows about to change.
  await interviewVersionKeep(db, id);
  await db.incidentRuns.delete(id);
  await db.interviews.put(amendment.interview);
  const { incidentRuns, ...records } = amendment.evidence;
  const row = evidenceRowsFrom(records).get(id) ?? evidenceRowEmpty(id);
  if (evidenceRowIsEmpty(row)) await db.evidence.delete(id);
  else await db.evidence.put(row);
  await db.incidentRuns.bulkAdd(incidentRuns);
  const rows = { interview: amendment.interview, evidence: row, incidentRun: incidentRuns[0] ?? null };
  await db.interviewVersions.bulkAdd(amendment.versions.map((v) => interviewVersionStored(v, rows)));
}

const evidenceRowCopy = (row: EvidenceRow): EvidenceRow => ({
  interviewId: row.interviewId,
  ratings: [...row.ratings],
  notes: [...row.notes],
  signalTags: [...row.signalTags],
  defectFindings: [...row.defectFindings],
});

/** Imports `content` (already validated); returns the plan that was applied. */
export async function bundleContentImport(
  db: AppDb,
  content: BundleContent,
  meta: { actor: string; now: number; source: string; auditHead?: string | null },
  progress?: WriteProgress,
): Promise<BundleImportPlan> {
  const tables = [...importDbTables(db), db.audit];
  return db.transaction('rw', tables, async () => {
    const { plan, here } = await planImport(db, content);
    if (plan.summary.isNothingToAdd) return plan;
    // New evidence records join their interview's row (the row here, when there is one).
    const added = evidenceRowsFrom(plan.add, new Map([...here.evidence].map(([id, row]) => [id, evidenceRowCopy(row)])));
    const touched = new Set(evidenceKinds.flatMap((kind) => plan.add[kind].map((r) => r.interviewId)));
    const evidenceRows = [...touched].map((id) => added.get(id)!);
    const rows = recordTables.reduce((n, t) => n + plan.add[t].length, 0) + evidenceRows.length + plan.amendments.length;
    const track = writeProgressTrack(rows, progress);
    track.start();
    // Versions of interviews new here that are their current seal are stored by hash (their
    // snapshots are the rows this import writes).
    const newInterviews = new Map(plan.add.interviews.map((i) => [i.id, i]));
    const newRuns = new Map(plan.add.incidentRuns.map((r) => [r.interviewId, r]));
    const versionRows = plan.add.interviewVersions.map((v) => {
      const interview = newInterviews.get(v.interviewId);
      const evidence = added.get(v.interviewId) ?? evidenceRowEmpty(v.interviewId);
      return interviewVersionStored(v, interview && { interview, evidence, incidentRun: newRuns.get(v.interviewId) ?? null });
    });
    for (const table of recordTables) {
      const records = table === 'interviewVersions' ? versionRows : plan.add[table];
      await writeChunked(track, records, (chunk) => db.table(table).bulkAdd(chunk));
    }
    await writeChunked(track, evidenceRows, (chunk) => db.evidence.bulkPut(chunk as EvidenceRow[]));
    for (const amendment of plan.amendments) {
      track.check();
      await amendmentWrite(db, amendment);
      track.advance(1);
    }
    track.check();
    await auditWrite(db, {
      at: meta.now,
      actor: meta.actor,
      action: 'bundle.imported',
      subject: meta.source.slice(0, 200),
      details: {
        added: plan.summary.added,
        unchanged: plan.summary.unchanged,
        conflicts: plan.summary.conflicts,
        ...(plan.summary.amended > 0 ? { amended: plan.amendments.map((a) => `${a.interviewId}@${a.toVersion}`) } : {}),
        ...(plan.summary.refusedSealed > 0 ? { refusedSealed: plan.summary.refusedSealed } : {}),
        ...(meta.auditHead ? { bundleAuditHead: meta.auditHead } : {}),
      },
    });
    return plan;
  });
}

/** Imports the demo loop (fixed seed and dates, so opening it twice adds nothing). */
export async function demoLoopOpen(db: AppDb, pack: RubricPack): Promise<BundleImportPlan> {
  const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: DEMO_DEFAULT_SEED });
  return bundleContentImport(db, content, { actor: 'loopdesk demo', now: Date.now(), source: 'demo loop' });
}
