/**
 * Notes are evidence: a stamp belongs to the line as written, a deleted line can be brought back,
 * two windows on one interview never lose each other's edits, and a reload mid-typing loses nothing.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { dbRows } from './pages/dbRows';

interface NoteRow {
  id: string;
  text: string;
  at: number;
  dimensionId: string | null;
}

async function openStartedInterview(page: Page): Promise<RunnerPage> {
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Ada Lovelace');
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.start();
  return runner;
}

test('a line is stamped when it first has text, not when a deleted keystroke was typed', async ({ page }) => {
  await page.clock.install();
  const runner = await openStartedInterview(page);
  const stamp = page.getByTestId('composer-stamp');
  await runner.noteInput().click();
  await page.keyboard.type('x');
  await expect(stamp).toHaveText(/^00:0\d$/);
  await page.keyboard.press('Backspace');
  // Emptied again: the stamp is dropped, and so is the line written for it.
  await expect(stamp).toHaveText('--:--');
  await page.clock.fastForward('01:05');
  await page.keyboard.type('Asked about state locking');
  await expect(stamp).toHaveText(/^01:0\d$/);
  await page.keyboard.press('Enter');
  const line = runner.noteLines().filter({ hasText: 'Asked about state locking' });
  await expect(line.locator('.note-time')).toHaveText(/^01:0\d$/);
  await runner.expectSaved();
  await expect.poll(async () => (await dbRows<NoteRow>(page, 'notes')).map((n) => n.text)).toEqual(['Asked about state locking']);
});

test('deleting a note offers a keyboard-reachable Undo that restores it, and both are audited', async ({ page }) => {
  const runner = await openStartedInterview(page);
  await runner.writeNote('Named the blast radius of the wildcard policy');
  await runner.tagSignal('blast radius', 'pragmatic security', 'security');
  const line = runner.noteLines().filter({ hasText: 'blast radius' });
  await line.getByRole('button', { name: /^Delete/ }).focus();
  await page.keyboard.press('Enter');
  await expect(runner.noteLines()).toHaveCount(0);
  const undo = page.getByTestId('note-undo').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(line).toBeVisible();
  // The signal links the restored note again, and focus is back in the note box.
  await expect(page.getByRole('list', { name: 'Signals tagged' })).toContainText('evidence at');
  await expect(runner.noteInput()).toBeFocused();
  await runner.expectSaved();
  const actions = (await dbRows<{ action: string }>(page, 'audit')).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(['note.deleted', 'note.restored']));
});

test('two windows on one interview: changing a line’s dimension in one never loses text typed in the other (24 trials)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const runnerA = await openStartedInterview(page);
  const pageB = await page.context().newPage();
  await pageB.goto(page.url());
  const runnerB = new RunnerPage(pageB);
  await expect(runnerB.noteInput()).toBeVisible();
  const dimensions = ['IaC engineering', 'Security & compliance automation'];

  for (let trial = 0; trial < 24; trial++) {
    const head = `Trial ${trial} first words`;
    const tail = ` and the rest of trial ${trial}`;
    const dimension = dimensions[trial % 2]!;
    await runnerA.noteInput().click();
    await runnerA.noteInput().pressSequentially(head, { delay: 2 });
    // B sees A's line as soon as it is written, and changes its dimension while A keeps typing.
    const lineInB = runnerB.noteLines().filter({ hasText: head });
    await expect(lineInB).toBeVisible();
    await runnerA.noteInput().pressSequentially(tail, { delay: 2 });
    if (trial % 2 === 1) await runnerA.expectSaved();
    await lineInB.getByRole('combobox').selectOption({ label: dimension });
    await runnerA.noteInput().press('Enter');
    await runnerA.expectSaved();
    await expect(runnerB.saveState()).toHaveText(/Saved/);
    await expect
      .poll(async () => {
        const notes = await dbRows<NoteRow>(page, 'notes');
        const note = notes.find((n) => n.text.startsWith(head));
        return note && { text: note.text, dimensionId: note.dimensionId };
      })
      .toEqual({ text: head + tail, dimensionId: trial % 2 === 0 ? 'iac-engineering' : 'security-compliance' });
  }
  await pageB.close();
});

test('a line typed just before a reload is there after it', async ({ page }) => {
  const runner = await openStartedInterview(page);
  await runner.writeNote('First line, saved');
  let unloadWarnings = 0;
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') unloadWarnings++;
    void dialog.accept();
  });
  await runner.noteInput().click();
  // Typed and reloaded at once: well inside the 250 ms before the line would be written.
  await page.keyboard.type('Typed a moment before the reload');
  await page.reload();
  await expect(runner.noteInput()).toHaveValue('Typed a moment before the reload');
  await runner.expectSaved();
  await runner.noteInput().press('Enter');
  await expect(runner.noteLines()).toHaveCount(2);
  const texts = (await dbRows<NoteRow>(page, 'notes')).map((n) => n.text).sort();
  expect(texts).toEqual(['First line, saved', 'Typed a moment before the reload']);
  // The unload warning is the browser's to show; when it shows, it is only while a write is pending.
  expect(unloadWarnings).toBeLessThanOrEqual(1);
});

test('a line whose write is still running when the page goes is there after a reload', async ({ page }) => {
  await page.clock.install();
  const runner = await openStartedInterview(page);
  await runner.writeNote('First line, saved');
  await runner.expectSaved();
  page.on('dialog', (dialog) => void dialog.accept());
  // Another connection keeps the evidence store in a write transaction: the line's write, once
  // started, waits behind it, so it is running and not finished when the page goes.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('loopdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('evidence', 'readwrite').objectStore('evidence');
          const spin = () => (store.count().onsuccess = spin);
          spin();
          resolve();
        };
      }),
  );
  await runner.noteInput().click();
  await page.keyboard.type('Typed while the database was busy');
  // Past the 250 ms pause after typing: the write starts, and waits.
  await page.clock.runFor(1000);
  await page.reload();
  await expect(runner.noteInput()).toHaveValue('Typed while the database was busy');
  await runner.expectSaved();
  await runner.noteInput().press('Enter');
  await expect(runner.noteLines()).toHaveCount(2);
  const texts = (await dbRows<NoteRow>(page, 'notes')).map((n) => n.text).sort();
  expect(texts).toEqual(['First line, saved', 'Typed while the database was busy']);
});

test('a line the page being left stashes only after this page loaded still comes back, never over what is being typed', async ({ page }) => {
  const runner = await openStartedInterview(page);
  const [interview] = await dbRows<{ id: string }>(page, 'interviews');
  // The left page's late pagehide, played by a second tab of the same browser writing the copy.
  const other = await page.context().newPage();
  await other.goto(page.url().replace(/#.*/, '#/today'));
  const stashLate = (id: string, text: string) =>
    other.evaluate(
      ({ interviewId, id, text }) =>
        localStorage.setItem(
          `loopdesk:noteDraft:${interviewId}`,
          JSON.stringify({ id, interviewId, at: 5_000, text, dimensionId: null, simAt: null, isPrivate: false, fields: ['text'] }),
        ),
      { interviewId: interview!.id, id, text },
    );
  await stashLate(crypto.randomUUID(), 'Stashed late, box empty');
  await expect(runner.noteInput()).toHaveValue('Stashed late, box empty');
  await runner.expectSaved();
  await runner.noteInput().press('Enter');
  await expect(runner.noteLines()).toHaveCount(1);

  await runner.noteInput().click();
  await page.keyboard.type('Being typed now');
  await stashLate(crypto.randomUUID(), 'Stashed late, box busy');
  await expect(runner.noteLines().filter({ hasText: 'Stashed late, box busy' })).toHaveCount(1);
  await expect(runner.noteInput()).toHaveValue('Being typed now');
  await runner.noteInput().press('Enter');
  await runner.expectSaved();
  const texts = (await dbRows<NoteRow>(page, 'notes')).map((n) => n.text).sort();
  expect(texts).toEqual(['Being typed now', 'Stashed late, box busy', 'Stashed late, box empty']);
  await other.close();
});
