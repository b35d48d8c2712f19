import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

test("a panelist cannot see a colleague's ratings until they submit their own", async ({ page }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Edsger Dijkstra');
  await people.planLoop(
    [
      { kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' },
      { kit: 'Observability and SLO design', interviewer: 'Linus Pauling' },
    ],
    ['Linus Pauling'],
  );
  const loopUrl = page.url();

  // Grace scores and seals her interview.
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.focusFirstRating();
  await runner.press('4', 'j', '4', 'j', '4', 'j', '4', 'j', '4');
  await runner.expectSaved();
  await runner.submit();

  // Linus, on the same machine, before submitting: Grace's ratings are hidden.
  await today.open();
  await page.getByText(/Not Grace Hopper\? Switch profile/).click();
  await page.getByLabel('Interviewing as').selectOption({ label: 'Linus Pauling' });
  await expect(today.signedInAs('Linus Pauling')).toBeVisible();
  await page.goto(loopUrl);
  const panel = page.getByTestId('panel-ratings');
  await expect(panel).toContainText('Hidden until you submit your own scorecard');
  await expect(panel.getByRole('table')).toHaveCount(0);
  // Nor can Linus open Grace's runner, and her read-only scorecard refuses him until he seals.
  const graceRow = page.getByRole('row').filter({ hasText: 'Terraform' });
  await expect(graceRow.locator('a[href*="#/interviews/"]')).toHaveCount(0);
  await graceRow.getByRole('link', { name: /Scorecard/ }).click();
  await expect(page.getByTestId('scorecard-refused')).toBeVisible();
  await expect(page.getByTestId('scorecard')).toHaveCount(0);
  await page.goto(loopUrl);

  // Linus submits his own; now the panel's sealed ratings show, Grace's 4s included.
  await people.openInterviewFromLoop('Observability and SLO design');
  await runner.focusFirstRating();
  await runner.press('2', 'j', '3', 'j', '2', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  await page.goto(loopUrl);
  const table = page.getByTestId('panel-ratings').getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Grace Hopper' })).toBeVisible();
  await expect(table.getByRole('row', { name: /IaC engineering/ })).toContainText('4');
});
