/** Deterministic ids for demo records: the same seed and key always give the same UUID. */
import { canonicalJson } from '../canonical/canonicalJson';
import { sha256Hex } from '../crypto/sha256';

/**
 * A UUID-v4-shaped id derived from `seed` and a record key (`['interview', 'amira-iac-review']`):
 * SHA-256 of both, with the version nibble set to 4 and the variant to 10xx, so it passes the
 * records' UUID check. Importing the same demo twice is then idempotent, and a different seed
 * gives a second, independent demo loop.
 */
export function demoId(seed: number, ...key: string[]): string {
  const hex = sha256Hex(canonicalJson(['loopdesk-demo', seed, ...key]));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 32-bit number derived from `seed` and a key, e.g. the noise seed of an incident run. */
export function demoNumber(seed: number, ...key: string[]): number {
  return parseInt(sha256Hex(canonicalJson(['loopdesk-demo-number', seed, ...key])).slice(0, 8), 16);
}
