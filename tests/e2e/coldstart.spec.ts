/**
 * Cold start: Today paints the last visit's lists from a small localStorage snapshot before
 * IndexedDB has opened, marked as not yet live, then swaps to the live lists. The snapshot is the
 * current profile's only, and an erased candidate leaves it.
 */
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { DataPage } from './pages/DataPage';

declare global {
  var __idbRelease: (() => void) | undefined;
  var __idbOpened: boolean | undefined;
}

/**
 * Holds every IndexedDB open of the page until the test calls `releaseDatabase`, so what Today
 * shows before the database answers can be looked at without racing a timer.
 */
async function holdDatabase(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const realOpen = IDBFactory.prototype.open;
    const waiting: Array<() => void> = [];
    globalThis.__idbOpened = false;
    globalThis.__idbRelease = () => {
      globalThis.__idbOpened = true;
      for (const go of waiting.splice(0)) go();
    };
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      if (globalThis.__idbOpened) return realOpen.apply(this, args);
      // A stand-in request whose handlers the real one calls once released.
      const handlers: Record<string, ((event: Event) => void) | null> = {};
      let real: IDBOpenDBRequest | null = null;
      const stand = {
        get result() {
          return real?.result;
        },
        get error() {
          return real?.error ?? null;
        },
        get transaction() {
          return real?.transaction ?? null;
        },
        get readyState() {
          return real?.readyState ?? 'pending';
        },
        addEventListener(type: string, listener: (event: Event) => void) {
          handlers[`on${type}`] = listener;
        },
        removeEventListener() {},
      } as unknown as IDBOpenDBRequest;
      for (const name of ['onsuccess', 'onerror', 'onblocked', 'onupgradeneeded'])
        Object.defineProperty(stand, name, { get: () => handlers[name] ?? null, set: (f) => (handlers[name] = f) });
      waiting.push(() => {
        real = realOpen.apply(this, args);
        for (const name of ['success', 'error', 'blocked', 'upgradeneeded'])
          real.addEventListener(name, (event) => handlers[`on${name}`]?.call(stand, event));
      });
      return stand;
    };
  });
}

const releaseDatabase = (page: Page) => page.evaluate(() => globalThis.__idbRelease?.());
const snapshotText = (page: Page) => page.evaluate(() => localStorage.getItem('loopdesk:todaySnapshot') ?? '');

/** Grace's machine: one loop she interviews in, for the candidate named. */
async function plannedInterview(page: Page, interviewer: string, candidate: string): Promise<void> {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile(interviewer);
  await new PeoplePage(page).addCandidate(candidate);
  await new PeoplePage(page).planLoop([{ kit: 'Terraform / IaC review', interviewer }]);
  await openApp(page, '#/today');
  await expect(page.locator('.interview-list').getByText(candidate)).toBeVisible();
  await expect.poll(() => snapshotText(page)).toContain(candidate);
}

/** Reloads with the database held: Today must paint from the snapshot alone. */
async function reloadHeld(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
}

test('Today shows its items from the snapshot while IndexedDB is still opening, then goes live', async ({ page }) => {
  await holdDatabase(page);
  await page.goto('/#/today');
  await releaseDatabase(page);
  await plannedInterview(page, 'Grace Hopper', 'Ada Lovelace');
  const snapshot = await snapshotText(page);
  expect(snapshot).toContain('Terraform / IaC review');
  // Nothing private: no e-mail, no notes, no scores.
  expect(snapshot).not.toContain('@');

  await reloadHeld(page);
  expect(await page.evaluate(() => globalThis.__idbOpened)).toBe(false);
  await expect(page.getByTestId('today-snapshot')).toHaveText(/last visit/);
  await expect(page.getByText('Signed in on this machine as Grace Hopper')).toBeVisible();
  const row = page.locator('.interview-list a', { hasText: 'Ada Lovelace' });
  await expect(row).toContainText('Terraform / IaC review');
  expect(await page.evaluate(() => globalThis.__idbOpened)).toBe(false);

  await releaseDatabase(page);
  await expect(page.getByTestId('today-snapshot')).toHaveCount(0);
  await expect(row).toBeVisible();
  // Live: the profile switcher (which needs the database) is there.
  await expect(page.getByText(/Not Grace Hopper\? Switch profile/)).toBeVisible();
});

test('an erased candidate is gone from the snapshot and from the screen before the database opens', async ({ page }) => {
  await holdDatabase(page);
  await page.goto('/#/today');
  await releaseDatabase(page);
  await plannedInterview(page, 'Grace Hopper', 'Ada Lovelace');
  await new PeoplePage(page).addCandidate('Bea Kit');
  await new PeoplePage(page).planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  const data = new DataPage(page);
  await data.open();
  await expect.poll(() => snapshotText(page)).toContain('Bea Kit');
  await data.erase('Ada Lovelace');
  await expect.poll(() => snapshotText(page)).not.toContain('Ada Lovelace');

  await openApp(page, '#/today');
  await reloadHeld(page);
  await expect(page.getByTestId('today-snapshot')).toBeVisible();
  await expect(page.locator('.interview-list')).toContainText('Bea Kit');
  await expect(page.getByText('Ada Lovelace')).toHaveCount(0);
  expect(await snapshotText(page)).not.toContain('Ada Lovelace');
});

test("after a profile switch the snapshot is the new profile's: never another profile's items", async ({ page }) => {
  await holdDatabase(page);
  await page.goto('/#/today');
  await releaseDatabase(page);
  await plannedInterview(page, 'Grace Hopper', 'Ada Lovelace');
  await page.getByText(/Switch profile/).click();
  await page.getByLabel('New profile').fill('Linus Pauling');
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await expect(page.getByText('Signed in on this machine as Linus Pauling')).toBeVisible();
  await expect.poll(() => snapshotText(page)).toContain('Linus Pauling');
  expect(await snapshotText(page)).not.toContain('Ada Lovelace');

  await reloadHeld(page);
  await expect(page.getByTestId('today-snapshot')).toBeVisible();
  await expect(page.getByText('Signed in on this machine as Linus Pauling')).toBeVisible();
  await expect(page.getByText('Ada Lovelace')).toHaveCount(0);
  await releaseDatabase(page);
  await expect(page.getByRole('heading', { name: 'No interviews assigned to you yet' })).toBeVisible();
});
