/**
 * The demo loop opens in its own workspace (a separate database) with a visible banner, and
 * leaving deletes it; the real database's rows are the same before, during and after.
 */
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { ReportPage } from './pages/ReportPage';
import { dbRows } from './pages/dbRows';

const tables = ['candidates', 'interviewers', 'loops', 'interviews', 'ratings', 'notes', 'audit', 'settings'];

test('the demo opens in its own workspace and leaving deletes it; real data is untouched throughout', async ({ page }) => {
  test.setTimeout(180_000);
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Rita Recruiter');
  await people.addCandidate('Ada Lovelace');
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Rita Recruiter' }]);
  const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await dbRows(page, t)).length])));
  const before = await counts();

  await today.open();
  await reports.openDemoLoop();
  await expect(page.getByTestId('demo-banner')).toContainText('Demo');
  await page.goto(page.url().replace(/#.*/, '#/candidates'));
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByText('Ada Lovelace')).toHaveCount(0);
  expect(await counts()).toEqual(before);

  await reports.leaveDemo();
  await expect(page.getByText('Ada Lovelace')).toBeVisible();
  expect(await counts()).toEqual(before);
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).not.toContain('loopdesk-demo');
});
