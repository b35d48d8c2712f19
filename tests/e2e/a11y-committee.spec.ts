/**
 * The committee's and recruiter's screens, filled with the demo loop, have no serious or critical
 * accessibility violations in light or dark: the committee table, a colleague's read-only
 * scorecard and the Data screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`committee, report, scorecard and data screens have no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(360_000);
    await page.emulateMedia({ colorScheme });
    const today = new TodayPage(page);
    const reports = new ReportPage(page);
    await today.open();
    await today.createProfile('Committee Chair');
    await reports.openDemoLoop();
    await expect(reports.comparison().getByRole('link', { name: 'Ryan Mitchell' })).toBeVisible({ timeout: 30_000 });
    // The calibration table below the comparison is built when scrolled near: scanned with the rest.
    await page.getByRole('heading', { name: 'Interviewer calibration' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('table', { name: 'Interviewer offsets' })).toBeVisible();
    await expectNoSeriousViolations(page, 'committee');

    await reports.openReportFromComparison('Ryan Mitchell');
    await expectNoSeriousViolations(page, 'report');
    await page.getByTestId('interviewer-row').first().getByRole('link', { name: 'Open scorecard' }).click();
    await expect(page.getByTestId('scorecard')).toBeVisible();
    await expectNoSeriousViolations(page, 'scorecard');

    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, 'data');
  });
}
