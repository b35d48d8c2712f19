/**
 * Electron hardening as data and pure functions, so unit tests can assert every option and
 * decision without an Electron runtime. `main/index.ts` applies them.
 */
import type { WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';

/** The renderer's origin: a custom standard + secure scheme gives IndexedDB a stable origin. */
export const appScheme = 'app';
export const appHost = 'loopdesk';
export const appOrigin = `${appScheme}://${appHost}`;

/** Privileges for `protocol.registerSchemesAsPrivileged` (must run before `app.ready`). */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  corsEnabled: false,
} as const;

/** Every BrowserWindow gets exactly these; the preload path is added per window. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

export function windowWebPreferences(preloadPath: string): WebPreferences {
  return { ...secureWebPreferences, preload: preloadPath };
}

/** The strict CSP sent with every app:// response; its one home is shared/contentSecurityPolicy.json. */
export { contentSecurityPolicy };

/** Hosts whose https links may open in the system browser. Everything else is refused. */
export const externalUrlAllowList: readonly string[] = ['github.com', 'sre.google', 'dora.dev'];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    externalUrlAllowList.includes(url.hostname)
  );
}

/** True for URLs of the app's own renderer (and the dev server when one is configured). */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${appScheme}:` && url.host === appHost) return true;
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * `will-navigate` / `will-redirect`: the app never navigates away from itself (it routes by hash).
 * Returns what to do; the caller calls `preventDefault()` and, for allowed links, `openExternal`.
 */
export function navigationDecision(
  targetUrl: string,
  devServerUrl?: string,
): 'allow' | 'deny' | 'open-external' {
  if (isAppUrl(targetUrl, devServerUrl)) return 'allow';
  return isAllowedExternalUrl(targetUrl) ? 'open-external' : 'deny';
}

/** `setWindowOpenHandler`: no new windows from the renderer; allow-listed links go to the browser. */
export function windowOpenDecision(targetUrl: string): { action: 'deny'; openExternal: boolean } {
  return { action: 'deny', openExternal: isAllowedExternalUrl(targetUrl) };
}

/** Permission requests (camera, notifications, geolocation, …): all denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/**
 * Maps an `app://loopdesk/<path>` request to a file under the renderer folder, or null when the
 * path escapes it. Unknown paths fall back to `index.html` (the app routes by hash).
 */
export function appRequestPath(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

const mimeTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
};

export function appMimeType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return mimeTypes[ext] ?? 'application/octet-stream';
}

/** Response headers for every app:// response. */
export function appResponseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': appMimeType(path),
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
