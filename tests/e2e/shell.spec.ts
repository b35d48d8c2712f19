import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';

test('the first screen says what to do next', async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await expect(page.getByRole('heading', { name: 'Who is interviewing on this machine?' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeFocused();
});

test('a profile written through the UI survives a reload', async ({ page }) => {
  const today = new TodayPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await page.reload();
  await expect(today.signedInAs('Grace Hopper')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No interviews assigned to you yet' })).toBeVisible();
});

test('an unknown address shows a way back', async ({ page }) => {
  await page.goto('/#/no-such-screen');
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
});
