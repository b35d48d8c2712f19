/**
 * `RowsRead` over one bare read-only IndexedDB transaction, for a window that reads once and
 * never writes: the print window starts its report's read with it as the page's first script
 * runs, while the rest of the page (React, Dexie, the report's code) is still being compiled —
 * the read's round trips overlap that wait instead of following it.
 *
 * It never creates or upgrades the database: a database that does not exist yet, or lacks a
 * table or index the read needs (an older version, which the app's own window upgrades through
 * Dexie), makes `rowsReadIdbOnce` resolve `null`, and the caller reads through Dexie instead.
 */
import type { RowsRead, RowsReadTable } from './rowsRead';

/** A database this reader cannot read as it stands (missing, or not yet at the current version). */
class RowsReadIdbUnready extends Error {}

/** The result of one IndexedDB request. */
export function idbRequested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens `name` at its current version; `null` when it does not exist (nothing is created). */
function idbOpenExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let isNew = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a database that does not exist asks for an upgrade when opened without a version.
      isNew = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (isNew) resolve(null);
      else reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
    };
    request.onblocked = () => resolve(null);
  });
}

/** Where the reader finds IndexedDB: the window's own, or (tests) fake-indexeddb's. */
export interface RowsReadIdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The reads of `tx` (which must span every table read). */
function rowsReadIdb(tx: IDBTransaction, keyRange: typeof IDBKeyRange = IDBKeyRange): RowsRead {
  const store = (table: RowsReadTable) => tx.objectStore(table);
  // An "index" that is the table's primary key (as Dexie's `where` allows) is the table itself.
  const index = (table: RowsReadTable, name: string): IDBObjectStore | IDBIndex => {
    const s = store(table);
    if (s.keyPath === name) return s;
    if (!s.indexNames.contains(name)) throw new RowsReadIdbUnready(`${table} has no index ${name}`);
    return s.index(name);
  };
  const get = <T>(table: RowsReadTable, key: string) => idbRequested(store(table).get(key)) as Promise<T | undefined>;
  const withIndexKey = <T>(table: RowsReadTable, name: string, key: string) =>
    idbRequested(index(table, name).getAll(key)) as Promise<T[]>;
  return {
    get,
    getMany: <T>(table: RowsReadTable, keys: readonly string[]) => Promise.all(keys.map((key) => get<T>(table, key))),
    all: <T>(table: RowsReadTable) => idbRequested(store(table).getAll()) as Promise<T[]>,
    withIndexKey,
    withIndexKeys: async <T>(table: RowsReadTable, name: string, keys: readonly string[]) =>
      (await Promise.all(keys.map((key) => withIndexKey<T>(table, name, key)))).flat(),
    last: <T>(table: RowsReadTable) =>
      idbRequested(store(table).openCursor(null, 'prev')).then((cursor) => cursor?.value as T | undefined),
    withKeyPrefix: <T>(table: RowsReadTable, prefix: string) =>
      idbRequested(store(table).getAll(keyRange.bound(prefix, `${prefix}\uffff`))) as Promise<T[]>,
  };
}

/**
 * Runs `read` in one read-only transaction over `stores` of database `name` and closes the
 * connection. Resolves `null` when the database does not exist or lacks one of the stores (or an
 * index `read` uses); rejects when a read fails.
 */
export async function idbReadOnce<T>(
  name: string,
  stores: readonly string[],
  read: (tx: IDBTransaction) => Promise<T>,
  factory: IDBFactory = indexedDB,
): Promise<T | null> {
  const db = await idbOpenExisting(factory, name);
  if (!db) return null;
  // Another window upgrading or deleting the database must not wait for this one.
  db.onversionchange = () => db.close();
  try {
    if (!stores.every((s) => db.objectStoreNames.contains(s))) return null;
    return await read(db.transaction([...stores], 'readonly'));
  } catch (error) {
    if (error instanceof RowsReadIdbUnready) return null;
    throw error;
  } finally {
    db.close();
  }
}

/** `read` over the app database's `tables` through one bare read-only transaction (`idbReadOnce`). */
export function rowsReadIdbOnce<T>(
  name: string,
  tables: readonly RowsReadTable[],
  read: (rows: RowsRead) => Promise<T>,
  deps: RowsReadIdbDeps = { indexedDB, IDBKeyRange },
): Promise<T | null> {
  return idbReadOnce(name, tables, (tx) => read(rowsReadIdb(tx, deps.IDBKeyRange)), deps.indexedDB);
}
