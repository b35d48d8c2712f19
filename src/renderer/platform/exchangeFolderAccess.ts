/**
 * The exchange folder through the File System Access API (a Chromium browser, and the same renderer
 * in Electron): pick a folder, remember it in IndexedDB, ask again for permission when the browser
 * forgets it, list every outbox, read a file, and publish one by writing a temporary dot-name and
 * renaming it, so a sync tool never carries half a file.
 */
import {
  exchangeOutboxFolder,
  exchangeTempName,
  type ExchangeListing,
} from '../../core/exchange/exchangeFolder';
import { fileTextBounded, type FileTextRead } from './fileTextBounded';

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

type PickerWindow = Window & { showDirectoryPicker?: (options?: { id?: string; mode?: 'readwrite' }) => Promise<ExchangeDirectoryHandle> };

/** True where folders can be picked (Chromium, Electron). */
export function exchangeFolderIsSupported(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** Asks the person for a folder; null when they cancel. */
export async function exchangeFolderPick(): Promise<ExchangeDirectoryHandle | null> {
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
export async function exchangeFolderPermission(handle: ExchangeDirectoryHandle, isAsking = false): Promise<PermissionState> {
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
export async function exchangeFolderList(folder: ExchangeDirectoryHandle): Promise<ExchangeListing[]> {
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
  folder: ExchangeDirectoryHandle,
  entry: { profileId: string; name: string },
  maxBytes: number,
): Promise<FileTextRead> {
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
  folder: ExchangeDirectoryHandle,
  profileId: string,
  name: string,
  text: string,
): Promise<void> {
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
