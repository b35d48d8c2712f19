/** Test helpers: a fresh fake IndexedDB per test, and fixtures written at an older schema version. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { appDbVersions, createAppDb, type AppDb } from '../../../src/renderer/db/appDb';
import { evidenceAll, evidenceKinds, type EvidenceKind } from '../../../src/renderer/db/evidenceRows';
import { interviewVersionsFilled } from '../../../src/renderer/db/sealedVersions';

export function freshIdb(): { indexedDB: globalThis.IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function testDb(deps = freshIdb(), name = 'loopdesk-test'): AppDb {
  return createAppDb(name, deps);
}

/**
 * Writes `rows` (table → records) into a database created at schema `version`, exactly as a
 * released build of that version would have, then closes it.
 */
export async function writeFixtureAtVersion(
  deps: ReturnType<typeof freshIdb>,
  name: string,
  version: number,
  rows: Record<string, unknown[]>,
): Promise<void> {
  const old = new Dexie(name, deps);
  appDbVersions.slice(0, version).forEach(({ stores, upgrade }, index) => {
    const v = old.version(index + 1).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  });
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, records] of Object.entries(rows)) await old.table(table).bulkAdd(records);
  });
  old.close();
}

/**
 * The records of `table` as the bundle (and schema v1–v3) name the tables: the evidence kinds
 * (ratings, notes, signalTags, defectFindings) are read out of the per-interview `evidence` rows,
 * and sealed versions with their snapshots (a current one's rebuilt from its interview's rows).
 */
export async function recordsOf(db: AppDb, table: string): Promise<unknown[]> {
  if ((evidenceKinds as readonly string[]).includes(table)) return (await evidenceAll(db))[table as EvidenceKind];
  if (table === 'interviewVersions') return interviewVersionsFilled(db, await db.interviewVersions.toArray());
  return db.table(table).toArray();
}
