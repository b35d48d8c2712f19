import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

test('an interviewer runs the IaC review by keyboard, seals it, and amends it with a reason', async ({ page }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);

  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Ada Lovelace', { email: 'ada@example.org', level: 'Staff' });
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await expect(people.loopStatus()).toHaveText(/1 of 1 scorecards missing/);

  // Today lists the interview; one click opens the runner.
  await today.open();
  await page.getByRole('link', { name: /Ada Lovelace.*Terraform/ }).click();
  await expect(page.getByRole('heading', { name: /Ada Lovelace/, level: 1 })).toBeVisible();

  // Ratings by keyboard alone: 3, next, 2, next, 0 (no evidence), next, 4, next, 3.
  await runner.focusFirstRating();
  await runner.press('3', 'j', '2', 'j', '0', 'ArrowDown', '4', 'j', '3');
  await runner.expectRating('IaC engineering', /^3/);
  await runner.expectRating('Security & compliance automation', /^2/);
  await runner.expectRating('Cloud & infrastructure architecture', 'No evidence');
  await runner.expectRating('Prioritization & product thinking', /^4/);
  await runner.expectRating('Mentorship & leadership', /^3/);
  await expect(page.getByTestId('anchor-preview')).toContainText('Mentorship & leadership');
  await runner.expectSaved();

  // Time-stamped notes, a strong signal and a red flag, each linked to its note.
  await runner.writeNote('Spotted the wildcard IAM policy first and sized its blast radius');
  await runner.writeNote('Said committing the DB password is fine because the repo is private');
  await expect(runner.noteLines().first().locator('.note-time')).toHaveText(/^\d\d:\d\d$/);
  await runner.tagSignal('wildcard IAM', 'pragmatic security', 'security');
  await runner.tagSignal('DB password', 'secrets repo', 'ecrets');
  await expect(page.getByRole('list', { name: 'Signals tagged' }).getByText('Red flag')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Signals tagged' }).getByText('Strong')).toBeVisible();

  // Defects in the artifact review.
  await runner.openTab('Artifact review');
  const boxes = page.getByRole('group', { name: /Planted defects/ }).getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByTestId('defect-summary')).toHaveText(/^2\/\d+ found/);
  await runner.expectSaved();

  // The candidate's view shows the artifact only: nothing of the checklist, not even which lines were ticked.
  const defectTitles = (await page.getByRole('group', { name: /Planted defects/ }).locator('label').allTextContents()).map((t) =>
    t.replace(/(low|medium|high|critical)$/, '').trim(),
  );
  const [candidateView] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /Open candidate view/ }).click()]);
  await expect(candidateView.getByTestId('candidate-view')).toBeVisible();
  await expect(candidateView.getByTestId('code-view').locator('li').first()).toBeVisible();
  await expect(candidateView.getByTestId('code-view').locator('li[data-highlighted]')).toHaveCount(0);
  const shown = (await candidateView.getByTestId('candidate-view').textContent()) ?? '';
  for (const title of defectTitles) expect(shown, `defect title on the candidate view: ${title}`).not.toContain(title);
  await candidateView.close();

  await runner.submit();
  await expect(page.getByText(/Submitted .* and sealed/)).toBeVisible();

  // Reload: everything is there and sealed.
  await page.reload();
  await expect(page.getByText(/Submitted .* and sealed/)).toBeVisible();
  await runner.expectRating('IaC engineering', /^3/);
  await runner.expectRating('Cloud & infrastructure architecture', 'No evidence');
  await expect(runner.noteLines()).toHaveCount(2);
  await expect(runner.noteInput()).toHaveCount(0);
  await runner.openTab('Artifact review');
  await expect(page.getByTestId('defect-summary')).toHaveText(/^2\/\d+ found/);
  await expect(boxes.nth(0)).toBeDisabled();
  await runner.openTab('Kit');

  // An amendment records its reason; the sealed version stays.
  await runner.amend('Re-read my notes: the security answer deserved a 3');
  await runner.focusFirstRating();
  await runner.press('j', '3');
  await runner.expectRating('Security & compliance automation', /^3/);
  await runner.submit();
  await expect(page.getByText(/sealed \(version 2\)/)).toBeVisible();
  await page.getByRole('link', { name: 'Loop' }).click();
  await expect(people.loopStatus()).toHaveText('All scorecards are in.');
  await expect(page.getByText('Amended (v2)')).toBeVisible();
});

test('submit names what is missing: an unrated dimension and a red flag without evidence', async ({ page }) => {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Alan Turing');
  await people.planLoop([{ kit: 'Cross-team influence and leadership', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Cross-team influence and leadership');
  await runner.writeNote('placeholder');
  await runner.tagSignal('placeholder', 'blames people', 'Blames people');
  await runner.noteLines().filter({ hasText: 'placeholder' }).getByRole('button', { name: /^Delete/ }).click();
  // The red flag stays, now with no note behind it.
  await expect(page.getByRole('list', { name: 'Signals tagged' })).toContainText('no evidence linked');
  await page.getByRole('button', { name: 'Submit…' }).click();
  const problems = page.getByTestId('submit-problems');
  await expect(problems).toContainText('rate it 1-4, or mark "no evidence"');
  await expect(problems).toContainText('link at least one note');
  await page.getByRole('button', { name: 'Back to the interview' }).click();
  await expect(page.getByText('In progress')).toBeVisible();
});

test('interviewers are listed, added and edited from the candidates screen', async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await page.goto('/#/candidates');
  await page.getByText(/^Interviewers \(1\)/).click();
  await page.getByLabel('New interviewer').fill('Linus Pauling');
  await page.getByRole('button', { name: 'Add interviewer' }).click();
  const table = page.getByRole('table', { name: 'Interviewers' });
  await expect(table.getByRole('row', { name: /Linus Pauling/ })).toBeVisible();
  await table.getByRole('button', { name: 'Edit Linus Pauling' }).click();
  await page.getByRole('form', { name: 'Edit Linus Pauling' }).getByLabel('Email').fill('linus@example.org');
  await page.getByRole('form', { name: 'Edit Linus Pauling' }).getByRole('button', { name: 'Save' }).click();
  await expect(table.getByRole('row', { name: /Linus Pauling/ })).toContainText('linus@example.org');
  await page.reload();
  await page.getByText(/^Interviewers \(2\)/).click();
  await expect(page.getByRole('table', { name: 'Interviewers' })).toContainText('linus@example.org');
});
