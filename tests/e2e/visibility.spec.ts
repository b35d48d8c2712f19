/**
 * What the submit dialog promises: once a panelist has sealed their interview for a candidate,
 * their peers' sealed ratings show on the loop and in the candidate report; before that, neither
 * shows them (a draft of their own does not count).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

async function switchProfile(page: Page, from: string, to: string): Promise<void> {
  const today = new TodayPage(page);
  await today.open();
  await page.getByText(new RegExp(`Not ${from}\\? Switch profile`)).click();
  await page.getByLabel('Interviewing as').selectOption({ label: to });
  await expect(today.signedInAs(to)).toBeVisible();
}

/** Grace's sealed 4 on IaC engineering, as the report's per-interviewer table names it. */
const graceRating = /^IaC engineering: 4 → .*, rated by Grace Hopper/;

test("peers' sealed ratings show on the loop and in the report once the panelist has sealed, not before", async ({ page }) => {
  test.setTimeout(180_000);
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
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.focusFirstRating();
  await runner.press('4', 'j', '4', 'j', '4', 'j', '4', 'j', '4');
  await runner.expectSaved();
  await runner.submit();

  // Linus has a draft with one rating, not sealed: neither the loop nor the report shows Grace's.
  await switchProfile(page, 'Grace Hopper', 'Linus Pauling');
  await page.goto(loopUrl);
  await people.openInterviewFromLoop('Observability and SLO design');
  await runner.focusFirstRating();
  await runner.press('2');
  await runner.expectSaved();
  await page.goto(loopUrl);
  const panel = page.getByTestId('panel-ratings');
  await expect(panel).toContainText('Hidden until you submit your own scorecard');
  await expect(panel.getByRole('table')).toHaveCount(0);
  await page.getByRole('link', { name: 'Candidate report' }).click();
  await expect(page.getByRole('heading', { name: 'Submit your own scorecard first' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ratings per interviewer' })).toHaveCount(0);
  await expect(page.getByTestId('recommendation')).toHaveCount(0);

  // Linus seals: Grace's sealed ratings show on the loop and in the report.
  await page.goto(loopUrl);
  await people.openInterviewFromLoop('Observability and SLO design');
  await runner.focusFirstRating();
  await runner.press('j', '3', 'j', '2', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  await page.goto(loopUrl);
  const table = page.getByTestId('panel-ratings').getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Grace Hopper' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Linus Pauling' })).toBeVisible();
  await expect(table.getByRole('row', { name: /IaC engineering/ })).toContainText('4');

  await page.getByRole('link', { name: 'Candidate report' }).click();
  await expect(page.getByTestId('recommendation')).toBeVisible();
  const perInterviewer = page.getByRole('table', { name: 'Ratings per interviewer' });
  await expect(perInterviewer.getByTestId('interviewer-row')).toHaveCount(2);
  await expect(perInterviewer.getByRole('button', { name: graceRating })).toBeVisible();
  await expect(perInterviewer.getByTestId('interviewer-row').filter({ hasText: 'Linus Pauling' })).toBeVisible();
});
