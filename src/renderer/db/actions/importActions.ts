/**
 * Writing exchanged data (bundles, the demo loop, backups) into the database: plan with core's
 * `bundleImportPlan` against what is here — idempotent by primary key, never overwriting — then
 * write everything the plan adds in one transaction, with one audit entry for the import.
 * The bundle's own audit chain was verified by `bundleParse`; it is recorded by its head hash
 * rather than merged, since each machine's log is one chain of its own.
 */
import {
  bundleImportPlan,
  type BundleExistingIndex,
  type BundleImportPlan,
} from '../../../core/bundle/bundleImportPlan';
import { bundleKeyOf, bundleRecordHash } from '../../../core/bundle/bundleKeys';
import { bundleTables, type BundleContent, type BundleTable } from '../../../core/bundle/bundleSchema';
import { DEMO_DEFAULT_SEED, DEMO_FIXED_NOW, demoDataset } from '../../../core/demo';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../appDb';
import { auditWrite } from './auditActions';

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

/** What importing `content` would add, leave unchanged, and hold back as conflicts. Writes nothing. */
export async function bundleImportPreview(db: AppDb, content: BundleContent): Promise<BundleImportPlan> {
  return db.transaction(
    'r',
    importedTables.map((t) => db.table(t)),
    () => existingIndex(db, content).then((ix) => bundleImportPlan(ix, content)),
  );
}

/** Imports `content` (already validated); returns the plan that was applied. */
export async function bundleContentImport(
  db: AppDb,
  content: BundleContent,
  meta: { actor: string; now: number; source: string; auditHead?: string | null },
): Promise<BundleImportPlan> {
  const tables = [...importedTables.map((t) => db.table(t)), db.audit];
  return db.transaction('rw', tables, async () => {
    const plan = bundleImportPlan(await existingIndex(db, content), content);
    if (plan.summary.isNothingToAdd) return plan;
    for (const table of importedTables) {
      const records = plan.add[table] as unknown[];
      if (records.length > 0) await db.table(table).bulkAdd(records);
    }
    await auditWrite(db, {
      at: meta.now,
      actor: meta.actor,
      action: 'bundle.imported',
      subject: meta.source.slice(0, 200),
      details: {
        added: plan.summary.added,
        unchanged: plan.summary.unchanged,
        conflicts: plan.summary.conflicts,
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
