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

/**
 * The checksum of `content`, whose keys must be exactly the bundle tables, each an array (the
 * caller has checked). Fails with the location of the first value that is not JSON data.
 */
export function bundleChecksumOf(
  content: Readonly<Record<BundleTable, readonly unknown[]>>,
): { ok: true; value: string } | { ok: false; issue: CanonicalJsonIssue } {
  const hasher = sha256.create();
  let pending = '{';
  for (let t = 0; t < canonicalTableOrder.length; t++) {
    const table = canonicalTableOrder[t]!;
    pending += `${t === 0 ? '' : ','}"${table}":[`;
    const records = content[table];
    for (let i = 0; i < records.length; i++) {
      const encoded = canonicalJsonEncode(records[i]);
      if (!encoded.ok) {
        const issue = encoded.issues[0]!;
        return { ok: false, issue: { path: `content.${table}[${i}]${issue.path.slice(1)}`, message: issue.message } };
      }
      pending += i === 0 ? encoded.value : `,${encoded.value}`;
      if (pending.length >= CHUNK) {
        hasher.update(utf8ToBytes(pending));
        pending = '';
      }
    }
    pending += ']';
  }
  pending += '}';
  hasher.update(utf8ToBytes(pending));
  return { ok: true, value: bytesToHex(hasher.digest()) };
}

/** {@link bundleChecksumOf} for content the caller built; throws `CanonicalJsonError` on non-JSON values. */
export function bundleChecksumOrThrow(content: Readonly<Record<BundleTable, readonly unknown[]>>): string {
  const result = bundleChecksumOf(content);
  if (!result.ok) throw new CanonicalJsonError(result.issue);
  return result.value;
}
