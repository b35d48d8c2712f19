/**
 * Desktop smoke and security checks through Playwright's Electron driver. They need an Electron
 * runtime (its binary downloads on first install with network access); where none exists they are
 * skipped with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

/** The installed Electron executable, found without triggering Electron's lazy download. */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    const full = override ? join(override, name) : join(dir, 'dist', name);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('tests/electron: skipped — no Electron runtime installed here (its binary downloads on first install with network access).');

test.describe('desktop app', () => {
  test.skip(!binary, 'No Electron runtime installed here (its binary could not be downloaded); desktop specs skipped.');
  test.skip(!existsSync('out/main/index.js'), 'Desktop build missing: run `npm run build` first.');

  test('starts on the Today screen from app:// with hardened web preferences', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['.'] });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/loopdesk\//);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences: () => Record<string, unknown>;
      };
      return wc.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { desktopApi: object }).desktopApi).sort())).toContain(
      'loadRubrics',
    );
    await app.close();
  });

  test('refuses to open new windows and to navigate away', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['.'] });
    const page = await app.firstWindow();
    await page.evaluate(() => window.open('https://evil.example/'));
    await page.evaluate(() => {
      location.href = 'https://evil.example/';
    });
    await expect.poll(() => app.windows().length).toBe(1);
    expect(page.url()).toMatch(/^app:\/\/loopdesk\//);
    await app.close();
  });
});
