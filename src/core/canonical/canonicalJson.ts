/**
 * JSON Canonicalization Scheme (RFC 8785, "JCS"): one byte-exact text per JSON value, so a
 * SHA-256 over it (audit chain, bundle checksum, record hashes) means the same thing on every
 * machine and in every release.
 *
 * - object keys sorted by UTF-16 code units (RFC 8785 §3.2.3), which is what the default
 *   `Array.prototype.sort` does for strings;
 * - no whitespace;
 * - numbers in the ECMAScript `Number.prototype.toString` form (§3.2.2.3), which is what
 *   `JSON.stringify` emits for a finite number (`-0` becomes `0`);
 * - strings escaped as `JSON.stringify` escapes them (§3.2.2.2).
 *
 * Rejected: NaN and ±Infinity (not JSON), `undefined` in arrays or at the top, functions,
 * symbols, bigints, class instances (Date, Map, …), cycles, and strings with lone surrogates
 * (RFC 8785 requires I-JSON, RFC 7493 §2.1; a lone surrogate would also be replaced by U+FFFD when
 * hashed as UTF-8, so two different strings would hash the same). An object property whose value
 * is `undefined` is left out, as `JSON.stringify` does.
 */

export interface CanonicalJsonIssue {
  /** Where the offending value sits, as a JSON path like `$.ratings[3].score`. */
  path: string;
  message: string;
}

export type CanonicalJsonResult = { ok: true; value: string } | { ok: false; issues: CanonicalJsonIssue[] };

/** Thrown by {@link canonicalJson} when handed a value that is not JSON data: a bug at the caller. */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(readonly issue: CanonicalJsonIssue) {
    super(`${issue.path}: ${issue.message}`);
  }
}

/** Nesting deeper than this is treated as a cycle or hostile input rather than data. */
const MAX_DEPTH = 1000;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

class Reject {
  constructor(
    readonly message: string,
    readonly path: (string | number)[] = [],
  ) {}
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === 'string' && ctor.name !== '' ? `a ${ctor.name}` : 'an object with a custom prototype';
  }
  return `a ${typeof value}`;
}

function encodeString(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new Reject('string contains a lone UTF-16 surrogate');
  return JSON.stringify(text);
}

function encode(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Reject(`${String(value)} is not a JSON number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new Reject(`nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw new Reject('undefined is not a JSON value', [i]);
          if (i > 0) out += ',';
          try {
            out += encode(item, depth + 1);
          } catch (error) {
            if (error instanceof Reject) error.path.unshift(i);
            throw error;
          }
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new Reject(`${describe(value)} is not a plain JSON object`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        try {
          const encodedKey = encodeString(key);
          out += (first ? '' : ',') + encodedKey + ':' + encode(item, depth + 1);
        } catch (error) {
          if (error instanceof Reject) error.path.unshift(key);
          throw error;
        }
        first = false;
      }
      return out + '}';
    }
    default:
      throw new Reject(`${describe(value)} is not a JSON value`);
  }
}

/**
 * The fast path: a walk proves the value is plain JSON data (JSON.stringify would otherwise turn
 * NaN into null or call toJSON) and collects its keys, then native JSON.stringify writes it.
 * - When every object's own keys already come in sorted order (anything parsed from canonical
 *   JSON, such as a bundle file), plain `JSON.stringify(value)` is canonical.
 * - Otherwise `JSON.stringify(value, sortedKeys)`: with a property list, every object's
 *   properties are written in the list's order (ECMA-262 SerializeJSONObject uses the list as
 *   K), so a sorted list of every key that occurs sorts them throughout. Taken only when the list
 *   is short (each object is serialized by looking up every listed key) and no object has an own
 *   `__proto__` key (looking that key up on other objects would reach Object.prototype).
 * Either way no rope of millions of pieces is built. A string with a lone surrogate sends the
 * value to the slow path, which names where it is: the walk finds it with `isWellFormed`, or, on
 * engines without it, a scan of the output finds it escaped as `\\udXXX`.
 */
const MAX_FAST_KEYS = 256;

interface KeyCollection {
  keys: Set<string>;
  isSorted: boolean;
}

/**
 * `String.prototype.isWellFormed` (ES2024) where the engine has it: whether a string has no lone
 * surrogate, at once for the common one-byte strings. With it, the walk checks the strings it
 * passes and the output needs no scan (a scan for `\\u` crawls through text full of escaped
 * quotes, such as a bundle's snapshots: seconds for a big import in Chromium).
 */
const isWellFormed: ((text: string) => boolean) | null =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : null;

