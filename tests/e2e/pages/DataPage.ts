import { expect, type Download, type Page } from '@playwright/test';
import { openApp } from '../fixtures';

/** Page model of the Data screen: export, import, audit, erasure. */
export class DataPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await openApp(this.page, '#/data');
    await expect(this.page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
  }

  async exportScope(optionLabel: string | RegExp): Promise<Download> {
    const select = this.page.getByLabel('What to export');
    const option = select.locator('option').filter({ hasText: optionLabel }).first();
    await select.selectOption({ label: (await option.textContent())! });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export bundle' }).click()]);
    return download;
  }

  async downloadBackup(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download backup' }).click()]);
    return download;
  }

  async chooseBundle(path: string): Promise<void> {
    await this.page.getByLabel('Bundle file').setInputFiles(path);
  }

  async importChosen(): Promise<void> {
    await this.page.getByTestId('import-preview').getByRole('button', { name: 'Import' }).click();
    await expect(this.page.getByTestId('import-result')).toBeVisible();
  }

  async erase(candidate: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Candidate to erase' }).selectOption({ label: candidate });
    await this.page.getByRole('button', { name: 'Erase…' }).click();
    await expect(this.page.getByRole('dialog')).toContainText(`permanently removes ${candidate}`);
    await this.page.getByRole('button', { name: 'Erase permanently' }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  async verifyAudit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Verify audit chain' }).click();
    return (await this.page.getByTestId('audit-status').textContent()) ?? '';
  }
}
