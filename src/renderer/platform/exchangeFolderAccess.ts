/**
 * The exchange folder seam: the renderer's exchange code (`db/actions/exchangeActions.ts`) works
 * with an `ExchangeFolder`, which is either
 * - a folder handle of the File System Access API (a Chromium browser): picked, remembered in
 *   IndexedDB, permission asked again when the browser forgets it, listed and read here, and
 *   published by writing a temporary dot-name and renaming it; or
 * - a folder chosen in the desktop app's native dialog (`exchangeDesktopAccess.ts`): main lists,
 *   reads, writes (same temporary-name rule) and watches it.
 * Either way a sync tool never carries half a file.
 */
import {
  exchangeOutboxFolder,
  exchangeTempName,
  type ExchangeListing,
} from '../../core/exchange/exchangeFolder';
import { fileTextBounded, type FileTextRead } from './fileTextBounded';
import {
  exchangeDesktopBridge,
  exchangeDesktopIsFolder,
  exchangeDesktopList,
  exchangeDesktopPick,
  exchangeDesktopRead,
  exchangeDesktopWatch,
  exchangeDesktopWrite,
  type ExchangeDesktopFolder,
} from './exchangeDesktopAccess';

/** The subset of the File System Access API this module uses (lib.dom lacks some of it). */
export interface ExchangeFileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  move?(newName: string): Promise<void>;
}
export interface ExchangeDirectoryHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<ExchangeDirectoryHandle | ExchangeFileHandle>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<ExchangeDirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<ExchangeFileHandle>;
  removeEntry(name: string): Promise<void>;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

/** A folder the exchange works with: a File System Access handle, or one chosen in the desktop app. */
export type ExchangeFolder = ExchangeDirectoryHandle | ExchangeDesktopFolder;

type PickerWindow = Window & { showDirectoryPicker?: (options?: { id?: string; mode?: 'readwrite' }) => Promise<ExchangeDirectoryHandle> };

function isDesktop(folder: ExchangeFolder): folder is ExchangeDesktopFolder {
  return folder.kind === 'desktop';
}

/** A remembered value that is still a folder this renderer can use (or null). */
export function exchangeFolderOf(value: unknown): ExchangeFolder | null {
  if (exchangeDesktopIsFolder(value)) return value;
  const handle = value as ExchangeDirectoryHandle | null | undefined;
  return handle && typeof handle === 'object' && typeof handle.getDirectoryHandle === 'function' ? handle : null;
}

/** True where folders can be picked (the desktop app, Chromium). */
export function exchangeFolderIsSupported(): boolean {
  return exchangeDesktopBridge() !== null || typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** Asks the person for a folder (desktop: the native dialog, any folder); null when they cancel. */
export async function exchangeFolderPick(): Promise<ExchangeFolder | null> {
  if (exchangeDesktopBridge()) return exchangeDesktopPick();
  const picker = (window as PickerWindow).showDirectoryPicker;
  if (!picker) throw new Error('this browser cannot open folders; use Chromium or the desktop app');
  try {
    return await picker.call(window, { id: 'loopdesk-exchange', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** `granted`, or `prompt` when the browser wants the person to allow access again (needs a click). */
export async function exchangeFolderPermission(handle: ExchangeFolder, isAsking = false): Promise<PermissionState> {
  // The desktop app reads a folder chosen in its dialog with the person's own rights.
  if (isDesktop(handle)) return 'granted';
  const ask = isAsking ? handle.requestPermission : handle.queryPermission;
  return ask ? ask.call(handle, { mode: 'readwrite' }) : 'granted';
}

async function outboxRoot(folder: ExchangeDirectoryHandle, isCreating: boolean): Promise<ExchangeDirectoryHandle | null> {
  try {
    return await folder.getDirectoryHandle(exchangeOutboxFolder, { create: isCreating });
  } catch (error) {
    if (!isCreating && error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
}

/** Every file in every outbox (names only; the reader decides which to open). */
export async function exchangeFolderList(folder: ExchangeFolder): Promise<ExchangeListing[]> {
  if (isDesktop(folder)) return exchangeDesktopList(folder);
  const root = await outboxRoot(folder, false);
  if (!root) return [];
  const out: ExchangeListing[] = [];
  for await (const profileDir of root.values()) {
    if (profileDir.kind !== 'directory') continue;
    for await (const entry of profileDir.values()) {
      if (entry.kind !== 'file') continue;
      try {
        const file = await entry.getFile();
        out.push({ profileId: profileDir.name, name: entry.name, size: file.size, lastModified: file.lastModified });
      } catch {
        // Gone between listing and stat (a sync tool renaming): the next round sees it.
      }
    }
  }
  return out;
}

/** One file's text, UTF-8 and at most `maxBytes`. */
export async function exchangeFolderRead(
  folder: ExchangeFolder,
  entry: { profileId: string; name: string },
  maxBytes: number,
): Promise<FileTextRead> {
  // Main applies the same limit (EXCHANGE_FILE_MAX_BYTES), counted as it reads.
  if (isDesktop(folder)) return exchangeDesktopRead(folder, entry);
  const root = await outboxRoot(folder, false);
  if (!root) return { ok: false, code: 'not-text', message: 'the outbox folder is gone' };
  const dir = await root.getDirectoryHandle(entry.profileId);
  const file = await (await dir.getFileHandle(entry.name)).getFile();
  return fileTextBounded(file, maxBytes);
}

/**
 * Publishes `text` as `<folder>/outbox/<profileId>/<name>`: written in full under the temporary
 * name, then renamed. Where a handle cannot rename, the text goes straight to the final name
 * (Chromium's writable already writes to a side file and swaps it in on close).
 */
export async function exchangeFolderWrite(
  folder: ExchangeFolder,
  profileId: string,
  name: string,
  text: string,
): Promise<void> {
  if (isDesktop(folder)) return exchangeDesktopWrite(folder, profileId, name, text);
  const root = await outboxRoot(folder, true);
  const dir = await root!.getDirectoryHandle(profileId, { create: true });
  const temp = await dir.getFileHandle(exchangeTempName(name), { create: true });
  if (typeof temp.move !== 'function') {
    await dir.removeEntry(temp.name);
    await writeText(await dir.getFileHandle(name, { create: true }), text);
    return;
  }
  await writeText(temp, text);
  await temp.move(name);
}

async function writeText(handle: ExchangeFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}

/**
 * How often a round looks at the folder. The File System Access API cannot watch, so a browser
 * looks every 2 s (a sync tool takes seconds to deliver a file anyway); the desktop app is told of
 * changes by main's watcher and looks on its own only every 30 s, for file systems whose changes
 * are not reported (some network shares).
 */
export function exchangeFolderRoundMs(folder: ExchangeFolder): number {
  return isDesktop(folder) ? 30_000 : 2_000;
}

/** Calls `onChange` when the folder changes, where that can be known (desktop); returns the function that stops it. */
export function exchangeFolderWatch(folder: ExchangeFolder, onChange: () => void, onError: (error: unknown) => void): () => void {
  return isDesktop(folder) ? exchangeDesktopWatch(folder, onChange, onError) : () => undefined;
}
