/**
 * The retention period is applied when the app starts: a loop closed longer ago than the period
 * is purged, audited, and the notice names whose loop went.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { dbRows } from './pages/dbRows';

/** Writes `row` into a table of the app's database, in the page (no app code involved). */
function dbPut(page: Page, table: string, row: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    ([store, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('loopdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store as string, 'readwrite');
          tx.objectStore(store as string).put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [table, row] as const,
  );
}

test('a loop closed longer ago than the retention period is purged at start, audited and named', async ({ page }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  await today.open();
  await today.createProfile('Rita Recruiter');
  await people.addCandidate('Ada Lovelace');
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Rita Recruiter' }]);
  await page.getByRole('button', { name: 'Close loop…' }).click();
  await page.getByRole('dialog', { name: 'Close this loop?' }).getByRole('button', { name: 'Close loop' }).click();
  await expect(page.getByRole('button', { name: 'Reopen loop' })).toBeVisible();

  // A 30-day period, and the loop closed 31 days ago.
  const [loop] = await dbRows<{ id: string; closedAt: number }>(page, 'loops');
  await dbPut(page, 'loops', { ...loop!, closedAt: Date.now() - 31 * 86_400_000 });
  await dbPut(page, 'settings', { key: 'retentionDays', value: 30 });

  await page.reload();
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Retention: Purged 1 closed loop: Ada Lovelace.' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  expect(await dbRows(page, 'loops')).toHaveLength(0);
  expect(await dbRows(page, 'candidates')).toHaveLength(0);
  expect((await dbRows<{ action: string }>(page, 'audit')).map((a) => a.action)).toContain('loop.purged');
});
