import { expect, type Locator, type Page } from '@playwright/test';

function simTextToMs(text: string): number {
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`not a sim time: "${text}"`);
  return (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

/** Page model of the candidate's shared screen (the presenter tab or window). */
export class PresenterPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('presenter');
  }

  panel(name: string): Locator {
    return this.page.getByTestId('incident-metric-panel').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async panelValue(name: string): Promise<number> {
    const text = (await this.panel(name).getByTestId('incident-metric-current').textContent()) ?? '';
    return Number(text.replace(/[^\d.]/g, ''));
  }

  alerts(): Locator {
    return this.page.getByTestId('presenter-alert');
  }

  logs(): Locator {
    return this.page.getByTestId('presenter-log');
  }

  chatMessages(): Locator {
    return this.page.getByTestId('presenter-chat-message');
  }

  async text(): Promise<string> {
    return (await this.page.locator('body').innerText()) ?? '';
  }
}

/** Page model of the incident console inside the interview runner. */
export class IncidentPage {
  constructor(private readonly page: Page) {}

  console(): Locator {
    return this.page.getByRole('region', { name: 'Incident console' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Incident' }).click();
    await expect(this.console()).toBeVisible();
  }

  async startScenario(): Promise<void> {
    // The scenario runs inside a started interview (opening one only prepares it).
    const startInterview = this.page.getByRole('button', { name: 'Start interview' });
    if (await startInterview.isVisible()) {
      await startInterview.click();
      await expect(startInterview).toHaveCount(0);
    }
    await this.console().getByRole('button', { name: 'Start scenario' }).click();
    await expect(this.simTime()).toBeVisible();
  }

  simTime(): Locator {
    return this.page.getByTestId('incident-sim-time');
  }

  async simMs(): Promise<number> {
    return simTextToMs((await this.simTime().textContent()) ?? '');
  }

  clock(): Locator {
    return this.page.getByRole('group', { name: 'Scenario clock' });
  }

  clockState(): Locator {
    return this.page.getByTestId('incident-clock-state');
  }

  async pause(): Promise<void> {
    await this.clock().getByRole('button', { name: 'Pause' }).click();
    await expect(this.clockState()).toHaveText(/Paused/);
  }

  async resume(): Promise<void> {
    await this.clock().getByRole('button', { name: 'Resume' }).click();
    await expect(this.clockState()).toHaveText(/Running/);
  }

  /** Skips sim time forward by whole minutes with the jump buttons, and waits until the clock shows it. */
  async jump(minutes: number): Promise<void> {
    let left = minutes;
    while (left > 0) {
      const step = left >= 5 ? 5 : 1;
      const before = await this.simMs();
      await this.clock().getByRole('button', { name: `Jump +${step} min` }).click();
      await expect.poll(() => this.simMs()).toBeGreaterThanOrEqual(before + step * 60_000);
      left -= step;
    }
  }

  async openPresenter(): Promise<PresenterPage> {
    const [presenter] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.clock().getByRole('button', { name: 'Open presenter' }).click(),
    ]);
    await presenter.waitForLoadState('domcontentloaded');
    return new PresenterPage(presenter);
  }

  logEntries(): Locator {
    return this.page.getByTestId('incident-log-entry');
  }

  /** Gives the console focus (as a click on its background does) and presses action keys, one entry each. */
  async logByKeys(...keys: string[]): Promise<void> {
    await this.console().focus();
    await expect(this.page.getByTestId('incident-keys-state')).toHaveText(/Keys log actions/);
    for (const key of keys) {
      const before = await this.logEntries().count();
      await this.page.keyboard.press(key);
      await expect(this.logEntries()).toHaveCount(before + 1);
    }
  }

  async logCommunication(text: string): Promise<void> {
    const before = await this.logEntries().count();
    await this.console().getByRole('textbox', { name: 'Communication' }).fill(text);
    await this.console().getByRole('button', { name: 'Log communication' }).click();
    await expect(this.logEntries()).toHaveCount(before + 1);
  }

  async undoLast(): Promise<void> {
    const before = await this.logEntries().count();
    await this.console().getByRole('button', { name: 'Undo last' }).click();
    await expect(this.logEntries()).toHaveCount(before + 1);
  }

  milestone(id: string): Locator {
    return this.page.getByTestId(`milestone-${id}`);
  }

  derivedSignals(): Locator {
    return this.page.getByTestId('incident-signal');
  }

  async endRun(): Promise<void> {
    await this.clock().getByRole('button', { name: 'End run' }).click();
    await expect(this.clockState()).toHaveText(/Ended/);
  }
}
