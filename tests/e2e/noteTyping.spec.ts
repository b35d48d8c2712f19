/**
 * Typing in the note box costs no React render per keystroke: the text lives in the textarea, the
 * stamp on its span. The page counts the composer's renders through the render probe.
 */
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

declare global {
  var __noteComposerRenders: number | undefined;
  var __loopdeskRenderProbe: ((component: string) => void) | undefined;
}

test('typing 20 characters in the note box renders the composer at most once per line', async ({ page }) => {
  await page.addInitScript(() => {
    globalThis.__noteComposerRenders = 0;
    globalThis.__loopdeskRenderProbe = (component: string) => {
      if (component === 'NoteComposer') globalThis.__noteComposerRenders! += 1;
    };
  });
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Ada Lovelace');
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.start();
  await runner.noteInput().click();
  const renders = () => page.evaluate(() => globalThis.__noteComposerRenders ?? 0);
  const before = await renders();
  expect(before, 'the probe sees the composer render').toBeGreaterThan(0);

  const text = 'Asked about stateful';
  expect(text).toHaveLength(20);
  await page.keyboard.type(text, { delay: 20 });
  await expect(runner.noteInput()).toHaveValue(text);
  await expect(page.getByTestId('composer-stamp')).toHaveText(/^\d\d:\d\d$/);
  await runner.expectSaved();
  // Starting the line may render once (the runner lists the draft apart); the keys themselves never.
  expect((await renders()) - before).toBeLessThanOrEqual(1);

  // The line is still written as typed and listed on Enter.
  await page.keyboard.press('Enter');
  await expect(runner.noteLines().filter({ hasText: text })).toHaveCount(1);
  await expect(runner.noteInput()).toHaveValue('');
  await expect(page.getByTestId('composer-stamp')).toHaveText('--:--');
});
