/**
 * A few keys' rows are read with one request per key, side by side, in the order `anyOf` gives
 * (by key, then primary key); many keys still walk `anyOf`'s cursor.
 */
import { IDBIndex } from 'fake-indexeddb';
import { Dexie, type Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rowsWithKeys, rowsWithKeysEachMax } from '../../../src/renderer/db/rowsWithKeys';
import { freshIdb } from './dbTestKit';

interface Row {
  id: string;
  key: string;
}

async function rowsDb(rows: Row[]): Promise<{ db: Dexie; table: Table<Row, string> }> {
  const db = new Dexie('rows-with-keys', freshIdb());
  db.version(1).stores({ rows: 'id, key' });
  const table = db.table<Row, string>('rows');
  await table.bulkAdd(rows);
  return { db, table };
}

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
    const { db, table } = await rowsDb(rows);
    const keys = ['é', 'b', 'missing', 'a', 'b'];
    const expected = await table.where('key').anyOf(keys).toArray();
    const openCursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const got = await rowsWithKeys(table, 'key', keys);
    expect(got).toEqual(expected);
    expect(got.map((r) => r.id)).toEqual(['r2', 'r5', 'r1', 'r9', 'r7']);
    expect(openCursor).not.toHaveBeenCalled();
    expect(await rowsWithKeys(table, 'key', [])).toEqual([]);
    db.close();
  });

  it("gives anyOf's rows for more keys than it reads one by one", async () => {
    const many = Array.from({ length: rowsWithKeysEachMax + 10 }, (_, i) => ({ id: `m${i}`, key: `k${i % 70}` }));
    const { db, table } = await rowsDb(many);
    const keys = many.map((r) => r.key).reverse();
    expect(await rowsWithKeys(table, 'key', keys)).toEqual(await table.where('key').anyOf(keys).toArray());
    db.close();
  });
});
