/**
 * A bundle file read as a stream and parsed as it arrives (`bundleParseStream`): the CLI never
 * holds a backup's whole text. Read refusals (unreadable, over the cap, empty, not UTF-8) name the
 * file, as {@link cliReadText}'s do; the bundle's own refusals are `bundleParse`'s.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { BundleHasher } from '../core/bundle/bundleChecksum';
import { bundleParseStream, type BundleParseOptions } from '../core/bundle/bundleParse';
import type { BundleParseResult, BundleRejection } from '../core/bundle/bundleSchema';
import { bundleTextOfBytes, type BundleByteRefusal } from '../core/bundle/bundleStreamRead';
import { textForDisplay } from '../core/canonical/displayText';
import { cliReadErrorText } from './io';

/** The bundle's refusals, or the file's own (`isFileRefusal`, the message naming the file). */
export type CliBundleParse =
  | BundleParseResult
  | { ok: false; reason: BundleRejection | { code: 'unreadable'; message: string }; isFileRefusal: true };

const CHUNK_BYTES = 1 << 20;

/** Node's own SHA-256, fed as the canonical text is made: several times the JavaScript hash's speed. */
export function nodeSha256(): BundleHasher {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digest: () => Promise.resolve(hash.digest('hex')) };
}

/** The bytes of an open file, 1 MB at a time; the count so far in `read.bytes`. */
async function* fileBytes(handle: FileHandle, read: { bytes: number }): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = new Uint8Array(CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    read.bytes += bytesRead;
    yield chunk.subarray(0, bytesRead);
  }
}

/**
 * Reads and fully validates the bundle at `path` (at most `maxBytes` bytes, counted as they
 * arrive: `stat` says 0 for `/dev/zero` and pipes). Refusals of the file itself say
 * `<shownAs>: <reason>`; a file that cannot be read is `unreadable`.
 */
export async function cliBundleFileParse(
  path: string,
  { maxBytes, shownAs }: { maxBytes: number; shownAs?: string },
  options: BundleParseOptions = {},
): Promise<CliBundleParse> {
  const shown = textForDisplay(shownAs ?? path);
  const unreadable = (error: unknown): CliBundleParse => ({
    ok: false,
    reason: { code: 'unreadable', message: `${shown}: ${cliReadErrorText(error)}` },
    isFileRefusal: true,
  });
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return unreadable(error);
  }
  try {
    const refused: BundleByteRefusal = { refusal: null };
    const read = { bytes: 0 };
    const text = bundleTextOfBytes(fileBytes(handle, read), maxBytes, refused);
    const result = await bundleParseStream(text, { maxTextLength: maxBytes }, { hasher: nodeSha256, ...options });
    const fileRefusal = refused.refusal ?? (read.bytes === 0 ? emptyFile : null);
    if (fileRefusal && !fileRefusal.ok) {
      const message = `${shown}: ${fileRefusal.reason.message}`;
      return { ok: false, reason: { ...fileRefusal.reason, message }, isFileRefusal: true };
    }
    return result;
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

const emptyFile: BundleParseResult = { ok: false, reason: { code: 'not-json', message: 'the file is empty' } };
