/**
 * SHA-256 as a synchronous pure function, so content hashes (pack versions, report inputs, audit
 * chain, bundle checksums) are computed identically in main, renderer, CLI and tests.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
