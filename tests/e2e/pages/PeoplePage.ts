import { expect, type Page } from '@playwright/test';
import { openApp } from '../fixtures';

/** Page model: candidates, their loops, and the loop screen. */
export class PeoplePage {
  constructor(private readonly page: Page) {}

  async addCandidate(name: string, options: { email?: string; level?: string } = {}): Promise<void> {
    await openApp(this.page, '#/candidates/new');
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    if (options.email) await this.page.getByLabel('Email').fill(options.email);
    if (options.level) await this.page.getByLabel('Target level').selectOption({ label: options.level });
    await this.page.getByRole('button', { name: 'Add candidate' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  /** On a candidate's page: plans a loop with the given kits (by title) assigned to interviewers (by name). */
  async planLoop(interviews: Array<{ kit: string; interviewer: string }>, newInterviewers: string[] = []): Promise<void> {
    await this.page.getByRole('link', { name: 'Plan a loop' }).click();
    const planner = this.page.getByRole('form', { name: /Plan a loop/ });
    for (const name of newInterviewers) {
      await planner.getByLabel('New interviewer').fill(name);
      await planner.getByRole('button', { name: 'Add interviewer' }).click();
      await expect(planner.getByLabel('Interviewer for interview 1').locator('option', { hasText: name })).toHaveCount(1);
    }
    const table = planner.getByRole('table', { name: 'Planned interviews' });
    // The planner renders its default rows with the table: wait for it, or the count below can
    // run before the form and leave those rows (unassigned) in the plan.
    await expect(table).toBeVisible();
    // Start from an empty plan, then add one row per interview.
    while ((await table.getByRole('button', { name: /^Remove/ }).count()) > 0) {
      await table.getByRole('button', { name: /^Remove/ }).first().click();
    }
    for (const [index, interview] of interviews.entries()) {
      await planner.getByRole('button', { name: 'Add interview', exact: true }).click();
      await planner.getByLabel(`Kit for interview ${index + 1}`).selectOption({ label: interview.kit });
      const who = planner.getByLabel(`Interviewer for interview ${index + 1}`);
      const option = who.locator('option', { hasText: interview.interviewer }).first();
      await who.selectOption({ label: (await option.textContent())! });
    }
    await planner.getByRole('button', { name: 'Create loop' }).click();
    await expect(this.page.getByRole('heading', { name: /^Loop for/ })).toBeVisible();
  }

  loopStatus() {
    return this.page.getByText(/scorecards missing|All scorecards are in/);
  }

  async openInterviewFromLoop(kit: string): Promise<void> {
    const row = this.page.getByRole('row').filter({ hasText: kit });
    await row.getByRole('link', { name: /Start|Open/ }).click();
  }
}
