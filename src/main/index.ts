/**
 * Electron main: app lifecycle, the app:// protocol, hardened windows, and one register*Ipc per
 * area. Read top to bottom, this is the table of contents of the desktop host.
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveAppScheme } from './protocol';
import { createAppWindow, hardenSession, preloadPathFor, type WindowContext } from './windows';
import { isAppUrl } from './security';
import { registerAppIpc } from './ipc/registerAppIpc';
import { registerRubricIpc } from './ipc/registerRubricIpc';
import { registerReportIpc } from './ipc/registerReportIpc';
import { registerPresenterIpc } from './ipc/registerPresenterIpc';
import { registerBackupIpc } from './ipc/registerBackupIpc';
import { registerExchangeIpc } from './ipc/registerExchangeIpc';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const ctx: WindowContext = { preloadPath: preloadPathFor(mainDir), ...(devServerUrl ? { devServerUrl } : {}) };
const isTrustedSender = (url: string): boolean => isAppUrl(url, devServerUrl);

/** Another launch of Loopdesk brings the running one forward instead of opening a second copy. */
function focusMainWindow(): void {
  const [win] = BrowserWindow.getAllWindows();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

/** The native folder dialog for the exchange folder, owned by the window that asked. */
async function exchangeFolderDialog(sender: WebContents): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(sender);
  const options = { title: 'Exchange folder', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/** Start-up failed after `ready`: there is no window to say so in, so a dialog does; then quit. */
function startFailed(error: unknown): void {
  dialog.showErrorBox('Loopdesk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

function start(): void {
  hardenSession();
  serveAppScheme(join(mainDir, '../renderer'));
  const builtInRubrics = app.isPackaged ? join(process.resourcesPath, 'rubrics') : join(app.getAppPath(), 'rubrics');
  const userRubrics = join(app.getPath('userData'), 'rubrics');

  registerAppIpc(ipcMain, isTrustedSender, userRubrics);
  registerRubricIpc(ipcMain, isTrustedSender, { builtIn: builtInRubrics, user: userRubrics }, () => BrowserWindow.getAllWindows());
  registerReportIpc(ipcMain, isTrustedSender, ctx);
  registerPresenterIpc(ipcMain, isTrustedSender, ctx);
  registerBackupIpc(ipcMain, isTrustedSender, join(app.getPath('userData'), 'backups'));
  registerExchangeIpc(ipcMain, isTrustedSender, {
    dataDir: app.getPath('userData'),
    safeStorage: safeStorage ?? null,
    platform: process.platform,
    folderDialog: (sender) => exchangeFolderDialog(sender as WebContents),
  });

  createAppWindow(ctx);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createAppWindow(ctx);
  });
}

// Privileged schemes must be registered before `ready`; sandboxing applies to every renderer.
registerAppScheme();
app.enableSandbox();

// Electron's single-instance pattern: the second launch quits and does nothing else.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start).catch(startFailed);
}
