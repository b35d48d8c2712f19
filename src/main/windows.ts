/** Creates every window with the hardened preferences and the navigation/permission policy. */
import { BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { printPageFile } from '../shared/desktopApi';
import {
  appOrigin,
  navigationDecision,
  permissionDecision,
  windowOpenDecision,
  windowWebPreferences,
} from './security';

export interface WindowContext {
  preloadPath: string;
  /** electron-vite's dev server URL, when running `npm run dev`. */
  devServerUrl?: string;
}

/** The app's page for a route, or the print page (the print screen alone) for a print route. */
export function rendererUrl(ctx: WindowContext, hash = '#/today'): string {
  if (hash.startsWith('#/print/')) return `${new URL(printPageFile, ctx.devServerUrl ?? `${appOrigin}/`).href}${hash}`;
  return `${ctx.devServerUrl ?? `${appOrigin}/index.html`}${hash}`;
}

/** Session-wide denials; call once after `app.ready`. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
}

/** Opens an allow-listed link in the system browser; a link that does not open says why. */
function browserOpen(url: string): void {
  shell.openExternal(url).catch((error: unknown) =>
    dialog.showErrorBox('Loopdesk could not open the link', `${url}: ${error instanceof Error ? error.message : String(error)}`),
  );
}

export function createAppWindow(ctx: WindowContext, hash = '#/today', options: { show?: boolean; title?: string } = {}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: options.title ?? 'Loopdesk',
    backgroundColor: '#f7f7f5',
    webPreferences: windowWebPreferences(ctx.preloadPath),
  });
  const guard = (event: Electron.Event, url: string): void => {
    const decision = navigationDecision(url, ctx.devServerUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') browserOpen(url);
  };
  win.webContents.on('will-navigate', guard);
  win.webContents.on('will-redirect', guard);
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternal) browserOpen(url);
    return { action: decision.action };
  });
  if (options.show !== false) win.once('ready-to-show', () => win.show());
  const url = rendererUrl(ctx, hash);
  win.loadURL(url).catch((error: unknown) => {
    // A hidden print window's failed load ends its export with the reason (report/pdfExport.ts);
    // a window the user is to see would otherwise stay blank without a word.
    if (options.show === false || win.isDestroyed()) return;
    dialog.showErrorBox('Loopdesk could not show this screen', `${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return win;
}

export function preloadPathFor(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
