import type { Page } from '@playwright/test';

/** Every row of one IndexedDB table of a Loopdesk database, read in the page (no app code involved). */
export function dbRows<T = Record<string, unknown>>(page: Page, table: string, database = 'loopdesk'): Promise<T[]> {
  return page.evaluate(
    ([name, store]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store!)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(store!, 'readonly').objectStore(store!).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [database, table],
  );
}
