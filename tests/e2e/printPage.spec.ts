import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';

// The desktop PDF export waits for the print page to say `ready` or `error`; a page that can never
// render must say so (with the reason) instead of "Preparing the report…" forever.
test('the print page of a report that cannot render says why, for the PDF export to report', async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Print Checker');
  await page.goto('/#/print/report/no-such-candidate?audience=committee');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-print-error', 'the rubric pack this candidate was interviewed with is not loaded', { timeout: 30_000 });
  await expect(html).not.toHaveAttribute('data-print-ready', /.*/);
  await expect(page.getByText('No report: the rubric pack this candidate was interviewed with is not loaded.')).toBeVisible();
});
