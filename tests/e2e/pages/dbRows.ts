import type { Page } from '@playwright/test';

/** Evidence kinds held inside the per-interview `evidence` rows (schema v4), read as their own tables. */
const evidenceKinds = ['ratings', 'notes', 'signalTags', 'defectFindings'];

/**
 * Every row of one IndexedDB table of a Loopdesk database, read in the page (no app code involved).
 * `ratings`, `notes`, `signalTags` and `defectFindings` are the records inside the `evidence` rows.
 */
export function dbRows<T = Record<string, unknown>>(page: Page, table: string, database = 'loopdesk'): Promise<T[]> {
  return page.evaluate(
    ([name, wanted, kinds]) =>
      new Promise<T[]>((resolve, reject) => {
        const isEvidence = (kinds as string[]).includes(wanted as string);
        const store = isEvidence ? 'evidence' : (wanted as string);
        const open = indexedDB.open(name as string);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => {
            db.close();
            const rows = request.result as Array<Record<string, unknown>>;
            resolve((isEvidence ? rows.flatMap((row) => row[wanted as string] as unknown[]) : rows) as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [database, table, evidenceKinds] as const,
  );
}
