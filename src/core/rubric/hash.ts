/**
 * The content hash that pins a rubric pack version: reports record it so a committee can tell
 * exactly which anchors and expectations a recommendation was made with.
 */
import { sha256Hex } from '../crypto/sha256';
import { rubricTextNormalize } from './yamlSource';

/**
 * SHA-256 (lower-case hex) over `files` sorted by path, each contributing `path NUL text NUL`.
 * Paths are relative to the pack folder (so renaming or moving the folder keeps the hash); text is
 * normalised first (byte-order mark dropped, CRLF and CR turned into LF), so a checkout on Windows
 * and one on Linux hash the same. Any change to a path or to the text changes the hash.
 */
export function rubricPackHash(files: ReadonlyArray<{ path: string; text: string }>): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256Hex(sorted.map((f) => `${f.path}\u0000${rubricTextNormalize(f.text)}\u0000`).join(''));
}