function collectKeys(value: unknown, depth: number, into: KeyCollection): boolean {
  switch (typeof value) {
    case 'string':
      return isWellFormed === null || isWellFormed(value);
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined || !collectKeys(item, depth + 1, into)) return false;
        }
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      let previous: string | null = null;
      for (const key in record) {
        const item = record[key];
        if (item === undefined || (isWellFormed !== null && !isWellFormed(key))) return false;
        into.keys.add(key);
        if (previous !== null && !(previous < key)) into.isSorted = false;
        previous = key;
        if (!collectKeys(item, depth + 1, into)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** Whether JSON.stringify output holds an escaped lone surrogate (`\\udXXX` not preceded by `\\`). */
function hasEscapedSurrogate(json: string): boolean {
  let from = 0;
  for (;;) {
    const at = json.indexOf('\\u', from);
    if (at < 0) return false;
    from = at + 2;
    const digit = json.charCodeAt(at + 2) === 0x64 /* d */ ? json.charCodeAt(at + 3) : 0;
    if (!((digit >= 0x38 && digit <= 0x39) || (digit >= 0x61 && digit <= 0x66))) continue; // d8-df
    let backslashes = 0;
    for (let i = at - 1; i >= 0 && json.charCodeAt(i) === 0x5c; i--) backslashes++;
    if (backslashes % 2 === 0) return true;
  }
}

function encodeFast(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const collection: KeyCollection = { keys: new Set(), isSorted: true };
  if (!collectKeys(value, 0, collection)) return null;
  let json: string;
  if (collection.isSorted) json = JSON.stringify(value);
  else if (collection.keys.size <= MAX_FAST_KEYS && !collection.keys.has('__proto__')) {
    json = JSON.stringify(value, [...collection.keys].sort());
  } else return null;
  // Without isWellFormed the walk let lone surrogates through; JSON.stringify escapes them.
  return isWellFormed === null && hasEscapedSurrogate(json) ? null : json;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `$.a.b[3]["odd key"]`. */
export function canonicalJsonPath(path: readonly (string | number)[], root = '$'): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * RFC 8785 canonical JSON of `value`, or the first reason it is not JSON data. Use at edges where
 * the value comes from outside (a parsed file); {@link canonicalJson} where it is known data.
 */
export function canonicalJsonEncode(value: unknown): CanonicalJsonResult {
  if (value === undefined) return { ok: false, issues: [{ path: '$', message: 'undefined is not a JSON value' }] };
  try {
    const fast = encodeFast(value);
    return { ok: true, value: fast ?? encode(value, 0) };
  } catch (error) {
    if (error instanceof Reject) {
      return { ok: false, issues: [{ path: canonicalJsonPath(error.path), message: error.message }] };
    }
    if (error instanceof RangeError) {
      // The engine's own stack or string-length limit: still not something we can hash.
      return { ok: false, issues: [{ path: '$', message: `too large to canonicalize: ${error.message}` }] };
    }
    throw error;
  }
}

/**
 * RFC 8785 canonical JSON of `value`, for values the caller built itself (records, audit entries).
 * Throws {@link CanonicalJsonError} when `value` is not JSON data, which is a bug at the caller.
 */
export function canonicalJson(value: unknown): string {
  const result = canonicalJsonEncode(value);
  if (!result.ok) throw new CanonicalJsonError(result.issues[0]!);
  return result.value;
}

/**
 * {@link canonicalJson} of a plain object, written member by member: the same text, faster for
 * an object whose members hold records of many different shapes (a sealed snapshot: the interview,
 * its ratings, notes, …), where one sorted-key stringify of the whole would look every key up on
 * every record. Throws {@link CanonicalJsonError} like {@link canonicalJson}.
 */
export function canonicalJsonOfMembers(record: Readonly<Record<string, unknown>>): string {
  const proto: unknown = Object.getPrototypeOf(record);
  if (typeof record !== 'object' || record === null || Array.isArray(record) || (proto !== Object.prototype && proto !== null)) {
    return canonicalJson(record);
  }
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value === undefined) continue; // left out, as canonicalJson leaves it out
    let member: string;
    try {
      member = canonicalJson(value);
    } catch (error) {
      if (!(error instanceof CanonicalJsonError)) throw error;
      throw new CanonicalJsonError({
        path: canonicalJsonPath([key]) + error.issue.path.slice(1),
        message: error.issue.message,
      });
    }
    text += `${text === '{' ? '' : ','}${encodeString(key)}:${member}`;
  }
  return `${text}}`;
}
