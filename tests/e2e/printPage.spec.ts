import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';
import { dbRows } from './pages/dbRows';

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

// A fresh print window (what the PDF export opens) sets up no locale data: the engine builds a
// collator or a date format on first use (tens of milliseconds each), which the export would wait
// for. The report orders its inputs by code unit and writes its dates itself.
test('the print page renders a whole report without a locale collator or date format', async ({ page, context }) => {
  test.setTimeout(180_000);
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  await reports.openDemoLoop();
  const amira = (await dbRows<{ id: string; name: string }>(page, 'candidates', 'loopdesk-demo')).find((c) => c.name === 'Amira Haddad')!;
  await context.addInitScript(() => {
    const calls: string[] = [];
    Object.assign(globalThis, { __localeCalls: calls });
    const watch = (owner: object, name: string) => {
      const original = (owner as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        calls.push(name);
        return Reflect.apply(original, this, args);
      };
    };
    watch(String.prototype, 'localeCompare');
    for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) watch(Date.prototype, name);
    watch(Number.prototype, 'toLocaleString');
    for (const name of ['Collator', 'DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat']) watch(Intl, name);
  });
  await page.goto(`/print.html#/print/report/${amira.id}?audience=committee`);
  await expect(page.locator('html[data-print-ready]')).toHaveCount(1, { timeout: 60_000 });
  expect(await page.evaluate(() => (globalThis as unknown as { __localeCalls: string[] }).__localeCalls)).toEqual([]);
  // Its dates are there (the anchoring audit's timeline), in the app's own form.
  await expect(page.locator('body')).toContainText(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}/);
});
