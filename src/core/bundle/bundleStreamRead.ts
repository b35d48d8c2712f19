/**
 * Reading a bundle's JSON as it arrives, chunk by chunk, without ever holding the whole text: a
 * 350 MB bundle decodes to 700 MB of two-byte text, more than the import's whole memory budget.
 *
 * The scanner tracks strings (escapes included, across chunk boundaries) and brackets. Each
 * `content.<table>` array is cut out of the text and each record parsed on its own as it completes
 * (a record inside one chunk is parsed from a slice of it, without a copy); everything else (format, manifest, signature: small) is kept as text, with each cut
 * array left as `[]`, and parsed at the end. The cut arrays are then put back where
 * `JSON.parse(wholeText)` would have them (the last of duplicate keys wins, in the first one's
 * place), so the value is the one the text path builds, and the same validation follows.
 *
 * Refusals mirror the text path's step 1: the size cap and the nesting-depth scan (both
 * `too-large`, reported as soon as crossed; the depth counted exactly as `jsonDepthScan` counts
 * it), then JSON syntax (`not-json`, reported at the end, since a later depth refusal comes first
 * on the text path too).
 */
import { utf8InvalidAt } from '../canonical/utf8Check';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../canonical/jsonDepth';
import { limitText } from '../limits/inputLimits';
import type { BundleLimits, BundleParseResult } from './bundleSchema';

/** The document `JSON.parse` of the whole text would give, or the refusal the text path gives. */
export type BundleStreamRead = { ok: true; value: unknown } | { ok: false; result: BundleParseResult };

export interface BundleTextScanner {
  /** Takes the next piece of decoded text; a `too-large` refusal once the text crosses a limit. */
  push(chunk: string): BundleParseResult | null;
  /** The document, once all the text is in. */
  end(): BundleStreamRead;
}

/** What a bracket on the scanner's stack opened: where it sits decides what is cut. */
const Frame = { Object: 0, Array: 1, Root: 2, Content: 3, Table: 4 } as const;
type Frame = (typeof Frame)[keyof typeof Frame];

function refuse(code: 'not-json' | 'too-large', message: string): BundleParseResult {
  return { ok: false, reason: { code, message } };
}

function notJsonAt(offset: number): string {
  return `not valid JSON at character ${offset}; the file is damaged or not a bundle`;
}

