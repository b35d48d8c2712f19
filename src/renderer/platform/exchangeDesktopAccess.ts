/**
 * The desktop side of the exchange seam: under Electron the exchange folder is chosen with the
 * native dialog and read, written and watched by main, and each profile's private key is kept by
 * main (encrypted with `safeStorage`), which signs on the renderer's behalf. Everything here goes
 * through the preload's `desktopApi`; in a browser there is none and the File System Access API and
 * WebCrypto keys are used instead (`exchangeFolderAccess.ts`, `db/actions/signingActions.ts`).
 */
import type { ExchangeListing } from '../../core/exchange/exchangeFolder';
import type { DesktopApi, ExchangeFileRead, ProfileKeyAnswer } from '../../shared/desktopApi';

/** A folder chosen in the desktop app's native dialog (storable as is in IndexedDB). */
export interface ExchangeDesktopFolder {
  kind: 'desktop';
  name: string;
  path: string;
}

/** The preload's bridge when running in the desktop app, else null. */
export function exchangeDesktopBridge(): DesktopApi | null {
  return typeof window !== 'undefined' && window.desktopApi ? window.desktopApi : null;
}

function bridge(): DesktopApi {
  const api = exchangeDesktopBridge();
  if (!api) throw new Error('this folder was chosen in the desktop app and can be used there only');
  return api;
}

export function exchangeDesktopIsFolder(value: unknown): value is ExchangeDesktopFolder {
  const v = value as Partial<ExchangeDesktopFolder> | null;
  return !!v && typeof v === 'object' && v.kind === 'desktop' && typeof v.path === 'string' && typeof v.name === 'string';
}

export async function exchangeDesktopPick(): Promise<ExchangeDesktopFolder | null> {
  const choice = await bridge().chooseExchangeFolder();
  return choice ? { kind: 'desktop', name: choice.name, path: choice.path } : null;
}

export function exchangeDesktopList(folder: ExchangeDesktopFolder): Promise<ExchangeListing[]> {
  return bridge().listExchangeFolder(folder.path);
}

export function exchangeDesktopRead(folder: ExchangeDesktopFolder, entry: { profileId: string; name: string }): Promise<ExchangeFileRead> {
  return bridge().readExchangeFile(folder.path, entry.profileId, entry.name);
}

export function exchangeDesktopWrite(folder: ExchangeDesktopFolder, profileId: string, name: string, text: string): Promise<void> {
  return bridge().writeExchangeFile(folder.path, profileId, name, text);
}

/** Main watches the folder for this window; `onChange` once per burst. Returns the function that stops it. */
export function exchangeDesktopWatch(folder: ExchangeDesktopFolder, onChange: () => void, onError: (error: unknown) => void): () => void {
  const api = bridge();
  const off = api.onExchangeFolderChanged(onChange);
  void api.watchExchangeFolder(folder.path).catch(onError);
  return () => {
    off();
    void api.watchExchangeFolder(null).catch(onError);
  };
}

/** Keeps profiles' private keys outside the renderer and signs for them. */
export interface ProfileKeyHost {
  ensure(profileId: string): Promise<ProfileKeyAnswer>;
  /** The signature (hex) over a bundle signing message for the profile's own key. */
  sign(profileId: string, message: string): Promise<string>;
}

/** The desktop key store, or null in a browser. */
export function exchangeDesktopKeyHost(): ProfileKeyHost | null {
  const api = exchangeDesktopBridge();
  return api ? { ensure: (id) => api.ensureProfileKey(id), sign: (id, message) => api.signAsProfile(id, message) } : null;
}
