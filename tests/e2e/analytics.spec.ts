/**
 * Interviewer analytics on the demo data: each measure as a chart beside its data table, the
 * drift of the demo's drifting interviewer (Tomás) flagged in the summary, the chart and the
 * table, values shown on keyboard focus, and no serious accessibility violations in light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

const metrics = ['leniency', 'agreement', 'no-evidence', 'time-to-seal', 'practice'];

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

async function openAnalytics(page: Page): Promise<void> {
  await new TodayPage(page).open();
  await new TodayPage(page).createProfile('Committee Chair');
  await new ReportPage(page).openDemoLoop();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Interviewer analytics', level: 1 })).toBeVisible();
  // Computed in a worker from the demo's five quarters of history.
  await expect(page.getByTestId('analytics-summary')).toBeVisible({ timeout: 60_000 });
}

test('the demo analytics: every measure as a chart with its data table, and Tomás’s drift flagged', async ({ page }) => {
  test.setTimeout(180_000);
  await openAnalytics(page);

  const summary = page.getByTestId('analytics-summary');
  await expect(summary.getByTestId('analytics-interviewer')).toHaveCount(4);
  const tomas = summary.getByTestId('analytics-interviewer').filter({ hasText: 'Tomás Herrera' });
  await expect(tomas.getByTestId('drift-cell')).toContainText(/⚑ drift in \d{4} Q\d: \+\d\.\d\d since \d{4} Q\d/);
  for (const name of ['Ngozi Adeyemi', 'Hannah Becker', 'Arjun Mehta']) {
    await expect(summary.getByTestId('analytics-interviewer').filter({ hasText: name }).getByTestId('drift-cell')).toHaveText('none flagged');
  }
  // No practice run in the demo: said, not shown as a zero.
  await expect(tomas).toContainText('no practice runs');

  for (const id of metrics) {
    const section = page.getByTestId(`metric-${id}`);
    await expect(section.getByTestId(`chart-${id}`)).toBeVisible();
    const table = section.getByTestId(`table-${id}`);
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(4);
  }
  // Five quarters of history (the current quarter joins the last when thin): at least four periods.
  expect(await page.getByTestId('table-leniency').locator('thead th').count()).toBeGreaterThanOrEqual(5);

  const leniency = page.getByTestId('metric-leniency');
  await expect(leniency.getByTestId('chart-leniency').locator('[data-drift="true"]')).toHaveCount(1);
  const tomasRow = leniency.getByTestId('table-leniency').locator('tbody tr').filter({ hasText: 'Tomás Herrera' });
  await expect(tomasRow.locator('td[data-drift="true"]')).toContainText(/⚑ drift \+\d\.\d\d\s*\(more than ±\d\.\d\d\)/);
  await expect(tomasRow.locator('td').first()).toContainText(/to/);
  await expect(page.getByTestId('table-practice')).toContainText('no practice runs');

  // Keyboard: the drifting mark takes focus and its values are written above the plot.
  const mark = leniency.getByTestId('chart-leniency').locator('[data-drift="true"]');
  await mark.focus();
  await expect(leniency.getByTestId('chart-readout')).toContainText(/Tomás Herrera, \d{4} Q\d: \+\d\.\d\d \(95% interval .+\)\s*drift flagged: moved \+\d\.\d\d since \d{4} Q\d/);
  // Drift belongs to the leniency offset: no other measure flags it.
  for (const id of metrics.filter((m) => m !== 'leniency')) await expect(page.getByTestId(`chart-${id}`).locator('[data-drift="true"]')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the analytics screen has no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    await openAnalytics(page);
    await expectNoSeriousViolations(page, `analytics (${colorScheme})`);
  });
}
