/**
 * The runner by keyboard and by the clock: prepared until Start, rating keys from anywhere outside
 * a text field, WAI-ARIA tabs, missing rows on "Back", incident keys after a reload, and
 * amendments that never restart the clock.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { IncidentPage } from './pages/IncidentPage';

async function openInterview(page: Page, kit = 'Terraform / IaC review'): Promise<RunnerPage> {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Ada Lovelace');
  await people.planLoop([{ kit, interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop(kit);
  return new RunnerPage(page);
}

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.locator('body')).toBeFocused();
}

test('an opened interview is prepared: nothing runs until Start, and the clock pauses and resumes', async ({ page }) => {
  const runner = await openInterview(page);
  const clock = page.getByTestId('interview-clock');
  await expect(clock).toContainText('not started');
  // Nothing to type into or rate yet, and a rating key says why it did nothing.
  await expect(runner.noteInput()).toHaveCount(0);
  await expect(page.locator('[role="radio"][tabindex]')).toHaveCount(0);
  await blur(page);
  await page.keyboard.press('3');
  await expect(page.getByRole('status').filter({ hasText: 'Press Start' })).toBeVisible();

  await runner.start();
  await expect(runner.noteInput()).toBeVisible();
  await page.getByRole('button', { name: 'Pause interview' }).click();
  await expect(clock).toContainText('paused');
  const pausedAt = await clock.textContent();
  await expect(page.getByRole('button', { name: 'Resume interview' })).toBeVisible();
  // Paused means still: the shown time does not move.
  await page.waitForFunction(() => performance.now() > 0);
  await expect(clock).toHaveText(pausedAt!);
  await page.getByRole('button', { name: 'Resume interview' }).click();
  await expect(clock).not.toContainText('paused');
});

test('a notice that fades leaves the screen where it was, so nothing moves under the pointer', async ({ page }) => {
  const runner = await openInterview(page);
  // The pointer away from the strip: pointing at a notice holds it.
  await page.mouse.move(5, 700);
  const start = page.getByRole('button', { name: 'Start interview' });
  await expect(start).toBeVisible();
  await blur(page);
  await page.keyboard.press('3');
  const notice = page.getByTestId('notice').filter({ hasText: 'Press Start' });
  await expect(notice).toBeVisible();
  const before = (await start.boundingBox())!.y;
  // A success fades after 5 s.
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  expect((await start.boundingBox())!.y).toBe(before);
  await runner.start();
  expect((await page.getByRole('button', { name: 'Pause interview' }).boundingBox())!.y).toBe(before);
  // The next screen starts with the strip at its natural height: empty.
  await page.getByRole('link', { name: 'Loop', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Loop for/ })).toBeVisible();
  expect((await page.getByRole('region', { name: 'Messages' }).boundingBox())?.height ?? 0).toBeLessThan(2);
});

test('1-4 rate the current dimension with focus on the page body; focus follows; j/k move; ? shows the map', async ({
  page,
}) => {
  const runner = await openInterview(page);
  await runner.start();
  await blur(page);
  await page.keyboard.press('3');
  await runner.expectRating('IaC engineering', /^3/);
  // Focus follows the chosen value.
  await expect(runner.ratingGroup('IaC engineering').getByRole('radio', { name: /^3/ })).toBeFocused();
  await blur(page);
  await page.keyboard.press('j');
  await expect(page.getByTestId('rating-security-compliance')).toHaveAttribute('data-current', 'true');
  await page.keyboard.press('0');
  await runner.expectRating('Security & compliance automation', 'No evidence');
  await blur(page);
  await page.keyboard.press('k');
  await expect(page.getByTestId('rating-iac-engineering')).toHaveAttribute('data-current', 'true');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard map' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // In the note box the same keys are text.
  await runner.noteInput().click();
  await page.keyboard.type('4');
  await runner.expectRating('IaC engineering', /^3/);
  await expect(runner.noteInput()).toHaveValue('4');
  await runner.expectSaved();
});

test('material tabs follow the WAI-ARIA tabs pattern', async ({ page }) => {
  await openInterview(page);
  const kitTab = page.getByRole('tab', { name: 'Kit' });
  const artifactTab = page.getByRole('tab', { name: 'Artifact review' });
  await kitTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(artifactTab).toBeFocused();
  await expect(artifactTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText(/Planted defects/);
  await page.keyboard.press('ArrowRight');
  await expect(kitTab).toBeFocused();
  await page.keyboard.press('End');
  await expect(artifactTab).toBeFocused();
  await page.keyboard.press('Home');
  await expect(kitTab).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the tab order.
  await expect(artifactTab).toHaveAttribute('tabindex', '-1');
});

test('Back from the submit check marks the missing rows and focuses the first; tagging returns focus to the note box', async ({
  page,
}) => {
  const runner = await openInterview(page);
  await runner.focusFirstRating();
  await runner.press('3', 'j', '2');
  await runner.writeNote('Wants a remote state backend with locking');
  await runner.tagSignal('remote state', 'pragmatic security', 'security');
  await expect(runner.noteInput()).toBeFocused();
  await page.getByRole('button', { name: 'Submit…' }).click();
  await page.getByRole('button', { name: 'Back to the interview' }).click();
  const firstMissing = page.getByTestId('rating-cloud-architecture');
  await expect(firstMissing).toContainText('needs a rating');
  await expect(firstMissing.getByRole('radio').first()).toBeFocused();
  await expect(page.getByTestId('rating-iac-engineering')).not.toContainText('needs a rating');
});

test('an amendment keeps the clock stopped; its notes carry the amendment time and are marked', async ({ page }) => {
  const runner = await openInterview(page);
  await runner.focusFirstRating();
  await runner.press('3', 'j', '2', 'j', '0', 'j', '4', 'j', '3');
  await runner.writeNote('Ran the plan before touching anything');
  await runner.submit();
  const stoppedAt = (await page.getByTestId('interview-clock').or(page.getByText(/^Sealed v1$/)).first().textContent()) ?? '';
  await runner.amend('Adding a line I forgot to type');
  const clock = page.getByTestId('interview-clock');
  await expect(clock).toContainText('stopped');
  const shown = (await clock.textContent())!.slice(0, 5);
  await runner.writeNote('Also mentioned drift detection');
  const line = runner.noteLines().filter({ hasText: 'drift detection' });
  await expect(line).toContainText('added after the interview');
  // Stamped at the stopped interview time, not at the wall-clock time since Start.
  await expect(line.locator('.note-time')).toHaveText(shown);
  await expect(clock).toContainText(shown);
  expect(stoppedAt).toBeTruthy();
});

test('incident action keys work with focus on the page, after a reload too', async ({ page }) => {
  test.setTimeout(120_000);
  await openInterview(page, 'Incident simulation — the 3 a.m. canary');
  const incident = new IncidentPage(page);
  await incident.open();
  await incident.startScenario();
  await incident.pause();
  await page.reload();
  await expect(incident.console()).toBeVisible();
  await expect(page.getByTestId('incident-keys-state')).toHaveText(/Keys log actions/);
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByTestId('incident-last-logged')).toContainText('Logged at');
  await expect(incident.logEntries()).toHaveCount(1);
});
