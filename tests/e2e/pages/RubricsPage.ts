import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from '../fixtures';

export type PackTabName = 'Dimensions' | 'Ladder' | 'Signals' | 'Kits' | 'Exercises' | 'Scenarios';

/** Page model of the rubric library (`#/rubrics`) and the pack browser (`#/rubrics/<packId>`). */
export class RubricsPage {
  constructor(private readonly page: Page) {}

  async openLibrary(): Promise<void> {
    await openApp(this.page, '#/rubrics');
    await expect(this.page.getByRole('heading', { name: 'Rubric packs', level: 1 })).toBeVisible();
  }

  packCard(title: string): Locator {
    return this.page
      .getByTestId('pack-card')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true, level: 2 }) });
  }

  async openPack(title: string): Promise<void> {
    await this.packCard(title).getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  async openTab(name: PackTabName): Promise<void> {
    const tab = this.page
      .getByRole('navigation', { name: 'Pack sections' })
      .getByRole('link', { name: new RegExp(`^${name}\\b`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-current', 'page');
  }

  dimensionCards(): Locator {
    return this.page.getByTestId('dimension');
  }

  dimensionCard(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  anchorsOf(card: Locator): Locator {
    return card.getByTestId('anchor');
  }

  async openExercise(title: string): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Exercises' }).getByRole('link', { name: title });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }

  /** The line-numbered view of an artifact, named by its file path in the pack. */
  codeView(file: string): Locator {
    return this.page.getByRole('region', { name: file, exact: true });
  }

  codeLines(code: Locator): Locator {
    return code.getByRole('listitem');
  }

  async chooseDefect(title: string): Promise<void> {
    const toggle = this.page.getByRole('button', { name: title });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Picks a folder in the "Add rubric pack…" control, as a user choosing it in the file dialog would. */
  async addPackFolder(dir: string): Promise<void> {
    await this.page.getByLabel('Add rubric pack…').setInputFiles(dir);
  }

  loadErrors(): Locator {
    return this.page.getByTestId('load-errors');
  }

  loadError(packDir: string): Locator {
    return this.page
      .getByTestId('load-error')
      .filter({ has: this.page.getByRole('heading', { name: `${packDir}/`, exact: true }) });
  }

  async removePack(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    const confirm = this.page.getByRole('group', { name: `Confirm removing ${name}` });
    await expect(confirm).toContainText(name);
    await confirm.getByRole('button', { name: 'Remove pack' }).click();
  }
}
