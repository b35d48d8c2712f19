import { expect, type Locator, type Page } from '@playwright/test';

/** Page model of practice mode: the case list, a practice run (driven by keyboard) and its comparison. */
export class PracticePage {
  constructor(private readonly page: Page) {}

  /** Opens Practice from the navigation rail. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
    await expect(this.page.getByRole('heading', { name: /^Practice/, level: 1 })).toBeVisible();
  }

  async startCase(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Start practice run: ${title}` }).click();
    await expect(this.page.getByRole('heading', { name: /^Practice.*scripted/, level: 1 })).toBeVisible();
  }

  /** Presses keys with nothing focused but the page: the runner's global rating keys. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /**
   * Rates dimensions in order by keyboard — the point's key, then `j` to the next — checking each
   * rating landed before moving on. `scores` are keys: '1'-'4' or '0' (no evidence).
   */
  async rateInOrder(rows: Array<[dimensionTitle: string, key: string]>): Promise<void> {
    for (const [i, [title, key]] of rows.entries()) {
      await this.page.keyboard.press(key);
      await this.expectRating(title, key === '0' ? 'No evidence' : new RegExp(`^${key}`));
      if (i < rows.length - 1) await this.page.keyboard.press('j');
    }
  }

  async expectRating(dimensionTitle: string, label: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('radiogroup', { name: dimensionTitle }).getByRole('radio', { checked: true })).toHaveAccessibleName(label);
  }

  /** Tags a signal through the type-to-find picker, by keyboard. */
  async tagSignal(query: string, signalTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Tag signal…' }).focus();
    await this.page.keyboard.press('Enter');
    const box = this.page.getByRole('combobox', { name: 'Signal to tag' });
    await box.pressSequentially(query);
    const options = this.page.getByRole('option');
    await expect(options.filter({ hasText: signalTitle }).first()).toBeVisible();
    const count = await options.count();
    for (let i = 0; i < count; i++) {
      if ((await options.nth(i).textContent())?.includes(signalTitle)) break;
      await box.press('ArrowDown');
    }
    await box.press('Enter');
    await expect(this.page.getByTestId('practice-tag').filter({ hasText: signalTitle })).toBeVisible();
  }

  /** Seal by keyboard: the runner's Seal button, then the dialog's focused confirm. */
  async seal(): Promise<void> {
    await this.page.getByRole('button', { name: 'Seal and compare…' }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('button', { name: 'Seal and compare', exact: true })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { name: /compared with the key$/, level: 1 })).toBeVisible();
  }

  comparisonRow(dimensionId: string): Locator {
    return this.page.getByTestId(`practice-row-${dimensionId}`);
  }
}
