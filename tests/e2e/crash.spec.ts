/**
 * Crash safety: the browser process is killed with SIGKILL (no unload handler runs) while notes
 * are being typed; relaunched on the same profile, every note the UI showed as "Saved" is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';

interface Launched {
  process: ChildProcess;
  browser: Browser;
  page: Page;
}

async function launchOnProfile(profileDir: string): Promise<Launched> {
  const executable = chromiumPath() ?? chromium.executablePath();
  const child = spawn(executable, [...chromiumArgs, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited early (${code}): ${buffer.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  return { process: child, browser, page };
}

function kill(launched: Launched): Promise<void> {
  return new Promise((resolve) => {
    launched.process.once('exit', () => resolve());
    launched.process.kill('SIGKILL');
  });
}

/** Small seeded generator so a failing moment can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// This test manages its own browser processes; the shared `page` fixture stays unused.
test('every note shown as Saved survives SIGKILL of the browser, at several random moments', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const seed = Number(process.env['LOOPDESK_CRASH_SEED'] ?? Date.now() % 100_000);
  const rand = random(seed);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const profile = mkdtempSync(join(tmpdir(), 'loopdesk-crash-'));
  let launched: Launched | undefined;
  try {
    launched = await launchOnProfile(profile);
    let page = launched.page;
    await page.goto(`${baseURL}#/today`);
    await new TodayPage(page).createProfile('Grace Hopper');
    const people = new PeoplePage(page);
    await people.addCandidate('Barbara Liskov');
    await people.planLoop([{ kit: 'Cross-team influence and leadership', interviewer: 'Grace Hopper' }]);
    await people.openInterviewFromLoop('Cross-team influence and leadership');
    await new RunnerPage(page).ensureStarted();
    await expect(page.getByRole('textbox', { name: 'Note' })).toBeVisible();
    const runnerUrl = page.url();

    const savedTexts = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const runner = new RunnerPage(page);
      // A few complete lines, each confirmed Saved before it counts.
      const lines = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < lines; i++) {
        const text = `round ${round} line ${i}: candidate described the migration plan ${Math.floor(rand() * 1e6)}`;
        await runner.noteInput().click();
        await runner.noteInput().pressSequentially(text, { delay: 2 });
        if (rand() < 0.5) await runner.noteInput().press('Enter');
        await runner.expectSaved();
        savedTexts.add(text);
        if ((await runner.noteInput().inputValue()) !== '') await runner.noteInput().press('Enter');
      }
      // Then keep typing and kill the browser at a random moment mid-keystrokes.
      await runner.noteInput().click();
      const typing = runner
        .noteInput()
        .pressSequentially(`unsaved tail ${round} — anything here may or may not survive`, { delay: 15 })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50 + rand() * 600));
      await kill(launched);
      await typing;

      launched = await launchOnProfile(profile);
      page = launched.page;
      await page.goto(runnerUrl);
      const after = new RunnerPage(page);
      await expect(after.noteInput()).toBeVisible();
      const present = (await after.noteLines().locator('.note-text').allTextContents()).join('\n');
      for (const text of savedTexts) expect(present, `seed ${seed}: note shown as Saved is missing`).toContain(text);
    }
  } finally {
    if (launched && launched.process.exitCode === null && launched.process.signalCode === null) await kill(launched);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // A leftover temp profile is harmless; do not mask the test's own result.
    }
  }
});