/** The position `JSON.parse` names in its error, if it names one. */
function errorPosition(error: unknown): number | null {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  return position === undefined ? null : Number(position);
}

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** A scanner for one bundle text. */
export function bundleTextScanner(limits: BundleLimits): BundleTextScanner {
  let total = 0; // characters pushed, byte-order mark included (the text path's size check)
  let offset = 0; // characters before the current chunk, byte-order mark excluded
  let isFirst = true;
  let hasContent = false; // anything but JSON whitespace seen
  let depth = 0; // as jsonDepthScan counts it
  const maxDepth = limits.maxDepth + 1;
  let tooLarge: BundleParseResult | null = null;

  let inString = false;
  let isEscapePending = false; // the previous chunk ended inside a string on an unpaired backslash

  // Structure, kept until the first syntax error (after which only depth and size are watched).
  let syntaxError: string | null = null;
  const stack: Frame[] = [];
  let isRootClosed = false;
  let skeleton: string[] = [];
  let skeletonLength = 0;
  /** Where arrays were cut: the skeleton's length at the cut and the characters cut so far. */
  const cuts: { at: number; removed: number }[] = [];
  let removed = 0;

  // Keys of the root object and of `content` are collected (whole, escapes and all) to be decoded.
  let isKeyExpected = false;
  let keyPieces: string[] | null = null;
  let lastKey: string | null = null;
  let rootKey: string | null = null;
  /** The arrays cut out of the last `content` object, by table, in the last duplicate's value. */
  let contentArrays: Map<string, unknown[]> | null = null;

  // The table being cut, and the text of its current record from earlier chunks.
  let table: unknown[] | null = null;
  let recordPieces: string[] = [];
  let recordStart = 0;
  let isFirstRecord = true;
  let hasRecordText = false; // anything but whitespace since the table's "[" (read before its first ",")
  let tableStart = 0;

  function fail(message: string): void {
    if (syntaxError !== null) return;
    syntaxError = message;
    stack.length = 0;
    skeleton = [];
    recordPieces = [];
    table = null;
    contentArrays = null;
    keyPieces = null;
  }

  function decodeKey(raw: string): string | null {
    try {
      const key: unknown = JSON.parse(raw);
      return typeof key === 'string' ? key : null;
    } catch {
      return null;
    }
  }

  function addSkeleton(text: string): void {
    if (text.length === 0) return;
    skeleton.push(text);
    skeletonLength += text.length;
  }

  /** The record ending at `s[end]` (a comma or the table's "]"), parsed into the table. */
  function addRecord(s: string, mark: number, end: number): void {
    const text = recordPieces.length === 0 ? s.slice(mark, end) : recordPieces.join('') + s.slice(mark, end);
    recordPieces = [];
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      fail(notJsonAt(recordStart + (errorPosition(error) ?? 0)));
      return;
    }
    table!.push(record);
    isFirstRecord = false;
  }

  /** Scans a string's inside from `from`; the index after its closing quote, or `s.length`. */
  function scanString(s: string, from: number): number {
    let i = from;
    if (isEscapePending) {
      isEscapePending = false;
      i++;
    }
    for (;;) {
      const quote = s.indexOf('"', i);
      if (quote < 0) {
        let run = 0;
        for (let k = s.length - 1; k >= i && s.charCodeAt(k) === BACKSLASH; k--) run++;
        isEscapePending = run % 2 === 1;
        if (keyPieces) keyPieces.push(s.slice(from));
        return s.length;
      }
      let run = 0;
      for (let k = quote - 1; k >= i && s.charCodeAt(k) === BACKSLASH; k--) run++;
      if (run % 2 === 0) {
        inString = false;
        if (keyPieces) {
          keyPieces.push(s.slice(from, quote + 1));
          lastKey = decodeKey(keyPieces.join(''));
          keyPieces = null;
        }
        return quote + 1;
      }
      i = quote + 1;
    }
  }

  function scan(s: string): void {
    const n = s.length;
    let mark = 0; // start of the text of `s` not yet kept (in the skeleton or the current record)
    let i = 0;
    if (inString) i = scanString(s, 0);
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        hasContent = true;
        hasRecordText = true;
        inString = true;
        const top = stack[stack.length - 1];
        if (isKeyExpected && syntaxError === null && (top === Frame.Root || top === Frame.Content)) {
          keyPieces = ['"'];
          isKeyExpected = false;
          i = scanString(s, i + 1);
          continue;
        }
        i = scanString(s, i + 1);
        continue;
      }
      if (c <= 0x20 && isJsonWhitespace(c)) {
        i++;
        continue;
      }
      hasContent = true;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        hasRecordText = true; // a table's own "[" resets it in open()
        if (++depth > maxDepth) {
          tooLarge = refuse('too-large', `nested deeper than ${limits.maxDepth} levels (at character ${offset + i})`);
          return;
        }
        if (syntaxError === null) {
          if (isRootClosed) fail(notJsonAt(offset + i));
          else if (open(c, s, i, mark)) mark = i + 1;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth > 0) depth--;
        if (syntaxError === null) {
          const top = stack[stack.length - 1];
          if (top === undefined || (c === CLOSE_BRACE) !== isObjectFrame(top)) fail(notJsonAt(offset + i));
          else if (top === Frame.Table) {
            // "[ ]" holds no record; "[1,]" ends on an empty one, which JSON.parse refuses.
            if (!isFirstRecord || hasRecordText) addRecord(s, mark, i);
            mark = i;
            closeTable(offset + i);
          } else {
            stack.pop();
            if (stack.length === 0) isRootClosed = true;
            isKeyExpected = false;
          }
        }
      } else if (syntaxError === null) {
        hasRecordText = true;
        const top = stack[stack.length - 1];
        if (isRootClosed) fail(notJsonAt(offset + i));
        else if (c === COMMA) {
          if (top === Frame.Table) {
            addRecord(s, mark, i);
            mark = i + 1;
            recordStart = offset + i + 1;
          } else if (top === Frame.Root || top === Frame.Content) isKeyExpected = true;
        } else if (c === COLON) {
          if (top === Frame.Root) {
            rootKey = lastKey;
            if (rootKey === 'content') contentArrays = null;
          } else if (top === Frame.Content && lastKey !== null) contentArrays?.delete(lastKey);
        }
      }
      i++;
    }
    if (syntaxError !== null) return;
    if (table) {
      if (mark < n) recordPieces.push(s.slice(mark));
    } else addSkeleton(s.slice(mark));
  }

  function isObjectFrame(frame: Frame): boolean {
    return frame === Frame.Object || frame === Frame.Root || frame === Frame.Content;
  }

  /** A bracket opens at `s[i]`; true when it starts a table (its text up to `i` kept). */
  function open(c: number, s: string, i: number, mark: number): boolean {
    const top = stack[stack.length - 1];
    if (c === OPEN_BRACE) {
      if (top === undefined) {
        stack.push(Frame.Root);
        isKeyExpected = true;
      } else if (top === Frame.Root && rootKey === 'content') {
        stack.push(Frame.Content);
        contentArrays = new Map();
        isKeyExpected = true;
      } else stack.push(Frame.Object);
      return false;
    }
    if (top === Frame.Content && lastKey !== null && contentArrays) {
      addSkeleton(s.slice(mark, i + 1));
      stack.push(Frame.Table);
      table = [];
      contentArrays.set(lastKey, table);
      recordStart = offset + i + 1;
      tableStart = recordStart;
      isFirstRecord = true;
      hasRecordText = false;
      return true;
    }
    stack.push(Frame.Array);
    return false;
  }

  /** The table's closing bracket at `at`: its last records parsed, the skeleton resumed. */
  function closeTable(at: number): void {
    if (syntaxError !== null) return;
    removed += at - tableStart;
    cuts.push({ at: skeletonLength, removed });
    table = null;
    stack.pop();
    isKeyExpected = false;
  }

  /** Where in the whole text a position in the skeleton was. */
  function wholeOffset(skeletonOffset: number): number {
    let shift = 0;
    for (const cut of cuts) {
      if (cut.at > skeletonOffset) break;
      shift = cut.removed;
    }
    return skeletonOffset + shift;
  }

  function push(chunk: string): BundleParseResult | null {
    if (tooLarge) return tooLarge;
    total += chunk.length;
    if (total > limits.maxTextLength) {
      tooLarge = refuse(
        'too-large',
        `the file is larger than the ${limitText(limits.maxTextLength)} limit (more than ${limits.maxTextLength} characters)`,
      );
      return tooLarge;
    }
    let s = chunk;
    if (isFirst && s.length > 0) {
      isFirst = false;
      // A byte-order mark some editors add is not part of the JSON (RFC 8259 §8.1).
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    scan(s);
    offset += s.length;
    return tooLarge;
  }

  function end(): BundleStreamRead {
    if (tooLarge) return { ok: false, result: tooLarge };
    if (!hasContent) return { ok: false, result: refuse('not-json', 'the file is empty') };
    if (syntaxError !== null) return { ok: false, result: refuse('not-json', syntaxError) };
    if (inString || stack.length > 0) {
      return {
        ok: false,
        result: refuse(
          'not-json',
          `the JSON ends early (after ${offset} characters); the file is truncated or not a bundle`,
        ),
      };
    }
    const text = skeleton.join('');
    skeleton = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Engines that give no position: a bundle starts with "{", so name the first character that is
      // not (as the text path does).
      const start = text.search(/\S/);
      const position = errorPosition(error) ?? (start >= 0 && text[start] !== '{' ? start : null);
      return {
        ok: false,
        result: refuse(
          'not-json',
          position === null ? 'not valid JSON; the file is damaged or not a bundle' : notJsonAt(wholeOffset(position)),
        ),
      };
    }
    restoreTables(value);
    return { ok: true, value };
  }

  /** Puts the cut arrays back in the last `content` object, where `JSON.parse` left `[]`. */
  function restoreTables(value: unknown): void {
    if (!contentArrays || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const content = (value as Record<string, unknown>).content;
    if (typeof content !== 'object' || content === null || Array.isArray(content)) return;
    for (const [key, records] of contentArrays) {
      // defineProperty: the key may be "__proto__", an own property after JSON.parse.
      Object.defineProperty(content, key, { value: records, writable: true, enumerable: true, configurable: true });
    }
  }

  return { push, end };
}

