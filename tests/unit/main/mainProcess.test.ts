/**
 * Main-process contract tests: the real `src/main/index.ts` started against a faithful fake of
 * Electron (./fakeElectron.ts), checked the way the running app would be used.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { desktopChannels, type PdfExportResult, type RubricLoadReport } from '../../../src/shared/desktopApi';
import { contentSecurityPolicy } from '../../../src/main/security';
import { RUBRIC_MAX_FILE_BYTES } from '../../../src/core/limits/inputLimits';
import { fakeElectronCreate, type FakeElectron, type FakePage, type FakeWindow } from './fakeElectron';

// Starting main reads the real rubric folders; give a loaded machine room.
vi.setConfig({ testTimeout: 60_000 });

const root = resolve(__dirname, '../../..');
const appFrame = 'app://loopdesk/index.html#/today';
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-main-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.useRealTimers();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** Loads main as Electron would: a fresh module graph, a fresh fake, the given instance lock. */
async function mainLoad(options: { hasInstanceLock?: boolean } = {}): Promise<FakeElectron> {
  vi.resetModules();
  const electron = fakeElectronCreate();
  vi.doMock('electron', () => electron);
  electron.fake.state.hasInstanceLock = options.hasInstanceLock ?? true;
  electron.fake.state.userData = tempDir();
  electron.fake.state.appPath = root;
  await import('../../../src/main/index');
  return electron;
}

/** Loads main and fires `ready`; resolves once the first window exists. */
async function mainStart(before: (userData: string) => void = () => undefined): Promise<{ electron: FakeElectron; win: FakeWindow }> {
  const electron = await mainLoad();
  before(electron.fake.state.userData);
  electron.fake.ready();
  await vi.waitFor(() => expect(electron.fake.windows.length).toBeGreaterThan(0));
  return { electron, win: electron.fake.windows[0]! };
}

const invokeChannels = Object.entries(desktopChannels)
  .filter(([method]) => !/^on[A-Z]/.test(method))
  .map(([, channel]) => channel);

describe('start-up', () => {
  it('registers the app:// scheme and sandbox before ready, then the session policy, handler, IPC and window in that order', async () => {
    const electron = await mainLoad();
    expect(electron.fake.log).toEqual(['protocol.registerSchemesAsPrivileged:app', 'app.enableSandbox', 'app.requestSingleInstanceLock']);
    expect(electron.fake.registeredSchemes[0]?.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });

    electron.fake.ready();
    await vi.waitFor(() => expect(electron.fake.windows).toHaveLength(1));
    const log = electron.fake.log;
    const at = (entry: string) => log.indexOf(entry);
    expect(at('session.setPermissionRequestHandler')).toBeGreaterThan(at('app.ready'));
    expect(at('protocol.handle:app')).toBeGreaterThan(at('app.ready'));
    for (const channel of invokeChannels) expect(at(`ipcMain.handle:${channel}`), channel).toBeLessThan(at('new BrowserWindow'));
    expect(at('protocol.handle:app')).toBeLessThan(at('new BrowserWindow'));
  });

  it('creates the window hidden, with the hardened preferences, on the app origin, and shows it when ready', async () => {
    const { win } = await mainStart();
    expect(win.options['show']).toBe(false);
    expect(win.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: expect.stringMatching(/preload[/\\]index\.cjs$/),
    });
    expect(win.webContents.url).toBe('app://loopdesk/index.html#/today');
    await vi.waitFor(() => expect(win.visible).toBe(true));
  });

  it('denies every permission request and check', async () => {
    const { electron } = await mainStart();
    const { request, check } = electron.fake.permissionHandlers;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });

  it('keeps the window on the app origin: navigation away is prevented, allow-listed links go to the browser', async () => {
    const { electron, win } = await mainStart();
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      win.webContents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://loopdesk/index.html#/candidates')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('https://github.com/loopdesk')).toBe(true);
    expect(win.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.fake.opened).toEqual(['https://github.com/loopdesk']));
  });

  it('says so when an allowed link cannot be opened in the system browser', async () => {
    const { electron, win } = await mainStart();
    electron.fake.state.hasNoBrowser = true;
    expect(win.webContents.windowOpenHandler!({ url: 'https://github.com/loopdesk' })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(electron.fake.log).toContain(
        'dialog.showErrorBox:Loopdesk could not open the link: https://github.com/loopdesk: No application found to open the URL',
      ),
    );
  });
});

