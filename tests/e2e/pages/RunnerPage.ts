import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of the interview runner. Ratings are driven by keyboard, as interviewers do. */
export class RunnerPage {
  constructor(private readonly page: Page) {}

  saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState()).toHaveText(/Saved/);
  }

  ratingGroup(dimensionTitle: string): Locator {
    return this.page.getByRole('radiogroup', { name: dimensionTitle });
  }

  /** The explicit Start: opening an interview only prepares it (kit readable, nothing running). */
  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start interview' }).click();
    await expect(this.page.getByRole('button', { name: 'Pause interview' })).toBeVisible();
  }

  /** Starts the interview if it is still in its prepared state (specs that are not about the clock). */
  async ensureStarted(): Promise<void> {
    const startButton = this.page.getByRole('button', { name: 'Start interview' });
    const running = this.page.getByRole('button', { name: /^(Pause interview|Resume interview|Submit amendment…)$/ });
    await expect(startButton.or(running).first()).toBeVisible();
    if (await startButton.isVisible()) await this.start();
  }

  /** Focuses the first dimension's radio group (by keyboard: Tab into it) */
  async focusFirstRating(): Promise<void> {
    await this.ensureStarted();
    await this.page.getByRole('radiogroup').first().getByRole('radio', { checked: false }).first().focus();
  }

  /** Presses keys on whatever is focused (e.g. `3`, `j`, `0`). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async expectRating(dimensionTitle: string, label: string | RegExp): Promise<void> {
    await expect(this.ratingGroup(dimensionTitle).getByRole('radio', { checked: true })).toHaveAccessibleName(label);
  }

  noteInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Note' });
  }

  async writeNote(text: string): Promise<void> {
    await this.ensureStarted();
    await this.noteInput().click();
    await this.noteInput().pressSequentially(text, { delay: 5 });
    await this.noteInput().press('Enter');
    await expect(this.page.getByTestId('note-line').filter({ hasText: text })).toBeVisible();
  }

  noteLines(): Locator {
    return this.page.getByTestId('note-line');
  }

  async tagSignal(noteText: string, query: string, signalTitle: string): Promise<void> {
    const line = this.noteLines().filter({ hasText: noteText });
    await line.getByRole('button', { name: /^Tag signal/ }).click();
    const box = this.page.getByRole('combobox', { name: /Signal evidenced by the note/ });
    await box.fill(query);
    await expect(this.page.getByRole('option', { name: new RegExp(signalTitle) }).first()).toBeVisible();
    const options = this.page.getByRole('option');
    const count = await options.count();
    for (let i = 0; i < count; i++) {
      if ((await options.nth(i).textContent())?.includes(signalTitle)) break;
      await box.press('ArrowDown');
    }
    await box.press('Enter');
    // The picker closes once the tag is handed to the database; wait until it is committed.
    await expect(box).toHaveCount(0);
    await this.expectSaved();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async tickDefect(title: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: new RegExp(title) }).check();
  }

  async submit(overall: { recommendation: string; takeaways: string } = { recommendation: 'Yes', takeaways: 'Clear evidence on the kit.' }): Promise<void> {
    await this.page.getByRole('button', { name: /^Submit/ }).click();
    const dialog = this.page.getByRole('dialog');
    // Both are required to seal; an amendment starts from the sealed ones.
    await dialog.getByRole('radio', { name: overall.recommendation, exact: true }).check();
    await dialog.getByLabel('Key takeaways').fill(overall.takeaways);
    await this.page.getByRole('button', { name: /Submit and seal|Seal amendment/ }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  async amend(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Amend…' }).click();
    await this.page.getByLabel('Reason for the amendment').fill(reason);
    await this.page.getByRole('button', { name: 'Start amendment' }).click();
    await expect(this.page.getByText(/Amending sealed version/)).toBeVisible();
  }
}
