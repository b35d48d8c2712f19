/**
 * A window the app opens from the demo workspace reads the demo's database, even when it starts
 * without its opener's session — as the desktop app's hidden print window and presenter window do
 * (a new window, not a tab the page opened). The export's route says which workspace it is of.
 */
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

test("a print window opened fresh from the demo workspace prints the demo's report", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  const reports = new ReportPage(page);
  await reports.openDemoLoop();
  await reports.openReportFromComparison('Ryan Mitchell');

  // The export's print route names the workspace.
  const [printTab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Export committee packet (PDF)' }).click(),
  ]);
  await expect(printTab.locator('html[data-print-ready]')).toHaveCount(1, { timeout: 30_000 });
  const printed = new URL(printTab.url());
  await printTab.close();
  expect(printed.hash).toContain('workspace=demo');
  const route = printed.hash.replace(/[?&]autoprint=1/, '');

  // A window with no opener (no session copied from the app's window), on that route: the demo's
  // report, as the desktop export's hidden window gets it.
  const fresh = await page.context().newPage();
  await fresh.goto(`${printed.origin}${printed.pathname}${route}`);
  await expect(fresh.locator('html[data-print-ready]')).toHaveCount(1, { timeout: 30_000 });
  await expect(fresh.locator('html[data-print-error]')).toHaveCount(0);
  await expect(fresh.getByRole('heading', { name: /Ryan Mitchell/ }).first()).toBeVisible();
  await fresh.close();

  // The same window without the workspace in its route reads the real database, where the demo's
  // candidate is not.
  const real = await page.context().newPage();
  await real.goto(`${printed.origin}${printed.pathname}${route.replace(/[?&]workspace=demo/, '')}`);
  await expect(real.locator('html[data-print-error]')).toHaveCount(1, { timeout: 30_000 });
  await expect(real.getByText('Ryan Mitchell')).toHaveCount(0);
  await real.close();
});
