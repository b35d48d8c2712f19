/**
 * The recruiter's week: planning refuses an unassigned interview and warns about one person
 * holding two; overdue scorecards are listed with a reminder to copy or e-mail; closing a loop
 * asks once, says the retention clock starts, and reopening undoes it — both audited.
 */
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { dbRows } from './pages/dbRows';

/** `datetime-local` text for a moment `days` ago, in the browser's (and this process's) zone. */
function localInputValue(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('the planner starts with nobody assigned, refuses an unassigned interview by name, and warns about doubles', async ({
  page,
}) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  await today.open();
  await today.createProfile('Rita Recruiter');
  await people.addCandidate('Ada Lovelace', { level: 'Staff' });
  await page.getByRole('link', { name: 'Plan a loop' }).click();
  const planner = page.getByRole('form', { name: /Plan a loop/ });
  await expect(planner.getByLabel('Interviewer for interview 1')).toHaveValue('');
  await planner.getByLabel('New interviewer').fill('Linus Pauling');
  await planner.getByRole('button', { name: 'Add interviewer' }).click();
  await planner.getByLabel('Interviewer for interview 1').selectOption({ label: 'Linus Pauling' });
  await planner.getByRole('button', { name: 'Create loop' }).click();
  await expect(planner.getByRole('alert')).toHaveText(/^Interview 2 \(.+\) has no interviewer/);
  await expect(planner.getByLabel('Interviewer for interview 2')).toBeFocused();
  await planner.getByLabel('Interviewer for interview 2').selectOption({ label: 'Linus Pauling' });
  await expect(page.getByTestId('planner-doubled')).toContainText('Linus Pauling holds 2 interviews of this loop');
  // Nothing was saved by the refused attempt.
  expect(await dbRows(page, 'loops')).toHaveLength(0);
});

test('an overdue scorecard is listed with its interviewer and a working reminder; closing and reopening a loop is audited', async ({
  page,
}) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  await today.open();
  await today.createProfile('Rita Recruiter');
  await people.addCandidate('Grace Hopper', { level: 'Staff' });
  await page.getByRole('link', { name: 'Plan a loop' }).click();
  const planner = page.getByRole('form', { name: /Plan a loop/ });
  await planner.getByLabel('New interviewer').fill('Linus Pauling');
  await planner.getByRole('button', { name: 'Add interviewer' }).click();
  const table = planner.getByRole('table', { name: 'Planned interviews' });
  while ((await table.getByRole('button', { name: /^Remove/ }).count()) > 1) {
    await table.getByRole('button', { name: /^Remove/ }).last().click();
  }
  await planner.getByLabel('Kit for interview 1').selectOption({ label: 'Terraform / IaC review' });
  await planner.getByLabel('Interviewer for interview 1').selectOption({ label: 'Linus Pauling' });
  // Held three days ago, and no scorecard since.
  await planner.getByLabel('Scheduled time for interview 1').fill(localInputValue(3));
  await planner.getByRole('button', { name: 'Create loop' }).click();
  await expect(page.getByRole('heading', { name: /^Loop for/ })).toBeVisible();
  await expect(page.getByText(/1 of 1 scorecards missing: Linus Pauling\./)).toBeVisible();

  await page.getByRole('link', { name: 'Scorecards due' }).first().click();
  const due = page.getByRole('table', { name: 'Scorecards due' });
  const row = due.getByRole('row').filter({ hasText: 'Grace Hopper' });
  await expect(row).toContainText('Terraform / IaC review');
  await expect(row).toContainText('Linus Pauling');
  await expect(row.getByRole('cell').last()).toHaveText(/^[23]$/);
  const reminder = page.getByRole('region', { name: 'Reminder for Linus Pauling' });
  await expect(reminder.getByRole('textbox')).toHaveValue(/Grace Hopper, Terraform \/ IaC review \(held .*overdue\)/);
  const mailto = await reminder.getByRole('link', { name: /E-mail Linus Pauling/ }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:\?subject=/);
  const body = new URL(mailto!.replace(/^mailto:/, 'mailto:x@y')).searchParams.get('body');
  expect(body).toContain('Hi Linus Pauling');
  expect(body).toContain('Grace Hopper, Terraform / IaC review');
  // Sorting by a column flips with a second click.
  await due.getByRole('button', { name: /Candidate/ }).click();
  await expect(due.getByRole('columnheader', { name: /Candidate/ })).toHaveAttribute('aria-sort', 'ascending');

  // Close: asked once, the retention clock named; reopen undoes it. Both land in the audit log.
  await row.getByRole('link', { name: 'Grace Hopper' }).click();
  await page.getByRole('button', { name: 'Close loop…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close this loop?' });
  await expect(dialog).toContainText('starts the retention clock');
  await dialog.getByRole('button', { name: 'Close loop' }).click();
  await expect(page.getByRole('button', { name: 'Reopen loop' })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen loop' }).click();
  await expect(page.getByRole('button', { name: 'Close loop…' })).toBeVisible();
  await expect
    .poll(async () => (await dbRows<{ action: string }>(page, 'audit')).map((a) => a.action))
    .toEqual(expect.arrayContaining(['loop.closed', 'loop.reopened']));
  const [loop] = await dbRows<{ status: string; closedAt: number | null }>(page, 'loops');
  expect(loop).toMatchObject({ status: 'open', closedAt: null });
});
