/**
 * A fake of the part of Electron's main-process API that Loopdesk's main uses, faithful where it
 * matters to the contract: privileged schemes can only be registered before `ready`,
 * `protocol.handle` only after it; `whenReady()` resolves when the test says the app is ready;
 * windows load their URL asynchronously and their page behaves as the test scripts it (ready,
 * error, hang, failed load, crash); `executeJavaScript` really runs the script against the page's
 * `document.documentElement.dataset`; `destroy()` closes a window for good.
 *
 * Use with `vi.resetModules(); const electron = fakeElectronCreate(); vi.doMock('electron', () => electron)`
 * before importing main, so every start gets a fresh app and the test holds the same instance.
 */
import { EventEmitter } from 'node:events';
import { runInNewContext } from 'node:vm';

/** What the page loaded in a window does; the test sets it before the window loads. */
export type FakePage =
  | { kind: 'ready' }
  | { kind: 'error'; reason: string }
  | { kind: 'preparing' }
  | { kind: 'fail-load'; code: number; description: string }
  | { kind: 'crash'; reason: string };

type Handler = (event: { senderFrame: { url: string } | null; sender?: unknown }, ...args: unknown[]) => unknown;

export function fakeElectronCreate() {
  const log: string[] = [];
  const state = {
    isReady: false,
    hasInstanceLock: true,
    userData: '/tmp/loopdesk-fake-user-data',
    appPath: process.cwd(),
    page: { kind: 'ready' } as FakePage,
    saveDialog: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
    openDialog: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
    isEncryptionAvailable: true,
    focused: null as FakeBrowserWindow | null,
    /** No system browser: `shell.openExternal` rejects. */
    hasNoBrowser: false,
    /** While set, `printToPDF` waits for it: the test holds an export in its printing phase. */
    printHold: null as Promise<void> | null,
  };
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));

  class FakeApp extends EventEmitter {
    isPackaged = false;
    whenReady(): Promise<void> {
      return readyPromise;
    }
    isReady(): boolean {
      return state.isReady;
    }
    enableSandbox(): void {
      if (state.isReady) throw new Error('app.enableSandbox() must be called before the app is ready');
      log.push('app.enableSandbox');
    }
    requestSingleInstanceLock(): boolean {
      log.push('app.requestSingleInstanceLock');
      return state.hasInstanceLock;
    }
    quit(): void {
      log.push('app.quit');
    }
    exit(code = 0): void {
      log.push(`app.exit:${code}`);
    }
    getPath(name: string): string {
      if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
      return state.userData;
    }
    getAppPath(): string {
      return state.appPath;
    }
    getVersion(): string {
      return '0.0.0-test';
    }
  }
  const app = new FakeApp();

  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
      if (state.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      log.push(`protocol.registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`);
      registeredSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
      if (!state.isReady) throw new Error('protocol.handle must be called after the app is ready');
      log.push(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  };
  const registeredSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];

  const ipcHandlers = new Map<string, Handler>();
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      log.push(`ipcMain.handle:${channel}`);
      ipcHandlers.set(channel, handler);
    },
  };

  const permissionHandlers: {
    request?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (wc: unknown, permission: string) => boolean;
  } = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler(handler: NonNullable<typeof permissionHandlers.request>) {
        log.push('session.setPermissionRequestHandler');
        permissionHandlers.request = handler;
      },
      setPermissionCheckHandler(handler: NonNullable<typeof permissionHandlers.check>) {
        log.push('session.setPermissionCheckHandler');
        permissionHandlers.check = handler;
      },
    },
  };

  const opened: string[] = [];
  const shell = {
    async openExternal(url: string) {
      if (state.hasNoBrowser) throw new Error('No application found to open the URL');
      opened.push(url);
    },
  };
  const dialog = {
    showErrorBox(title: string, content: string) {
      log.push(`dialog.showErrorBox:${title}: ${content}`);
    },
    async showSaveDialog(...args: unknown[]) {
      log.push(`dialog.showSaveDialog:${args.length === 2 ? 'owned' : 'unowned'}`);
      return state.saveDialog;
    },
    async showOpenDialog(...args: unknown[]) {
      log.push(`dialog.showOpenDialog:${args.length === 2 ? 'owned' : 'unowned'}`);
      return state.openDialog;
    },
  };
  /** A reversible stand-in for the OS key store: enough to see that main never writes the plain text. */
  const safeStorage = {
    isAsyncEncryptionAvailable: async () => state.isEncryptionAvailable,
    encryptStringAsync: async (plain: string) => Buffer.from(`fake-os-box:${Buffer.from(plain).reverse().toString('base64')}`),
    decryptStringAsync: async (box: Buffer) => ({
      result: Buffer.from(box.toString().replace(/^fake-os-box:/, ''), 'base64').reverse().toString(),
      shouldReEncrypt: false,
    }),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };

  const windows: FakeBrowserWindow[] = [];

  let webContentsIds = 0;
  class FakeWebContents extends EventEmitter {
    readonly id = ++webContentsIds;
    readonly sent: Array<{ channel: string; args: unknown[] }> = [];
    readonly dataset: Record<string, string> = {};
    url = '';
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    pdfCount = 0;
    constructor(private readonly owner: FakeBrowserWindow) {
      super();
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      const page = state.page;
      // Like Electron, load events arrive after loadURL returns, and a failed load also rejects it.
      return new Promise<void>((resolve, reject) => setTimeout(() => {
        if (this.owner.isDestroyed()) return resolve();
        if (page.kind === 'fail-load') {
          // Electron's own listener, added by loadURL before anyone else's, rejects it first.
          reject(new Error(`${page.description} (${page.code}) loading '${url}'`));
          this.emit('did-fail-load', {}, page.code, page.description, url, true);
          return;
        }
        resolve();
        if (page.kind === 'ready') this.dataset['printReady'] = 'true';
        if (page.kind === 'error') this.dataset['printError'] = page.reason;
        this.emit('did-finish-load');
        this.owner.emit('ready-to-show');
        if (page.kind === 'crash') setTimeout(() => this.emit('render-process-gone', {}, { reason: page.reason, exitCode: 139 }), 0);
      }, 0));
    }
    executeJavaScript(code: string): Promise<unknown> {
      if (this.owner.isDestroyed()) return Promise.reject(new Error('Object has been destroyed'));
      // The fake page's state is set when it loads and never changes after: an observer never fires.
      const MutationObserver = class {
        observe(): void {}
        disconnect(): void {}
      };
      return Promise.resolve(runInNewContext(code, { document: { documentElement: { dataset: this.dataset } }, setTimeout, MutationObserver }));
    }
    async printToPDF(): Promise<Buffer> {
      if (this.owner.isDestroyed()) throw new Error('Object has been destroyed');
      if (state.printHold) await state.printHold;
      if (this.owner.isDestroyed()) throw new Error('Object has been destroyed');
      this.pdfCount += 1;
      return Buffer.from('%PDF-1.7 fake');
    }
    send(channel: string, ...args: unknown[]): void {
      this.sent.push({ channel, args });
    }
    isDestroyed(): boolean {
      return this.owner.isDestroyed();
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.isDestroyed());
    }
    static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return state.focused && !state.focused.isDestroyed() ? state.focused : null;
    }
    readonly webContents: FakeWebContents;
    private destroyed = false;
    minimized = false;
    visible = false;
    focusCount = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      if (!state.isReady) throw new Error('Cannot create BrowserWindow before app is ready');
      log.push('new BrowserWindow');
      this.webContents = new FakeWebContents(this);
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    focus(): void {
      this.focusCount += 1;
      state.focused = this;
    }
    show(): void {
      this.visible = true;
    }
  }

  return {
    app,
    protocol,
    ipcMain,
    session,
    shell,
    dialog,
    safeStorage,
    BrowserWindow: FakeBrowserWindow,
    /** Test-side controls and records; main never touches these. */
    fake: {
      log,
      state,
      windows,
      opened,
      registeredSchemes,
      protocolHandlers,
      ipcHandlers,
      permissionHandlers,
      /** Fires `ready` the way Electron does: the flag first, then the promise and the event. */
      ready(): void {
        state.isReady = true;
        log.push('app.ready');
        readyResolve();
        app.emit('ready');
      },
      /** Calls an IPC handler as a renderer frame at `senderUrl` would (in the first window, unless `from` says which). */
      invoke(channel: string, senderUrl: string, ...args: unknown[]): Promise<unknown> {
        return this.invokeFrom(windows[0], channel, senderUrl, ...args);
      },
      invokeFrom(from: FakeBrowserWindow | undefined, channel: string, senderUrl: string, ...args: unknown[]): Promise<unknown> {
        const handler = ipcHandlers.get(channel);
        if (!handler) throw new Error(`no handler for ${channel}`);
        return Promise.resolve().then(() => handler({ senderFrame: { url: senderUrl }, sender: from?.webContents }, ...args));
      },
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectronCreate>;
export type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;
