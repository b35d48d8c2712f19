import { expect, type Page } from '@playwright/test';

/** Page model of the committee view and the candidate report. */
export class ReportPage {
  constructor(private readonly page: Page) {}

  /** Opens the demo: the window reloads into the demo workspace on the committee screen. */
  async openDemoLoop(): Promise<void> {
    // Loading the demo (its history included) into a fresh database takes a while on a busy machine.
    const reloaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.page.getByRole('button', { name: 'Open demo loop' }).click();
    await reloaded;
    await expect(this.page.getByTestId('demo-banner')).toBeVisible();
    await expect(this.page.getByRole('heading', { name: 'Committee', level: 1 })).toBeVisible();
  }

  /**
   * The demo lives in its own database: leave it (and delete it) to get back to real data. The
   * window reloads; what follows must drive the reloaded page, never race its navigation.
   */
  async leaveDemo(): Promise<void> {
    const reloaded = this.page.waitForEvent('load', { timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Leave and delete the demo' }).click();
    await reloaded;
    await expect(this.page.getByTestId('demo-banner')).toHaveCount(0);
    await expect(this.page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  }

  comparison() {
    return this.page.getByRole('table', { name: 'Candidates compared' });
  }

  async setBlind(isBlind: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Blind mode (hide names)' }).setChecked(isBlind);
  }

  async openReportFromComparison(name: string | RegExp): Promise<void> {
    await this.comparison().getByRole('link', { name }).click();
    await expect(this.page.getByTestId('recommendation')).toBeVisible();
  }

  inputsHash() {
    return this.page.getByTestId('inputs-hash');
  }

  async recordDecision(outcome: string, rationale: string, level?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Record a decision' });
    await form.getByLabel('Outcome').selectOption({ label: outcome });
    if (level) await form.getByLabel('Level').selectOption({ label: level });
    await form.getByLabel('Rationale').fill(rationale);
    await form.getByRole('button', { name: 'Record decision' }).click();
    await expect(this.page.getByTestId('decision').filter({ hasText: rationale })).toBeVisible();
  }
}
