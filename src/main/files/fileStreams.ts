/**
 * Large files in and out of the main process without blocking it or copying their content whole:
 * writes are streamed in chunks into a temp file beside the target and renamed into place only
 * once complete, so a failed or cancelled write leaves the previous file (or none) and no partial
 * one; reads are streamed and decoded chunk by chunk.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** UTF-16 units per chunk: each is encoded on its own, so no whole-file buffer ever exists. */
export const fileChunkChars = 1 << 20;

/** `text` in slices of about `size` units, never splitting a surrogate pair between two slices. */
export function* textChunks(text: string, size = fileChunkChars): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Writes `chunks` to `target` atomically. Rejects with the write's error (the abort error when
 * `signal` aborts); if the temp file cannot even be removed then, the error says where it is.
 */
export async function fileWriteAtomic(
  target: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  signal?: AbortSignal,
): Promise<void> {
  const temp = `${target}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temp, { flags: 'wx' }), signal ? { signal } : {});
    signal?.throwIfAborted();
    await rename(temp, target);
  } catch (error) {
    try {
      await rm(temp, { force: true });
    } catch (cleanup) {
      throw new Error(`${errorText(error)}; the partial file ${temp} could not be removed (${errorText(cleanup)})`, { cause: cleanup });
    }
    throw error;
  }
}

/** The text of a UTF-8 file, read in chunks; refused once it passes `maxChars` characters. */
export async function fileTextRead(path: string, maxChars: number): Promise<string> {
  let text = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    text += chunk;
    if (text.length > maxChars) throw new Error(`${path} is larger than ${maxChars.toLocaleString('en')} characters.`);
  }
  return text;
}
