/**
 * The exchange folder on the desktop, read and written by main (docs/exchange.md): list every
 * outbox, read one finished file with its bytes counted as they arrive, publish one by writing its
 * temporary dot-name and renaming it, and watch the folder for changes, one notice per burst.
 *
 * Names follow `core/exchange/exchangeFolder.ts`: only finished outbox names are listed or read and
 * only those are written, so a renderer cannot reach any other file through these functions.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  exchangeIsProfileFolder,
  exchangeIsReadableName,
  exchangeOutboxFolder,
  exchangeTempName,
  type ExchangeListing,
} from '../../core/exchange/exchangeFolder';
import { utf8InvalidAt } from '../../core/canonical/utf8Check';
import { EXCHANGE_FILE_MAX_BYTES, limitText } from '../../core/limits/inputLimits';
import type { ExchangeFileRead } from '../../shared/desktopApi';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function namesCheck(profileId: string, name: string): void {
  if (!exchangeIsProfileFolder(profileId)) throw new Error(`"${profileId}" is not an outbox name`);
  if (!exchangeIsReadableName(name)) throw new Error(`"${name}" is not an exchange file name`);
}

/** Every finished file in every outbox of `root` (none when there is no outbox yet). */
export async function exchangeFolderListFiles(root: string): Promise<ExchangeListing[]> {
  const outbox = join(root, exchangeOutboxFolder);
  let profiles: string[];
  try {
    profiles = (await readdir(outbox, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const out: ExchangeListing[] = [];
  for (const profileId of profiles.filter(exchangeIsProfileFolder)) {
    let names: string[];
    try {
      names = await readdir(join(outbox, profileId));
    } catch {
      continue; // Gone between the two listings (a sync tool at work): the next round sees it.
    }
    for (const name of names.filter(exchangeIsReadableName)) {
      try {
        const info = await stat(join(outbox, profileId, name));
        if (info.isFile()) out.push({ profileId, name, size: info.size, lastModified: Math.floor(info.mtimeMs) });
      } catch {
        // Renamed or removed since the listing.
      }
    }
  }
  return out;
}

/**
 * One finished file's text: UTF-8, not empty, at most `maxBytes` counted as they are read (a
 * reported size is only a hint: a sync tool may still be appending).
 */
export async function exchangeFolderReadFile(
  root: string,
  profileId: string,
  name: string,
  maxBytes = EXCHANGE_FILE_MAX_BYTES,
): Promise<ExchangeFileRead> {
  namesCheck(profileId, name);
  const tooLarge: ExchangeFileRead = { ok: false, code: 'too-large', message: `the file is larger than the ${limitText(maxBytes)} limit` };
  let handle;
  try {
    handle = await open(join(root, exchangeOutboxFolder, profileId, name), 'r');
  } catch (error) {
    return { ok: false, code: 'not-text', message: `could not be read (${errorCode(error) ?? String(error)})` };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) return tooLarge;
      chunks.push(chunk);
    }
  } finally {
    await handle.close();
  }
  if (total === 0) return { ok: false, code: 'not-text', message: 'the file is empty' };
  const bytes = new Uint8Array(Buffer.concat(chunks, total));
  const invalidAt = utf8InvalidAt(bytes);
  if (invalidAt >= 0) return { ok: false, code: 'not-text', message: `not UTF-8 at byte ${invalidAt}` };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

/**
 * Publishes `text` as `<root>/outbox/<profileId>/<name>`: written in full under the temporary
 * dot-name (which readers skip), then renamed, so a sync tool never carries half a file.
 */
export async function exchangeFolderWriteFile(root: string, profileId: string, name: string, text: string): Promise<void> {
  namesCheck(profileId, name);
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > EXCHANGE_FILE_MAX_BYTES)
    throw new Error(`${name} is larger than the ${limitText(EXCHANGE_FILE_MAX_BYTES)} limit of the exchange folder`);
  const dir = join(root, exchangeOutboxFolder, profileId);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, exchangeTempName(name));
  try {
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, join(dir, name));
  } catch (error) {
    try {
      await rm(temp, { force: true });
    } catch (cleanup) {
      throw new Error(`${errorCode(error) ?? String(error)}; the partial file ${temp} could not be removed (${errorCode(cleanup) ?? String(cleanup)})`, { cause: cleanup });
    }
    throw error;
  }
}

/** A sync tool delivers a file in a burst of events (temp name, writes, rename): one notice after it settles. */
export const exchangeWatchDebounceMs = 300;

/**
 * Calls `onChange` once per burst of changes under `root` (temporary dot-names alone do not count:
 * their rename to a finished name does). Returns the function that stops watching. Where the file
 * system cannot be watched (some network shares), `onError` says so; the renderer's slow round
 * still finds new files.
 */
export function exchangeFolderWatch(
  root: string,
  onChange: () => void,
  onError: (error: Error) => void,
  debounceMs = exchangeWatchDebounceMs,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const stop = () => {
    clearTimeout(timer);
    watcher?.close();
    watcher = undefined;
  };
  try {
    watcher = watch(root, { recursive: true }, (_event, file) => {
      if (file && basename(file.toString()).startsWith('.')) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', (error) => {
      stop();
      onError(error);
    });
  } catch (error) {
    stop();
    onError(error instanceof Error ? error : new Error(String(error)));
  }
  return stop;
}
