import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

const shots = process.env['LOOPDESK_SHOTS_DIR'];

/** Every axis label's box lies inside its chart's box (a cut label reads "ructur…"). */
async function expectLabelsInside(chart: Locator): Promise<void> {
  const box = (await chart.boundingBox())!;
  const labels = chart.locator('text.axis-label');
  expect(await labels.count()).toBeGreaterThan(0);
  for (const label of await labels.all()) {
    const b = (await label.boundingBox())!;
    expect(b.x, `label "${await label.textContent()}"`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.y).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(b.x + b.width, `label "${await label.textContent()}"`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
  }
}

async function expectNoPageHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return { main: main.scrollWidth - main.clientWidth, doc: document.documentElement.scrollWidth - window.innerWidth };
  });
  expect(overflow.main).toBeLessThanOrEqual(0);
  expect(overflow.doc).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`committee screen at ${viewport.width}x${viewport.height}: no page-level sideways scroll, sticky names, every column sorts, labels never cut`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const today = new TodayPage(page);
    const reports = new ReportPage(page);
    await today.open();
    await today.createProfile('Committee Chair');
    await reports.openDemoLoop();
    const table = reports.comparison();
    // The table fills once the calibrated reports are computed (the demo's size is not the point here).
    await expect(table.getByRole('link', { name: 'Ryan Mitchell' })).toBeVisible({ timeout: 30_000 });
    await expectNoPageHorizontalScroll(page);
    if (shots) await page.screenshot({ path: `${shots}/committee-${viewport.width}.png`, fullPage: false });

    // The table scrolls inside its own box; the candidate column stays put.
    const scroller = page.getByTestId('committee-scroll');
    const name = table.getByRole('link', { name: 'Ryan Mitchell' });
    const before = (await name.boundingBox())!.x;
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect(Math.abs((await name.boundingBox())!.x - before)).toBeLessThan(1);
    await expectNoPageHorizontalScroll(page);
    await scroller.evaluate((el) => (el.scrollLeft = 0));

    // Every column sorts, both ways.
    const headers = table.getByRole('columnheader');
    const count = await headers.count();
    expect(count).toBe(17);
    for (let i = 0; i < count; i++) {
      const header = headers.nth(i);
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
      const first = await header.getAttribute('aria-sort');
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', first === 'ascending' ? 'descending' : 'ascending');
    }
    // Sorting by a dimension orders the rows by its calibrated value.
    const security = table.getByRole('button', { name: 'Security & compliance automation: sort' });
    await security.click();
    const column = await table.getByRole('columnheader').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.includes('SCA')));
    // A dimension without evidence ("–") sorts apart; the numbers are in order among themselves.
    const cells = await table.locator('tbody tr:not(.spacer)').evaluateAll((rows, c) => rows.map((r) => Number(r.children[c]!.textContent)), column);
    const values = cells.filter((v) => !Number.isNaN(v));
    expect(values.length).toBeGreaterThan(1);
    const sign = (await headers.nth(column).getAttribute('aria-sort')) === 'ascending' ? 1 : -1;
    for (let i = 1; i < values.length; i++) expect(sign * (values[i]! - values[i - 1]!)).toBeGreaterThanOrEqual(0);

    // Dimension headers: abbreviation, with the full name on keyboard focus and in the legend.
    await security.focus();
    await expect(table.getByRole('tooltip').filter({ hasText: 'Security & compliance automation' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Security & compliance automation' })).toBeVisible();

    // The overlaid profiles: labels inside the chart, a point's value on focus and on hover.
    const chart = page.getByTestId('overlay-chart');
    await chart.scrollIntoViewIfNeeded();
    await expectLabelsInside(chart);
    const point = chart.locator('.chart-point').first();
    await point.focus();
    await expect(page.getByTestId('chart-value')).toHaveText(/: \d\.\d\d$/);
    await point.blur();
    // The last point drawn lies on top of any other at the same value.
    await chart.locator('.chart-point').last().hover();
    await expect(page.getByTestId('chart-value')).toHaveText(/: \d\.\d\d$/);
    if (shots) await page.screenshot({ path: `${shots}/committee-${viewport.width}-chart.png`, fullPage: false });

    // A report: the profile chart's labels are inside it too.
    await reports.openReportFromComparison('Amira Haddad');
    await expectNoPageHorizontalScroll(page);
    await expectLabelsInside(page.getByTestId('profile-chart'));
    if (shots) await page.screenshot({ path: `${shots}/report-${viewport.width}.png`, fullPage: true });
  });
}
