/**
 * Today puts the current profile's overdue scorecards first — most overdue on top, ahead of an
 * interview in progress and of upcoming ones — and lists no one else's.
 */
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

/** `datetime-local` text for a moment `days` from now (negative: ago), in the browser's zone. */
function localInputValue(days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('Today lists my overdue scorecards first, most overdue on top, and none of a colleague’s', async ({ page }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Rita Recruiter');
  await people.addCandidate('Grace Hopper', { level: 'Staff' });
  await page.getByRole('link', { name: 'Plan a loop' }).click();
  const planner = page.getByRole('form', { name: /Plan a loop/ });
  await planner.getByLabel('New interviewer').fill('Linus Pauling');
  await planner.getByRole('button', { name: 'Add interviewer' }).click();
  const table = planner.getByRole('table', { name: 'Planned interviews' });
  while ((await table.getByRole('button', { name: /^Remove/ }).count()) > 0) {
    await table.getByRole('button', { name: /^Remove/ }).first().click();
  }
  // Mine: one upcoming (tomorrow), one to run now, one held 2 days ago, one held 5 days ago.
  // Linus's: held 4 days ago — overdue, but not mine.
  const plan = [
    { kit: 'Platform paved-road design', who: 'Rita Recruiter', days: 1 },
    { kit: 'Cross-team influence and leadership', who: 'Rita Recruiter', days: null },
    { kit: 'Observability and SLO design', who: 'Rita Recruiter', days: -2 },
    { kit: 'Terraform / IaC review', who: 'Rita Recruiter', days: -5 },
    { kit: 'CI/CD debugging — a failed release', who: 'Linus Pauling', days: -4 },
  ];
  for (const [index, row] of plan.entries()) {
    await planner.getByRole('button', { name: 'Add interview', exact: true }).click();
    await planner.getByLabel(`Kit for interview ${index + 1}`).selectOption({ label: row.kit });
    const who = planner.getByLabel(`Interviewer for interview ${index + 1}`);
    // The current profile's option carries a "(you)"-style suffix: pick by the name it starts with.
    await who.selectOption({ label: (await who.locator('option', { hasText: row.who }).first().textContent())! });
    if (row.days !== null) await planner.getByLabel(`Scheduled time for interview ${index + 1}`).fill(localInputValue(row.days));
  }
  await planner.getByRole('button', { name: 'Create loop' }).click();
  await expect(page.getByRole('heading', { name: /^Loop for/ })).toBeVisible();

  // Start the unscheduled one: it is in progress, not overdue.
  await people.openInterviewFromLoop('Cross-team influence and leadership');
  await runner.start();

  await today.open();
  const main = page.getByRole('main');
  const overdue = main.getByRole('region', { name: 'Overdue scorecards' });
  await expect(overdue.getByRole('link')).toHaveCount(2);
  await expect(overdue.getByRole('link').nth(0)).toContainText('Terraform / IaC review');
  await expect(overdue.getByRole('link').nth(0)).toContainText(/[45] days overdue/);
  await expect(overdue.getByRole('link').nth(1)).toContainText('Observability and SLO design');
  await expect(overdue.getByRole('link').nth(1)).toContainText(/[12] days? overdue/);

  // In the page's order: the overdue ones, then the one in progress, then the upcoming one.
  const kitsInOrder = await main
    .locator('.interview-list a')
    .evaluateAll((links) => links.map((a) => a.textContent ?? ''));
  const position = (kit: string) => kitsInOrder.findIndex((text) => text.includes(kit));
  expect(position('Terraform / IaC review')).toBe(0);
  expect(position('Observability and SLO design')).toBe(1);
  expect(position('Cross-team influence and leadership')).toBe(2);
  expect(position('Platform paved-road design')).toBe(3);
  // Linus's overdue scorecard is his, not mine.
  expect(position('CI/CD debugging')).toBe(-1);
});
