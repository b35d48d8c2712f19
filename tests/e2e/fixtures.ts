/**
 * Every e2e test gets a fresh browser context (a fresh IndexedDB) and fails on any console error
 * or uncaught exception in the page.
 */
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function openApp(page: Page, hash = '#/today'): Promise<void> {
  // Pages driven over CDP have no baseURL: stay on the origin the page is already on.
  const current = page.url();
  await page.goto(/^https?:/.test(current) ? `${new URL(current).origin}/${hash}` : `/${hash}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
