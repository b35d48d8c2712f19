/**
 * A nesting-depth check that runs over JSON text *before* `JSON.parse`: a 150 MB file of `[`
 * parses into 150 million nested arrays (gigabytes) before any walk over the result could refuse
 * it. One pass, no allocation; brackets inside strings are skipped (escapes included), so the
 * count is the depth the parser would reach.
 */

export type JsonDepthScan = { ok: true } | { ok: false; offset: number; depth: number };

/** JSON's structural characters, as UTF-16 code units (for scanners over JSON text). */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACE = 0x7d;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

/**
 * Whether `text` nests arrays/objects more than `maxDepth` deep (the document's own brackets are
 * depth 1). On refusal, `offset` is the UTF-16 index of the first bracket past the limit. Text that
 * is not JSON is not judged here: the parser reports it.
 */
export function jsonDepthScan(text: string, maxDepth: number): JsonDepthScan {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the quote that ends the string (the engine's indexOf, not a loop per character):
      // the first one after an even run of backslashes, which escape in pairs.
      let end = text.indexOf('"', i + 1);
      while (end >= 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return { ok: true };
      i = end;
      continue;
    }
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return { ok: false, offset: i, depth };
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return { ok: true };
}

/** Whether the quote at `at` follows an odd run of backslashes (inside a string: escaped). */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}
