/**
 * The reads a screen's data needs, over either of two ways into the same IndexedDB database:
 * Dexie (`rowsReadOf`: inside a live query, so the screen follows changes, or a transaction), or
 * one bare read-only transaction (`rowsReadIdb.ts`: a print window's snapshot, read before the
 * page's modules — Dexie among them — are even evaluated). The readers built on it
 * (`reportScreenRead`, `reportEvidenceRead`, …) are written once, so both ways give the same rows
 * in the same order.
 */
import type { AppDb } from './appDb';

/** The app database's tables that readers built on `RowsRead` use. */
export type RowsReadTable =
  | 'settings'
  | 'interviewers'
  | 'candidates'
  | 'loops'
  | 'interviews'
  | 'evidence'
  | 'incidentRuns'
  | 'decisions'
  | 'interviewVersions'
  | 'audit';

export interface RowsRead {
  get<T>(table: RowsReadTable, key: string): Promise<T | undefined>;
  getMany<T>(table: RowsReadTable, keys: readonly string[]): Promise<Array<T | undefined>>;
  all<T>(table: RowsReadTable): Promise<T[]>;
  /** The rows whose `index` is `key`, in primary-key order. */
  withIndexKey<T>(table: RowsReadTable, index: string, key: string): Promise<T[]>;
  /** The rows whose `index` is one of `keys` (sorted, distinct), by index key, then primary key. */
  withIndexKeys<T>(table: RowsReadTable, index: string, keys: readonly string[]): Promise<T[]>;
  /** The row with the highest primary key. */
  last<T>(table: RowsReadTable): Promise<T | undefined>;
  /** The rows whose (string) primary key starts with `prefix`, in key order. */
  withKeyPrefix<T>(table: RowsReadTable, prefix: string): Promise<T[]>;
}

/** The reads through Dexie: inside a live query they are observed, inside a transaction part of it. */
export function rowsReadOf(db: AppDb): RowsRead {
  return {
    get: (table, key) => db.table(table).get(key),
    getMany: (table, keys) => db.table(table).bulkGet([...keys]),
    all: (table) => db.table(table).toArray(),
    withIndexKey: (table, index, key) => db.table(table).where(index).equals(key).toArray(),
    withIndexKeys: (table, index, keys) => db.table(table).where(index).anyOf([...keys]).toArray(),
    last: (table) => db.table(table).toCollection().last(),
    withKeyPrefix: (table, prefix) => db.table(table).where(':id').startsWith(prefix).toArray(),
  };
}
