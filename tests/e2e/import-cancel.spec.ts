/**
 * An interrupted import leaves the database as it was: Cancel while the file is checked, Cancel at
 * 50 % of the written rows, and the tab killed at 50 %, all leave every table's rows and content
 * unchanged. The bundles are the benchmark's seeded dataset (all of it new here), large enough
 * that the check and the write take a while.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { DataPage } from './pages/DataPage';
import { benchPackLoad } from '../../scripts/bench/lib/benchPack';
import { benchSeedFileWrite } from '../../scripts/bench/lib/benchSeed';

let bundlePath = '';

test.beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-import-cancel-'));
  bundlePath = benchSeedFileWrite(benchPackLoad(process.cwd()), 150, Date.UTC(2026, 2, 2), dir, 'large.loopdesk').file;
});

/**
 * Row count and SHA-256 of every object store, read in the page without app code. Derived caches
 * in settings (pool statistics, the pool ratings they are computed from, committee rows) are left
 * out: any window recomputes them from the tables compared here, with a fresh time, whenever the
 * audit head moves or it starts.
 */
function storeChecksums(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const isDerivedCache = (row: unknown) =>
      /^(poolStats|poolRatings|committeeRows):/.test(String((row as { key?: unknown }).key));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('loopdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, string> = {};
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve((request.result as unknown[]).filter((row) => !isDerivedCache(row)));
        request.onerror = () => reject(request.error);
      });
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rows)));
      out[name] =
        `${rows.length} rows, ${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    }
    db.close();
    return out;
  });
}

/** A machine with a profile and a candidate of its own, on the Data screen with the bundle previewed. */
async function previewLargeImport(page: Page): Promise<Record<string, string>> {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await new PeoplePage(page).addCandidate('Ada Lovelace');
  const data = new DataPage(page);
  await data.open();
  const before = await storeChecksums(page);
  await data.chooseBundle(bundlePath);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 120_000 });
  return before;
}

/** Clicks Import and waits until the progress bar shows at least half the rows written. */
async function importUntilHalf(page: Page): Promise<void> {
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction(
    () =>
      Number(document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress')?.value ?? 0) >= 50,
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
}

test('Cancel at 50 % of a large import writes nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const before = await previewLargeImport(page);
  await importUntilHalf(page);
  await expect(page.getByTestId('import-progress')).toContainText(/Importing large\.loopdesk: \d+ %/);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByTestId('import-result')).toHaveText(
    'Import of large.loopdesk cancelled: nothing was written.',
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  expect(await storeChecksums(page)).toEqual(before);
  // The preview stays: the same import can run again, to the end.
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-result')).toContainText('Imported', { timeout: 180_000 });
  expect(await storeChecksums(page)).not.toEqual(before);
});

test('the tab killed at 50 % of a large import leaves the database unchanged', async ({ page, context }) => {
  test.setTimeout(300_000);
  const before = await previewLargeImport(page);
  await importUntilHalf(page);
  await page.close({ runBeforeUnload: false });
  const reopened = await context.newPage();
  await openApp(reopened, '#/today');
  expect(await storeChecksums(reopened)).toEqual(before);
});

test.describe('while the file is checked', () => {
  let hugePath = '';
  test.beforeAll(() => {
    // About 70 MB: read and checked for seconds, long after Cancel is clicked.
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-import-check-cancel-'));
    hugePath = benchSeedFileWrite(benchPackLoad(process.cwd()), 1000, Date.UTC(2026, 2, 2), dir, 'huge.loopdesk').file;
  });

  /** A machine with a profile of its own, on the Data screen. */
  async function dataScreenOfNewProfile(page: Page): Promise<DataPage> {
    const today = new TodayPage(page);
    await today.open();
    await today.createProfile('Grace Hopper');
    const data = new DataPage(page);
    await data.open();
    return data;
  }

  test('Cancel stops the check: nothing written, no preview, and another file can be checked', async ({ page }) => {
    test.setTimeout(300_000);
    const data = await dataScreenOfNewProfile(page);
    const before = await storeChecksums(page);
    await data.chooseBundle(hugePath);
    const checking = page.getByTestId('import-checking');
    await expect(checking).toContainText('huge.loopdesk');
    await checking.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('import-error')).toHaveText('Checking huge.loopdesk was cancelled; nothing was changed.');
    await expect(checking).toHaveCount(0);
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    expect(await storeChecksums(page)).toEqual(before);
    // The next file is checked as usual.
    await data.chooseBundle(bundlePath);
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('import-error')).toHaveCount(0);
  });

  test('a second file chosen while the first is checked: only the second one is previewed, and nothing is said of the first', async ({ page }) => {
    test.setTimeout(300_000);
    const data = await dataScreenOfNewProfile(page);
    await data.chooseBundle(hugePath);
    await expect(page.getByTestId('import-checking')).toContainText('huge.loopdesk');
    await data.chooseBundle(bundlePath);
    await expect(page.getByTestId('import-preview')).toContainText('Import large.loopdesk', { timeout: 120_000 });
    await expect(page.getByTestId('import-checking')).toHaveCount(0);
    await expect(page.getByTestId('import-error')).toHaveCount(0);
  });
});
