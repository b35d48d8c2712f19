import { expect, type Page } from '@playwright/test';
import { openApp } from '../fixtures';

/** Page model of the Today screen. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page, '#/today');
    await expect(this.page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  }

  async createProfile(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(this.signedInAs(name)).toBeVisible();
  }

  signedInAs(name: string) {
    return this.page.getByText(`Signed in on this machine as ${name}`);
  }
}
