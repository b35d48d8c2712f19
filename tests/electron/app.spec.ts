/**
 * Desktop smoke and security checks through Playwright's Electron driver. They need an Electron
 * runtime (its binary downloads on first install with network access); where none exists they are
 * skipped with the reason.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import type { DesktopApi } from '../../src/shared/desktopApi';
import { ReportPage } from '../e2e/pages/ReportPage';

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

  test('serves app:// files and refuses traversal and other hosts', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['.'] });
    const page = await app.firstWindow();
    const status = (url: string) => page.evaluate(async (u) => (await fetch(u)).status, url);
    expect(await status('app://loopdesk/index.html')).toBe(200);
    expect(await status('app://loopdesk/..%2f..%2fpackage.json')).toBe(404);
    expect(await status('app://loopdesk/assets/missing.js')).toBe(404);
    await app.close();
  });
});

/** A fresh profile folder per test, so backups, packs and the single-instance lock never mix. */
function userDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'loopdesk-electron-'));
}

async function launch(userData: string): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${userData}`] });
}

test.describe('desktop flows', () => {
  test.skip(!binary, 'No Electron runtime installed here (its binary could not be downloaded); desktop specs skipped.');
  test.skip(!existsSync('out/main/index.js'), 'Desktop build missing: run `npm run build` first.');

  test('PDF export saves the report, and a report that cannot render ends with its reason and Retry', async () => {
    const userData = userDataDir();
    const target = join(userData, 'report.pdf');
    const app = await launch(userData);
    const page = await app.firstWindow();
    // The save dialog is the one thing a test cannot click: answer it from main.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    const api = (fn: string, ...args: unknown[]) =>
      page.evaluate(([name, rest]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)['desktopApi']![name as string]!(...(rest as unknown[])), [fn, args] as const);

    const failed = (await api('exportPdf', { route: '#/print/report/no-such-candidate?audience=committee', fileName: 'x.pdf' })) as { ok: boolean; message: string };
    expect(failed).toMatchObject({ ok: false, reason: 'failed' });
    expect(failed.message).toContain('the rubric pack this candidate was interviewed with is not loaded');
    expect(existsSync(target)).toBe(false);
    // The hidden print window is gone either way.
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('a named PDF export reports its phases; cancelled while rendering it ends, destroys its hidden window and writes nothing', async () => {
    const userData = userDataDir();
    const folder = join(userData, 'exports');
    mkdirSync(folder);
    const app = await launch(userData);
    const page = await app.firstWindow();
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, join(folder, 'packets.pdf'));
    // Cancelled from the renderer the moment main says the print page is rendering.
    const { result, phases } = await page.evaluate(async () => {
      const api = (window as unknown as { desktopApi: DesktopApi }).desktopApi;
      const exportId = 'electron-cancel-1';
      const seen: string[] = [];
      const off = api.onPdfExportProgress((p) => {
        if (p.exportId !== exportId) return;
        seen.push(p.phase);
        if (p.phase === 'rendering') void api.cancelPdfExport(exportId);
      });
      const ended = await api.exportPdf({ route: '#/print/batch?candidates=a.b&audience=committee', fileName: 'packets.pdf', exportId });
      off();
      return { result: ended, phases: seen };
    });
    expect(result).toEqual({ ok: false, reason: 'cancelled', message: 'Export cancelled; no file was written.' });
    expect(phases).toEqual(['rendering']);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('committee batch export shows its progress, and Cancel stops it with no file written', async () => {
    const userData = userDataDir();
    const folder = join(userData, 'exports');
    mkdirSync(folder);
    const app = await launch(userData);
    const page = await app.firstWindow();
    await app.evaluate(({ app: electronApp, dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
      // Printing never finishes, so the export is still running when Cancel is clicked.
      electronApp.on('browser-window-created', (_event, win) => {
        win.webContents.printToPDF = () => new Promise<Buffer>(() => undefined);
      });
    }, join(folder, 'packets.pdf'));
    await page.getByLabel('Your name').fill('Committee Chair');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await new ReportPage(page).openDemoLoop();
    await page.getByRole('button', { name: 'Export packets (PDF)' }).click();
    const progress = page.getByTestId('pdf-export-progress');
    await expect(progress).toContainText(/Exporting \d+ committee packets: printing…/, { timeout: 60_000 });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('notice').filter({ hasText: 'Export cancelled; no file was written.' })).toBeVisible();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('backups are written to the data folder and only the newest days are kept', async () => {
    const userData = userDataDir();
    const app = await launch(userData);
    const page = await app.firstWindow();
    const saved = await page.evaluate(() => (window as unknown as { desktopApi: { writeBackup: (t: string, k: number) => Promise<{ savedTo: string }> } }).desktopApi.writeBackup('{"backup":true}', 1));
    expect(saved.savedTo.startsWith(join(userData, 'backups'))).toBe(true);
    expect(readFileSync(saved.savedTo, 'utf8')).toBe('{"backup":true}');
    writeFileSync(join(userData, 'backups', 'loopdesk-backup-2000-01-01.loopdesk'), '{}');
    await page.evaluate(() => (window as unknown as { desktopApi: { writeBackup: (t: string, k: number) => Promise<unknown> } }).desktopApi.writeBackup('{"again":true}', 1));
    expect(readdirSync(join(userData, 'backups'))).toEqual([saved.savedTo.split(/[/\\]/).pop()]);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('a broken user rubric folder shows located issues while every other pack loads', async () => {
    const userData = userDataDir();
    const user = join(userData, 'rubrics');
    mkdirSync(join(user, 'broken'), { recursive: true });
    cpSync('tests/fixtures/packs/frontend-engineer', join(user, 'frontend-engineer'), { recursive: true });
    symlinkSync(join(user, 'nowhere.yaml'), join(user, 'broken', 'dangling.yaml'));
    mkdirSync(join(user, 'huge'));
    writeFileSync(join(user, 'huge', 'pack.yaml'), Buffer.alloc(2 * 1024 * 1024 + 1, 'x'));
    const app = await launch(userData);
    const page = await app.firstWindow();
    await page.goto('app://loopdesk/index.html#/rubrics');
    await expect(page.getByText('broken/dangling.yaml')).toBeVisible();
    await expect(page.getByText(/this link points to nothing/)).toBeVisible();
    await expect(page.getByText(/larger than 2 MiB/)).toBeVisible();
    await expect(page.getByText('Frontend Engineer').first()).toBeVisible();
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('the exchange folder is chosen in the native dialog, written and watched by main, and signed with a key main keeps', async () => {
    const userData = userDataDir();
    const shared = join(userData, 'team-exchange');
    mkdirSync(shared);
    const app = await launch(userData);
    const page = await app.firstWindow();
    await app.evaluate(({ dialog }, folder) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
    }, shared);
    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.goto('app://loopdesk/index.html#/data');
    const panel = page.getByTestId('exchange-folder');
    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(panel.getByTestId('exchange-status')).toContainText('Watching “team-exchange”', { timeout: 20_000 });
    // Where the key lives depends on this machine's key store; either way the screen says which.
    const keyHome = panel.getByTestId('key-home');
    await expect(keyHome).toHaveText(/kept by the desktop app|not in the operating system's key store: .+/);
    if ((await keyHome.textContent())!.includes('kept by the desktop app')) expect(readdirSync(join(userData, 'profile-keys'))).toHaveLength(1);
    else expect(existsSync(join(userData, 'profile-keys'))).toBe(false);
    // A file appearing in another outbox is taken up through main's watcher (the slow round is 30 s).
    const other = join(shared, 'outbox', '00000000-0000-4000-8000-000000000001');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, '.sealed-x-1.loopdesk.partial'), '{');
    writeFileSync(join(other, 'sealed-x-1.loopdesk'), '{"not":"a bundle"}');
    await expect(panel.getByTestId('exchange-log')).toContainText('rejected', { timeout: 15_000 });
    await expect(panel.getByTestId('exchange-log')).not.toContainText('.partial');
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('a second launch focuses the running window and quits', async () => {
    const userData = userDataDir();
    const app = await launch(userData);
    const first = await app.firstWindow();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
    const second = spawn(binary!, ['.', `--user-data-dir=${userData}`], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized())).toBe(false);
    expect(app.windows()).toEqual([first]);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  });
});
