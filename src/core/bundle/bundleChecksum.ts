/**
 * The content checksum, `sha256Hex(canonicalJson(content))`, computed record by record: the
 * canonical text of 100 MB of content is never held as one string, and the hash is fed in 1 MB
 * pieces, which keeps a big import's peak memory down by several hundred MB.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CanonicalJsonError, canonicalJsonEncode, type CanonicalJsonIssue } from '../canonical/canonicalJson';
import { bundleTables, type BundleTable } from './bundleSchema';

/** Content keys in canonical (UTF-16 code unit) order. */
const canonicalTableOrder: readonly BundleTable[] = [...bundleTables].sort();

const CHUNK = 1 << 20;
/** Records encoded together; small enough that a batch's text stays well under CHUNK × 4. */
const BATCH = 512;

/** The first record of `records[start, end)` that is not JSON data, with where inside it. */
function firstIssue(table: BundleTable, records: readonly unknown[], start: number, end: number): CanonicalJsonIssue {
  for (let i = start; i < end; i++) {
    const encoded = canonicalJsonEncode(records[i]);
    if (!encoded.ok) {
      const issue = encoded.issues[0]!;
      return { path: `content.${table}[${i}]${issue.path.slice(1)}`, message: issue.message };
    }
  }
  // A list fails only through an item (or through size, which one record alone then shows too).
  return { path: `content.${table}[${start}]`, message: 'could not be encoded' };
}

/**
 * The checksum of `content`, whose keys must be exactly the bundle tables, each an array (the
 * caller has checked). Fails with the location of the first value that is not JSON data.
 */
export function bundleChecksumOf(
  content: Readonly<Record<BundleTable, readonly unknown[]>>,
): { ok: true; value: string } | { ok: false; issue: CanonicalJsonIssue } {
  const hasher = sha256.create();
  const encoded = bundleCanonicalPieces(content, (text) => hasher.update(utf8ToBytes(text)));
  if (!encoded.ok) return encoded;
  return { ok: true, value: bytesToHex(hasher.digest()) };
}

/** The canonical text of `content`, handed to `write` in pieces of about CHUNK characters. */
function bundleCanonicalPieces(
  content: Readonly<Record<BundleTable, readonly unknown[]>>,
  write: (text: string) => void,
): { ok: true } | { ok: false; issue: CanonicalJsonIssue } {
  let pending = '{';
  for (let t = 0; t < canonicalTableOrder.length; t++) {
    const table = canonicalTableOrder[t]!;
    pending += `${t === 0 ? '' : ','}"${table}":[`;
    const records = content[table];
    for (let start = 0; start < records.length; start += BATCH) {
      // The canonical text of a list is its items' texts joined by commas, so a batch is encoded
      // as one list (one walk and one JSON.stringify instead of one per record) and unwrapped.
      const end = Math.min(records.length, start + BATCH);
      const encoded = canonicalJsonEncode(start === 0 && end === records.length ? records : records.slice(start, end));
      if (!encoded.ok) return { ok: false, issue: firstIssue(table, records, start, end) };
      if (start > 0) pending += ',';
      pending += encoded.value.slice(1, -1);
      if (pending.length >= CHUNK) {
        write(pending);
        pending = '';
      }
    }
    pending += ']';
  }
  pending += '}';
  write(pending);
  return { ok: true };
}

interface WebTextEncoder {
  encode(text: string): Uint8Array;
}
function webTextEncoder(): WebTextEncoder | null {
  const Encoder = (globalThis as { TextEncoder?: new () => WebTextEncoder }).TextEncoder;
  return Encoder ? new Encoder() : null;
}

/**
 * A SHA-256 fed piece by piece, kept by the caller's platform: Node's native hash in the CLI, a
 * worker of its own in the app (the hash runs beside the rest of the checks). `digest` gives
 * lower-case hex.
 */
export interface BundleHasher {
  /** Takes the next piece; the hasher may keep (or transfer) the array. */
  update(bytes: Uint8Array): void;
  digest(): Promise<string>;
}

/**
 * The canonical text of `content` handed to `hasher` as UTF-8 in pieces of about 1 MB as it is
 * made (no file-sized buffer), returning at once with the digest still to come, so the caller can
 * go on checking meanwhile. Fails (without a digest) at the first value that is not JSON data.
 */
export function bundleChecksumFeed(
  content: Readonly<Record<BundleTable, readonly unknown[]>>,
  hasher: BundleHasher,
): { ok: true; digest: Promise<string> } | { ok: false; issue: CanonicalJsonIssue } {
  const encoder = webTextEncoder();
  const encode = encoder ? (text: string) => encoder.encode(text) : utf8ToBytes;
  const encoded = bundleCanonicalPieces(content, (text) => hasher.update(encode(text)));
  if (!encoded.ok) return encoded;
  return { ok: true, digest: hasher.digest() };
}

/** {@link bundleChecksumOf} for content the caller built; throws `CanonicalJsonError` on non-JSON values. */
export function bundleChecksumOrThrow(content: Readonly<Record<BundleTable, readonly unknown[]>>): string {
  const result = bundleChecksumOf(content);
  if (!result.ok) throw new CanonicalJsonError(result.issue);
  return result.value;
}
