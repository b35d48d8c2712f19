/**
 * Writing exchanged data (bundles, the demo loop, backups) into the database: plan with core's
 * `bundleImportPlan` against what is here — idempotent by primary key, never overwriting — then
 * write everything the plan adds in one transaction, with one audit entry for the import.
 * The bundle's own audit chain was verified by `bundleParse`; it is recorded by its head hash
 * rather than merged, since each machine's log is one chain of its own.
 */
import {
  bundleImportPlan,
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
import { auditWrite } from './auditActions';
import { writeChunkRows, writeProgressTrack, type WriteProgress } from './writeProgress';

/** Tables written on import; the foreign audit log is summarised, not merged. */
const importedTables = bundleTables.filter((t) => t !== 'audit') as Exclude<BundleTable, 'audit'>[];

function dexieKey(table: BundleTable, record: Record<string, unknown>): unknown {
  switch (table) {
    case 'ratings':
      return [record['interviewId'], record['dimensionId']];
    case 'defectFindings':
      return [record['interviewId'], record['defectId']];
    case 'incidentRuns':
      return record['interviewId'];
    default:
      return record['id'];
  }
}

async function existingIndex(db: AppDb, content: BundleContent): Promise<BundleExistingIndex> {
  const index: Partial<Record<BundleTable, Map<string, string>>> = {};
  for (const table of importedTables) {
    const records = content[table] as unknown as Array<Record<string, unknown>>;
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    const found = (await db.table(table).bulkGet(records.map((r) => dexieKey(table, r)) as never[])) as unknown[];
    const map = new Map<string, string>();
    found.forEach((row) => {
      if (row) map.set(keyOf(row), bundleRecordHash(row));
    });
    index[table] = map;
  }
  // Foreign audit entries are never written, so they never conflict.
  index.audit = new Map(content.audit.map((e) => [e.hash, bundleRecordHash(e)]));
  return index;
}

/** The bundle's interviews as they are here: state, version and sealed version ids. */
async function localInterviews(db: AppDb, content: BundleContent): Promise<BundleLocalInterviews> {
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

async function planImport(db: AppDb, content: BundleContent): Promise<BundleImportPlan> {
  const [index, local] = [await existingIndex(db, content), await localInterviews(db, content)];
  return bundleImportPlan(index, content, local);
}

/**
 * What importing `content` would add, leave unchanged, amend, refuse (evidence of interviews
 * sealed here) and hold back as conflicts. Writes nothing.
 */
export async function bundleImportPreview(db: AppDb, content: BundleContent): Promise<BundleImportPlan> {
  return db.transaction(
    'r',
    importedTables.map((t) => db.table(t)),
    () => planImport(db, content),
  );
}

/** A newer sealed version replaces the interview's evidence: the one write that may change it. */
async function amendmentWrite(db: AppDb, amendment: BundleAmendment): Promise<void> {
  const id = amendment.interviewId;
  await db.ratings.where('interviewId').equals(id).delete();
  await db.notes.where('interviewId').equals(id).delete();
  await db.signalTags.where('interviewId').equals(id).delete();
  await db.defectFindings.where('interviewId').equals(id).delete();
  await db.incidentRuns.delete(id);
  await db.interviews.put(amendment.interview);
  const { ratings, notes, signalTags, defectFindings, incidentRuns } = amendment.evidence;
  await db.ratings.bulkAdd(ratings);
  await db.notes.bulkAdd(notes);
  await db.signalTags.bulkAdd(signalTags);
  await db.defectFindings.bulkAdd(defectFindings);
  await db.incidentRuns.bulkAdd(incidentRuns);
  await db.interviewVersions.bulkAdd(amendment.versions);
}

/** Imports `content` (already validated); returns the plan that was applied. */
export async function bundleContentImport(
  db: AppDb,
  content: BundleContent,
  meta: { actor: string; now: number; source: string; auditHead?: string | null },
  progress?: WriteProgress,
): Promise<BundleImportPlan> {
  const tables = [...importedTables.map((t) => db.table(t)), db.audit];
  return db.transaction('rw', tables, async () => {
    const plan = await planImport(db, content);
    if (plan.summary.isNothingToAdd) return plan;
    const rows = importedTables.reduce((n, t) => n + plan.add[t].length, 0) + plan.amendments.length;
    const track = writeProgressTrack(rows, progress);
    track.start();
    for (const table of importedTables) {
      const records = plan.add[table] as unknown[];
      for (let i = 0; i < records.length; i += writeChunkRows) {
        track.check();
        const chunk = records.slice(i, i + writeChunkRows);
        await db.table(table).bulkAdd(chunk);
        track.advance(chunk.length);
      }
    }
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
