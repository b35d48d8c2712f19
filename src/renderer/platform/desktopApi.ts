/** The renderer's only door to its host: Electron's preload in desktop, the web implementation otherwise. */
import type { DesktopApi } from '../../shared/desktopApi';

declare global {
  interface Window {
    desktopApi?: DesktopApi;
  }
}

let api: Promise<DesktopApi> | undefined;

export function desktopApi(): Promise<DesktopApi> {
  if (!api) {
    if (__LOOPDESK_WEB__) api = import('./webDesktopApi').then((m) => m.webDesktopApi);
    else if (window.desktopApi) api = Promise.resolve(window.desktopApi);
    else api = Promise.reject(new Error('Loopdesk desktop bridge is missing: the preload script did not run.'));
  }
  return api;
}