/**
 * Reads the decoded text of a bundle from `chunks` into the document it holds (see the module
 * comment). Stops reading at the first `too-large` refusal.
 */
export async function bundleStreamRead(chunks: AsyncIterable<string>, limits: BundleLimits): Promise<BundleStreamRead> {
  const scanner = bundleTextScanner(limits);
  for await (const chunk of chunks) {
    const refused = scanner.push(chunk);
    if (refused) return { ok: false, result: refused };
  }
  return scanner.end();
}

interface Utf8Decoder {
  decode(bytes?: Uint8Array, options?: { stream: boolean }): string;
}

/** A refusal met while reading bytes; the reader stops and its text ends there. */
export interface BundleByteRefusal {
  refusal: BundleParseResult | null;
}

/**
 * The UTF-8 text of `bytes` as it arrives (a character split between chunks is kept for the next
 * one), refusing more than `maxBytes` bytes (counted as they arrive: a reported size is only a hint)
 * and bytes that are not UTF-8, rather than decoding them into replacement characters. On a refusal
 * the text stops and `refused.refusal` says why. A leading byte-order mark is dropped.
 */
export async function* bundleTextOfBytes(
  bytes: AsyncIterable<Uint8Array>,
  maxBytes: number,
  refused: BundleByteRefusal,
): AsyncGenerator<string> {
  // Core is built without the DOM library: the decoder, as far as used (browsers, workers, Node).
  const Decoder = (globalThis as { TextDecoder?: new (label: string, options: { fatal: boolean }) => Utf8Decoder })
    .TextDecoder;
  if (!Decoder) throw new Error('no TextDecoder on this platform');
  const decoder = new Decoder('utf-8', { fatal: true });
  let total = 0;
  for await (const chunk of bytes) {
    const before = total;
    total += chunk.length;
    if (total > maxBytes) {
      refused.refusal = refuse('too-large', `the file is larger than the ${limitText(maxBytes)} limit`);
      return;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      refused.refusal = refuse('not-json', `not UTF-8 at byte ${before + Math.max(0, utf8InvalidAt(chunk))}`);
      return;
    }
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    refused.refusal = refuse('not-json', `not UTF-8 at byte ${total}: the file ends inside a character`);
    return;
  }
  if (rest.length > 0) yield rest;
}
