import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { DataPage } from './pages/DataPage';

/** A candidate with one sealed IaC review, rated and evidenced. */
async function sealedLoop(page: Page, candidate: string): Promise<string> {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate(candidate, { email: 'candidate@example.org' });
  const candidateUrl = page.url();
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.writeNote('Pinned every provider and explained why — 日本語, עברית, é');
  await runner.focusFirstRating();
  await runner.press('3', 'j', '2', 'j', '0', 'j', '4', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  return candidateUrl.split('/').at(-1)!;
}

async function reportHash(page: Page, candidateId: string): Promise<string> {
  // Relative to the page's own origin: a second browser context has no baseURL.
  await page.goto(new URL(`/#/reports/${candidateId}`, page.url()).href);
  const hash = page.getByTestId('inputs-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{16}$/);
  return (await hash.textContent())!;
}

test('a loop exported to another machine gives the same report; again: nothing to add; tampered: rejected; erased here: never comes back', async ({
  page,
  browser,
}, testInfo) => {
  // A sealed loop, an export, an erasure and three imports in two contexts: ~45 s under load.
  test.setTimeout(180_000);
  const data = new DataPage(page);
  const candidateId = await sealedLoop(page, 'Radia Perlman');
  const before = await reportHash(page, candidateId);

  await data.open();
  const download = await data.exportScope(/Loop of Radia Perlman/);
  const bundlePath = testInfo.outputPath('loop.loopdesk');
  await download.saveAs(bundlePath);

  // Another machine: a fresh browser profile.
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    await page2.goto(page.url().split('#')[0]!);
    await new TodayPage(page2).open();
    await new TodayPage(page2).createProfile('Linus Torvalds');
    const data2 = new DataPage(page2);
    await data2.open();
    await data2.chooseBundle(bundlePath);
    await expect(page2.getByTestId('import-preview')).toContainText('adds 1 candidate');
    await data2.importChosen();
    await expect(page2.getByTestId('import-result')).toContainText('Imported');
    expect(await reportHash(page2, candidateId)).toBe(before);

    await data2.open();
    await data2.chooseBundle(bundlePath);
    await expect(page2.getByTestId('import-preview')).toContainText('Nothing to add');

    const tampered = readFileSync(bundlePath, 'utf8').replace('"score":3', '"score":4');
    const tamperedPath = testInfo.outputPath('tampered.loopdesk');
    writeFileSync(tamperedPath, tampered);
    await data2.open();
    await data2.chooseBundle(tamperedPath);
    await expect(page2.getByTestId('import-error')).toContainText('rejected and nothing was changed');
    await expect(page2.getByTestId('import-error')).toContainText('SHA-256 does not match the manifest');
    expect(await reportHash(page2, candidateId)).toBe(before);
  } finally {
    await other.close();
  }

  // Erased here, the same bundle brings nothing back and says why.
  await data.erase('Radia Perlman');
  await data.open();
  await data.chooseBundle(bundlePath);
  await expect(page.getByTestId('import-erased-skipped')).toContainText('1 erased candidate skipped');
  await page.goto('/#/candidates');
  await expect(page.getByRole('heading', { name: 'No candidates yet' })).toBeVisible();

  // The erasure, the imports and the seal are all in a verified chain.
  await data.open();
  expect(await data.verifyAudit()).toMatch(/^Audit chain verified: \d+ entries/);
});

test('with storage full, typing shows it, what was saved stays, and a backup still downloads', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Frances Allen');
  await people.planLoop([{ kit: 'Cross-team influence and leadership', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Cross-team influence and leadership');
  await runner.writeNote('Saved before the disk filled up');
  await runner.expectSaved();

  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  // Chromium caches an origin's remaining space for about 30 s: probe until writes are refused.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('loopdesk');
              open.onsuccess = () => {
                const tx = open.result.transaction('settings', 'readwrite');
                tx.objectStore('settings').put({ key: 'quota-probe', value: 'x'.repeat(1000) });
                tx.oncomplete = () => {
                  open.result.close();
                  resolve('written');
                };
                tx.onabort = () => {
                  open.result.close();
                  resolve(tx.error?.name ?? 'aborted');
                };
              };
              open.onerror = () => resolve(open.error?.name ?? 'open failed');
            }),
        ),
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe('QuotaExceededError');
  const big = 'x'.repeat(4000);
  await runner.noteInput().click();
  await runner.noteInput().fill(`This line will not fit ${big}`);
  await expect(runner.saveState()).toContainText('Storage full');
  await expect(runner.noteInput()).toHaveValue(/This line will not fit/);
  await expect(runner.noteLines().filter({ hasText: 'Saved before the disk filled up' })).toBeVisible();

  const data = new DataPage(page);
  await page.goto(`${origin}/#/data`);
  const backup = await data.downloadBackup();
  const text = readFileSync((await backup.path())!, 'utf8');
  expect(text).toContain('Saved before the disk filled up');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
});

test('when another window deletes the database, the runner says so and keeps the typed text', async ({ page, context }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Shafi Goldwasser');
  await people.planLoop([{ kit: 'Cross-team influence and leadership', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Cross-team influence and leadership');
  await runner.writeNote('Kept before the database went away');

  const other = await context.newPage();
  await other.goto(new URL(page.url()).origin + '/no-app-here');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('loopdesk');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await expect(page.getByRole('alert').filter({ hasText: 'database was deleted' })).toBeVisible();
  await runner.noteInput().fill('Typed after the deletion');
  await expect(runner.saveState()).toContainText('database closed');
  await expect(runner.noteInput()).toHaveValue('Typed after the deletion');
  await expect(runner.noteLines().filter({ hasText: 'Kept before the database went away' })).toBeVisible();
});
