/**
 * Reads a picked file as UTF-8 text with a byte cap counted as bytes arrive (a file's reported
 * size is only a hint), refusing empty files and bytes that are not UTF-8 with their offset,
 * rather than decoding them into replacement characters.
 */
import { utf8InvalidAt } from '../../core/canonical/utf8Check';
import { limitText } from '../../core/limits/inputLimits';

export type FileTextRead = { ok: true; text: string } | { ok: false; code: 'too-large' | 'not-text'; message: string };

export async function fileTextBounded(file: Blob, maxBytes: number): Promise<FileTextRead> {
  const tooLarge: FileTextRead = {
    ok: false,
    code: 'too-large',
    message: `the file is larger than the ${limitText(maxBytes)} limit`,
  };
  if (file.size > maxBytes) return tooLarge;
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  if (total === 0) return { ok: false, code: 'not-text', message: 'the file is empty' };
  const bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(total);
  if (chunks.length > 1) {
    let at = 0;
    for (const chunk of chunks.splice(0)) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
  }
  const invalidAt = utf8InvalidAt(bytes);
  if (invalidAt >= 0) return { ok: false, code: 'not-text', message: `not UTF-8 at byte ${invalidAt}` };
  // The byte-order mark is dropped by the decoder (its default), as bundleParse would.
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
