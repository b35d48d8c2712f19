/**
 * A few keys' rows are read with one request per key, side by side, in the order `anyOf` gives
 * (by key, then primary key); many keys still walk `anyOf`'s cursor.
 */
import { IDBIndex } from 'fake-indexeddb';
import { Dexie, type Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { rowsReadOf, type RowsRead, type RowsReadTable } from '../../../src/renderer/db/rowsRead';
import { rowsReadIdbOnce } from '../../../src/renderer/db/rowsReadIdb';
import { rowsWithKeys, rowsWithKeysEachMax } from '../../../src/renderer/db/rowsWithKeys';
import { freshIdb } from './dbTestKit';

interface Row {
  id: string;
  key: string;
}

async function rowsDb(rows: Row[]): Promise<{ db: Dexie; table: Table<Row, string>; deps: ReturnType<typeof freshIdb> }> {
  const deps = freshIdb();
  const db = new Dexie('rows-with-keys', deps);
  db.version(1).stores({ rows: 'id, key' });
  const table = db.table<Row, string>('rows');
  await table.bulkAdd(rows);
  return { db, table, deps };
}

// The test's own table, read as the app's tables are.
const rowsTable = 'rows' as RowsReadTable;
const dexieRows = (db: Dexie): RowsRead => rowsReadOf(db as AppDb);
/** The same read over a bare read-only transaction (the print window's way in). */
const bareRead = (deps: ReturnType<typeof freshIdb>, keys: string[]) =>
  rowsReadIdbOnce('rows-with-keys', [rowsTable], (rows) => rowsWithKeys<Row>(rows, rowsTable, 'key', keys), deps);

// Ids out of key order, several rows per key, a key with none.
const rows: Row[] = [
  { id: 'r9', key: 'b' },
  { id: 'r1', key: 'b' },
  { id: 'r5', key: 'a' },
  { id: 'r3', key: 'd' },
  { id: 'r2', key: 'a' },
  { id: 'r7', key: 'é' },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rowsWithKeys', () => {
  it("gives anyOf's rows in anyOf's order, without a cursor, for a few keys", async () => {
    const { db, table, deps } = await rowsDb(rows);
    const keys = ['é', 'b', 'missing', 'a', 'b'];
    const expected = await table.where('key').anyOf(keys).toArray();
    const openCursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const got = await rowsWithKeys<Row>(dexieRows(db), rowsTable, 'key', keys);
    expect(got).toEqual(expected);
    expect(got.map((r) => r.id)).toEqual(['r2', 'r5', 'r1', 'r9', 'r7']);
    expect(openCursor).not.toHaveBeenCalled();
    expect(await rowsWithKeys(dexieRows(db), rowsTable, 'key', [])).toEqual([]);
    db.close();
    expect(await bareRead(deps, keys)).toEqual(expected);
  });

  it("gives anyOf's rows for more keys than it reads one by one", async () => {
    const many = Array.from({ length: rowsWithKeysEachMax + 10 }, (_, i) => ({ id: `m${i}`, key: `k${i % 70}` }));
    const { db, table, deps } = await rowsDb(many);
    const keys = many.map((r) => r.key).reverse();
    const expected = await table.where('key').anyOf(keys).toArray();
    expect(await rowsWithKeys(dexieRows(db), rowsTable, 'key', keys)).toEqual(expected);
    db.close();
    expect(await bareRead(deps, keys)).toEqual(expected);
  });
});
