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
    return { ok: true, value: encode(value, 0) };
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