describe('start-up failure', () => {
  it('says why in a dialog and exits non-zero, instead of leaving a process with no window', async () => {
    const electron = await mainLoad();
    electron.protocol.handle = () => {
      throw new Error('the app:// scheme is already handled');
    };
    electron.fake.ready();
    await vi.waitFor(() => expect(electron.fake.log).toContain('app.exit:1'));
    expect(electron.fake.log).toContain('dialog.showErrorBox:Loopdesk could not start: the app:// scheme is already handled');
    expect(electron.fake.windows).toHaveLength(0);
  });

  it('a window that cannot load its page says so in a dialog instead of staying blank', async () => {
    const electron = await mainLoad();
    electron.fake.state.page = { kind: 'fail-load', code: -6, description: 'ERR_FILE_NOT_FOUND' };
    electron.fake.ready();
    await vi.waitFor(() => expect(electron.fake.log.some((l) => l.startsWith('dialog.showErrorBox:'))).toBe(true));
    expect(electron.fake.log).toContainEqual(
      expect.stringMatching(/^dialog\.showErrorBox:Loopdesk could not show this screen: app:\/\/loopdesk\/index\.html#\/today: ERR_FILE_NOT_FOUND/),
    );
  });
});

describe('single instance', () => {
  it('a second launch quits and starts nothing, not even after ready', async () => {
    const electron = await mainLoad({ hasInstanceLock: false });
    expect(electron.fake.log).toContain('app.quit');
    electron.fake.ready();
    await new Promise((r) => setTimeout(r, 20));
    expect(electron.fake.windows).toHaveLength(0);
    expect(electron.fake.ipcHandlers.size).toBe(0);
    expect(electron.fake.protocolHandlers.size).toBe(0);
  });

  it('the running instance restores and focuses its window when launched again', async () => {
    const { electron, win } = await mainStart();
    win.minimized = true;
    electron.app.emit('second-instance', {}, ['loopdesk'], root);
    expect(win.isMinimized()).toBe(false);
    expect(win.focusCount).toBe(1);
  });
});

describe('app:// protocol', () => {
  const fetchApp = async (electron: FakeElectron, url: string) => {
    const response = await electron.fake.protocolHandlers.get('app')!({ url });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it('serves the renderer folder with the CSP on every response, index.html for app routes and the print page', async () => {
    const { electron } = await mainStart();
    const indexHtml = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    for (const url of ['app://loopdesk/', 'app://loopdesk/index.html', 'app://loopdesk/candidates/42']) {
      const response = await fetchApp(electron, url);
      expect(response.status, url).toBe(200);
      expect(response.text).toBe(indexHtml);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
    // The print page the PDF export opens is a page of its own, not the app's.
    const printPage = await fetchApp(electron, 'app://loopdesk/print.html');
    expect(printPage.text).toBe(readFileSync(join(root, 'src/renderer/print.html'), 'utf8'));
    expect(printPage.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('refuses traversal, unknown hosts and missing assets', async () => {
    const { electron } = await mainStart();
    for (const url of [
      'app://loopdesk/..%2f..%2fpackage.json',
      'app://loopdesk/%2e%2e/%2e%2e/package.json',
      'app://loopdesk/..%5c..%5cpackage.json',
      'app://other-host/index.html',
      'app://loopdesk/assets/missing.js',
    ]) {
      const response = await fetchApp(electron, url);
      expect(response.status, url).toBe(404);
      expect(response.text).not.toContain('"name": "loopdesk"');
    }
  });
});

describe('IPC', () => {
  it('registers every invoke channel of the desktop API, and only those', async () => {
    const { electron } = await mainStart();
    expect([...electron.fake.ipcHandlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });

  it('refuses every channel from a frame that is not the app (each goes through ipcHandler)', async () => {
    const { electron } = await mainStart();
    for (const channel of invokeChannels) {
      await expect(electron.fake.invoke(channel, 'https://evil.example/'), channel).rejects.toThrow(/untrusted sender/);
    }
  });

  it('refuses malformed payloads before doing anything', async () => {
    const { electron } = await mainStart();
    await expect(electron.fake.invoke(desktopChannels.readBackup, appFrame, '../../etc/passwd')).rejects.toThrow(/invalid request/);
    await expect(electron.fake.invoke(desktopChannels.exportPdf, appFrame, { route: 'https://evil', fileName: 'x.pdf' })).rejects.toThrow(/invalid request/);
    await expect(electron.fake.invoke(desktopChannels.openExternal, appFrame, 42)).rejects.toThrow(/invalid request/);
  });

  it('opens only allow-listed links in the system browser', async () => {
    const { electron } = await mainStart();
    expect(await electron.fake.invoke(desktopChannels.openExternal, appFrame, 'https://github.com/x')).toBe(true);
    expect(await electron.fake.invoke(desktopChannels.openExternal, appFrame, 'https://evil.example/')).toBe(false);
    expect(electron.fake.opened).toEqual(['https://github.com/x']);
  });
});

describe('PDF export', () => {
  const request = { route: '#/print/report/c1?audience=committee', fileName: 'Ada - committee packet.pdf' };

  async function exportWith(page: FakePage, options: { fakeTimers?: boolean } = {}) {
    const { electron, win } = await mainStart();
    const target = join(tempDir(), 'report.pdf');
    electron.fake.state.saveDialog = { canceled: false, filePath: target };
    electron.fake.state.focused = win;
    electron.fake.state.page = page;
    if (options.fakeTimers) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = electron.fake.invoke(desktopChannels.exportPdf, appFrame, request) as Promise<PdfExportResult>;
    const hidden = () => electron.fake.windows[1];
    return { electron, pending, target, hidden };
  }

  it('saves the print route rendered on the print page and destroys the hidden window', async () => {
    const { pending, target, hidden, electron } = await exportWith({ kind: 'ready' });
    expect(await pending).toEqual({ ok: true, savedTo: target });
    expect(readFileSync(target, 'utf8')).toMatch(/^%PDF/);
    expect(hidden()!.options['show']).toBe(false);
    expect(hidden()!.visible).toBe(false);
    expect(hidden()!.webContents.url).toBe(`app://loopdesk/print.html${request.route}`);
    expect(hidden()!.isDestroyed()).toBe(true);
    expect(electron.fake.log).toContain('dialog.showSaveDialog:owned');
  });

  it('ends with the reason the print page gives when it cannot render the report', async () => {
    const { pending, target, hidden } = await exportWith({ kind: 'error', reason: 'the rubric pack of this candidate is not loaded' });
    expect(await pending).toEqual({
      ok: false,
      reason: 'failed',
      message: 'The PDF was not saved: the rubric pack of this candidate is not loaded.',
    });
    expect(existsSync(target)).toBe(false);
    expect(hidden()!.isDestroyed()).toBe(true);
    expect(hidden()!.webContents.pdfCount).toBe(0);
  });

  it('ends when the page fails to load', async () => {
    const { pending, hidden, electron } = await exportWith({ kind: 'fail-load', code: -6, description: 'ERR_FILE_NOT_FOUND' });
    expect(await pending).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('did not load (ERR_FILE_NOT_FOUND)') });
    expect(hidden()!.isDestroyed()).toBe(true);
    // The export's own message is the one the user sees: no second word from the hidden window.
    expect(electron.fake.log.filter((l) => l.startsWith('dialog.showErrorBox:'))).toEqual([]);
  });

  it('ends when the page renderer crashes', async () => {
    const { pending, hidden } = await exportWith({ kind: 'crash', reason: 'crashed' });
    expect(await pending).toMatchObject({ ok: false, message: expect.stringContaining('stopped before it finished (crashed)') });
    expect(hidden()!.isDestroyed()).toBe(true);
  });

  it('ends after 30 s when the page never says ready or error', async () => {
    const { pending, hidden } = await exportWith({ kind: 'preparing' }, { fakeTimers: true });
    let settled: PdfExportResult | undefined;
    void pending.then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(settled).toBeUndefined();
    expect(hidden()!.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(settled).toEqual({ ok: false, reason: 'failed', message: 'The PDF was not saved: the report did not finish rendering within 30 s.' });
    expect(hidden()!.isDestroyed()).toBe(true);
  });

  describe('a named export', () => {
    const named = { ...request, exportId: 'export-1' };
    const phasesSentTo = (win: FakeWindow) =>
      win.webContents.sent.filter((m) => m.channel === desktopChannels.onPdfExportProgress).map((m) => m.args[0]);

    async function namedExport(page: FakePage) {
      const { electron, win } = await mainStart();
      const folder = tempDir();
      const target = join(folder, 'packets.pdf');
      electron.fake.state.saveDialog = { canceled: false, filePath: target };
      electron.fake.state.focused = win;
      electron.fake.state.page = page;
      const pending = electron.fake.invoke(desktopChannels.exportPdf, appFrame, named) as Promise<PdfExportResult>;
      const cancel = () => electron.fake.invoke(desktopChannels.cancelPdfExport, appFrame, named.exportId);
      return { electron, win, folder, target, pending, cancel, hidden: () => electron.fake.windows[1] };
    }

    it('tells the app window each phase: rendering, printing, saving', async () => {
      const { win, pending, target } = await namedExport({ kind: 'ready' });
      expect(await pending).toEqual({ ok: true, savedTo: target });
      expect(phasesSentTo(win)).toEqual(['rendering', 'printing', 'saving'].map((phase) => ({ exportId: named.exportId, phase })));
    });

    it('cancelled while the page renders: ends at once as cancelled, destroys the hidden window, writes nothing', async () => {
      const { win, pending, cancel, hidden, folder } = await namedExport({ kind: 'preparing' });
      await vi.waitFor(() => expect(phasesSentTo(win)).toHaveLength(1));
      expect(hidden()!.isDestroyed()).toBe(false);
      await cancel();
      expect(await pending).toEqual({ ok: false, reason: 'cancelled', message: 'Export cancelled; no file was written.' });
      expect(hidden()!.isDestroyed()).toBe(true);
      expect(hidden()!.webContents.pdfCount).toBe(0);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('cancelled while printing: no PDF file, not even a partial one', async () => {
      let release: () => void = () => undefined;
      const { electron, win, pending, cancel, hidden, folder } = await namedExport({ kind: 'ready' });
      electron.fake.state.printHold = new Promise<void>((r) => (release = r));
      await vi.waitFor(() => expect(phasesSentTo(win).map((p) => (p as { phase: string }).phase)).toContain('printing'));
      await cancel();
      expect(await pending).toMatchObject({ ok: false, reason: 'cancelled' });
      expect(hidden()!.isDestroyed()).toBe(true);
      release();
      await new Promise((r) => setTimeout(r, 20));
      expect(readdirSync(folder)).toEqual([]);
    });

    it('a cancel for an export that has ended changes nothing', async () => {
      const { pending, cancel, target } = await namedExport({ kind: 'ready' });
      expect(await pending).toMatchObject({ ok: true });
      await cancel();
      expect(readFileSync(target, 'utf8')).toMatch(/^%PDF/);
    });
  });

  it('opens no window when the save dialog is cancelled', async () => {
    const { electron } = await mainStart();
    electron.fake.state.saveDialog = { canceled: true };
    expect(await electron.fake.invoke(desktopChannels.exportPdf, appFrame, request)).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(electron.fake.windows).toHaveLength(1);
  });
});

describe('backups through IPC', () => {
  it('writes into the data folder, lists newest first, reads back, and keeps only the newest days', async () => {
    const { electron } = await mainStart();
    vi.useFakeTimers({ toFake: ['Date'] });
    const day = 86_400_000;
    for (let i = 0; i < 4; i++) {
      vi.setSystemTime(Date.UTC(2026, 10, 1) + i * day);
      const { savedTo } = (await electron.fake.invoke(desktopChannels.writeBackup, appFrame, `{"day":${i}}`, 2)) as { savedTo: string };
      expect(savedTo).toBe(join(electron.fake.state.userData, 'backups', `loopdesk-backup-2026-11-0${i + 1}.loopdesk`));
    }
    const list = (await electron.fake.invoke(desktopChannels.listBackups, appFrame)) as Array<{ name: string }>;
    expect(list.map((b) => b.name)).toEqual(['loopdesk-backup-2026-11-04.loopdesk', 'loopdesk-backup-2026-11-03.loopdesk']);
    expect(await electron.fake.invoke(desktopChannels.readBackup, appFrame, 'loopdesk-backup-2026-11-03.loopdesk')).toBe('{"day":2}');
  });
});

describe('rubric packs', () => {
  const fixturePack = join(root, 'tests/fixtures/packs/frontend-engineer');

  it('loads the built-in packs and the user folder; bad entries become located issues while every other pack loads', async () => {
    // The folder is filled before start, so no change notice races the load asked for below.
    const { electron } = await mainStart((userData) => {
      const user = join(userData, 'rubrics');
      mkdirSync(user, { recursive: true });
      cpSync(fixturePack, join(user, 'frontend-engineer'), { recursive: true });
      mkdirSync(join(user, 'broken'));
      symlinkSync(join(user, 'nowhere.yaml'), join(user, 'broken/dangling.yaml'));
      mkdirSync(join(user, 'huge'));
      writeFileSync(join(user, 'huge/pack.yaml'), 'x'.repeat(RUBRIC_MAX_FILE_BYTES + 1));
    });

    const report = (await electron.fake.invoke(desktopChannels.loadRubrics, appFrame)) as RubricLoadReport;
    expect(report.packs.filter((p) => p.origin === 'built-in').length).toBeGreaterThan(0);
    expect(report.packs.filter((p) => p.origin === 'user').map((p) => p.manifest.id)).toEqual(['frontend-engineer']);
    const issueFor = (packDir: string) => report.errors.find((e) => e.packDir === packDir && e.origin === 'user')?.issues[0];
    expect(issueFor('broken')).toMatchObject({ file: 'broken/dangling.yaml', message: expect.stringMatching(/points to nothing/) });
    expect(issueFor('huge')).toMatchObject({ file: 'huge/pack.yaml', message: expect.stringMatching(/larger than 2 MiB/) });
  });

  it('reads the folders once per change and pushes the result to every window', async () => {
    const { electron, win } = await mainStart();
    const user = join(electron.fake.state.userData, 'rubrics');
    const before = (await electron.fake.invoke(desktopChannels.loadRubrics, appFrame)) as RubricLoadReport;
    // Asked again without a change: the same report, not another read.
    expect(await electron.fake.invoke(desktopChannels.loadRubrics, appFrame)).toBe(before);
    // Wait for the watcher to be in place (it starts once the user folder exists).
    await new Promise((r) => setTimeout(r, 100));

    cpSync(fixturePack, join(user, 'frontend-engineer'), { recursive: true });
    writeFileSync(join(user, 'frontend-engineer/notes.md'), 'saved twice');
    await vi.waitFor(() => expect(win.webContents.sent.length).toBeGreaterThan(0), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 600));
    expect(win.webContents.sent).toHaveLength(1);
    const [pushed] = win.webContents.sent;
    expect(pushed!.channel).toBe(desktopChannels.onRubricsChanged);
    const report = pushed!.args[0] as RubricLoadReport;
    expect(report.packs.map((p) => p.manifest.id)).toContain('frontend-engineer');
    expect(await electron.fake.invoke(desktopChannels.loadRubrics, appFrame)).toBe(report);
  });
});

describe('exchange folder and profile keys through IPC', () => {
  it('chooses a folder in the dialog owned by the asking window, then reads and writes only there; keys live encrypted in the data folder', async () => {
    const { electron, win } = await mainStart();
    const shared = tempDir();
    electron.fake.state.openDialog = { canceled: false, filePaths: [shared] };
    const profile = '6f1e2d3c-4b5a-4968-8776-655443322110';
    const name = 'sealed-3c1d7e20-aaaa-4bbb-8ccc-123456789abc-1.loopdesk';
    await expect(electron.fake.invoke(desktopChannels.listExchangeFolder, appFrame, shared)).rejects.toThrow(/not chosen in the folder dialog/);
    expect(await electron.fake.invokeFrom(win, desktopChannels.chooseExchangeFolder, appFrame)).toMatchObject({ path: shared });
    expect(electron.fake.log).toContain('dialog.showOpenDialog:owned');
    await electron.fake.invoke(desktopChannels.writeExchangeFile, appFrame, shared, profile, name, '{"a":1}');
    expect(readdirSync(join(shared, 'outbox', profile))).toEqual([name]);
    await expect(electron.fake.invoke(desktopChannels.writeExchangeFile, appFrame, shared, profile, '.x.partial', '{}')).rejects.toThrow(/invalid request/);
    const key = (await electron.fake.invoke(desktopChannels.ensureProfileKey, appFrame, profile)) as { ok: boolean; publicKey: string };
    expect(key).toMatchObject({ ok: true, publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readFileSync(join(electron.fake.state.userData, 'profile-keys', `${profile}.json`), 'utf8')).toContain('encryptedSecret');
    electron.fake.state.isEncryptionAvailable = false;
    expect(await electron.fake.invoke(desktopChannels.ensureProfileKey, appFrame, '7e7e7e7e-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      reason: 'the operating system key store is not available',
    });
  });
});
