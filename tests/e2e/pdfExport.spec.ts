/**
 * Batch PDF export in web mode: the committee screen says what the export is doing while the print
 * tab renders the packets, and Cancel closes that tab and says nothing was printed; an export
 * left alone hands the packets to the browser's print dialog.
 */
import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

const shots = process.env['LOOPDESK_SHOTS_DIR'];

test('committee batch export: progress while the packets render, Cancel closes the print tab; left alone it reaches the print dialog', async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  const reports = new ReportPage(page);
  await reports.openDemoLoop();
  // The red-flag filter keeps a few packets: the export takes what the table shows.
  await page.getByRole('checkbox', { name: 'Only candidates with red flags' }).check();
  await expect(reports.comparison().getByRole('row').nth(1)).toBeVisible();
  const packets = (await reports.comparison().getByRole('row').count()) - 1;

  // Hold the print tab's scripts, so the packets stay "rendering" until the test has looked.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const holdPrintTab = async (route: Route) => {
    if (route.request().frame().page() === page) return route.continue();
    await held;
    await route.continue().catch(() => undefined); // The tab may be gone by then: nothing to load.
  };
  await page.context().route('**/assets/**', holdPrintTab);

  const exportButton = page.getByRole('button', { name: 'Export packets (PDF)' });
  const [printTab] = await Promise.all([page.context().waitForEvent('page'), exportButton.click()]);
  const progress = page.getByTestId('pdf-export-progress');
  await expect(progress).toContainText(
    packets === 1 ? 'Exporting the committee packet: rendering the reports…' : `Exporting ${packets} committee packets: rendering the reports…`,
  );
  await expect(page.getByRole('button', { name: 'Exporting packets…' })).toBeDisabled();
  if (shots) {
    for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${shots}/committee-export-progress-${size.width}x${size.height}.png` });
    }
  }

  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => printTab.isClosed()).toBe(true);
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('notice').filter({ hasText: 'Export cancelled; nothing was printed.' })).toBeVisible();
  await expect(exportButton).toBeEnabled();
  release();
  await page.context().unroute('**/assets/**', holdPrintTab);

  // Left alone, the print tab renders the packets and the browser's print dialog takes over.
  const [secondTab] = await Promise.all([page.context().waitForEvent('page'), exportButton.click()]);
  await expect(page.getByTestId('notice').filter({ hasText: 'Committee packets sent to the browser print dialog.' })).toBeVisible({ timeout: 30_000 });
  await expect(secondTab.locator('html[data-print-ready]')).toHaveCount(1);
  // The packets are printed from the print page (the print screen alone), not the app's page.
  expect(new URL(secondTab.url()).pathname).toMatch(/\/print\.html$/);
  await expect(progress).toHaveCount(0);
  await secondTab.close();
});
