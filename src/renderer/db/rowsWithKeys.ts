import { byCodeUnits } from '../../core/text/codeUnitOrder';
import type { RowsRead, RowsReadTable } from './rowsRead';

/** Up to this many keys are read with one request each; more walk `anyOf`'s cursor. */
export const rowsWithKeysEachMax = 64;

/**
 * The rows of `table` whose `index` is one of `keys`, in the order `where(index).anyOf(keys)`
 * gives (by key, then primary key). `anyOf` walks a cursor: one round trip to the database per
 * row and per key skipped to. For a few keys (one report's interviews) each key's rows are read
 * with one `getAll`, all side by side: one round trip in all.
 */
export async function rowsWithKeys<T>(rows: RowsRead, table: RowsReadTable, index: string, keys: Iterable<string>): Promise<T[]> {
  // String keys compare in IndexedDB by code unit, as `<` does.
  const unique = [...new Set(keys)].sort(byCodeUnits);
  if (unique.length > rowsWithKeysEachMax) return rows.withIndexKeys<T>(table, index, unique);
  const parts = await Promise.all(unique.map((key) => rows.withIndexKey<T>(table, index, key)));
  return parts.flat();
}
