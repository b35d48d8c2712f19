import type { Table } from 'dexie';
import { byCodeUnits } from '../../core/text/codeUnitOrder';

/** Up to this many keys are read with one request each; more walk `anyOf`'s cursor. */
export const rowsWithKeysEachMax = 64;


/**
 * The rows of `table` whose `index` is one of `keys`, in the order `where(index).anyOf(keys)`
 * gives (by key, then primary key). `anyOf` walks a cursor: one round trip to the database per
 * row and per key skipped to. For a few keys (one report's interviews) each key's rows are read
 * with one `getAll`, all side by side: one round trip in all.
 */
export async function rowsWithKeys<T, TKey, TInsert>(
  table: Table<T, TKey, TInsert>,
  index: string,
  keys: Iterable<string>,
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length > rowsWithKeysEachMax) return table.where(index).anyOf(unique).toArray();
  // String keys compare in IndexedDB by code unit, as `<` does.
  const parts = await Promise.all(unique.sort(byCodeUnits).map((key) => table.where(index).equals(key).toArray()));
  return parts.flat();
}
