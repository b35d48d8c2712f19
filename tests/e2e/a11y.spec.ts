import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`interview screens have no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    const today = new TodayPage(page);
    const people = new PeoplePage(page);
    const runner = new RunnerPage(page);
    await today.open();
    await expectNoSeriousViolations(page, 'profile setup');
    await today.createProfile('Grace Hopper');
    await people.addCandidate('Katherine Johnson');
    await expectNoSeriousViolations(page, 'candidate');
    await page.getByRole('link', { name: 'Plan a loop' }).click();
    await expectNoSeriousViolations(page, 'loop planner');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
    await expectNoSeriousViolations(page, 'loop');
    await page.getByRole('button', { name: 'Close loop…' }).click();
    await expectNoSeriousViolations(page, 'close loop dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/#/due');
    await expectNoSeriousViolations(page, 'scorecards due');
    await today.open();
    await expectNoSeriousViolations(page, 'today');
    await page.goto('/#/candidates');
    await expectNoSeriousViolations(page, 'candidates');
    await people.addCandidate('Mary Jackson');
    await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
    await people.openInterviewFromLoop('Terraform / IaC review');
    await runner.writeNote('Named the state locking gap');
    await runner.focusFirstRating();
    await runner.press('3');
    await expectNoSeriousViolations(page, 'runner');
    await runner.openTab('Artifact review');
    await expectNoSeriousViolations(page, 'artifact review');
    await page.getByRole('button', { name: 'Submit…' }).click();
    await expectNoSeriousViolations(page, 'submit dialog');
  });
}
