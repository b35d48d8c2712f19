/**
 * Signed bundles: who made a bundle, not only that it was not damaged.
 *
 * A bundle's `signature` envelope signs, with the signer's Ed25519 key (RFC 8032), the canonical
 * JSON (RFC 8785) of `{ format, formatVersion, manifest, signer }`. The manifest carries
 * `contentSha256`, so the signature covers every content byte a reader trusts through the
 * checksum, and `signer` is inside the signed text so a name or key cannot be swapped under a
 * valid signature. `bundleSignatureVerify` recomputes the content checksum itself, so a caller
 * that checks only the signature still refuses changed content.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bundleSignatureSchema, bundleSignerSchema, type BundleSignature, type BundleSigner } from './signatureSchema';
import { canonicalJson } from '../canonical/canonicalJson';
import { bundleContentSha256 } from '../bundle/bundleCreate';
import type { Bundle } from '../bundle/bundleSchema';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';

export { bundleSignerSchema, bundleSignatureSchema, type BundleSigner, type BundleSignature };

export type SignedBundle = Bundle & { signature: BundleSignature };

/** Signs a message with the profile's private key (WebCrypto, the desktop key store or noble). */
export type BundleSignFn = (message: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** The exact bytes a signature is over. */
export function bundleSigningMessage(bundle: Bundle, signer: BundleSigner): Uint8Array {
  const signed = {
    format: bundle.format,
    formatVersion: bundle.formatVersion,
    manifest: bundle.manifest,
    signer,
  };
  return utf8ToBytes(canonicalJson(signed));
}

/** The bundle with its signature envelope; the bundle's own fields are left as they are. */
export async function bundleSign(bundle: Bundle, signer: BundleSigner, sign: BundleSignFn): Promise<SignedBundle> {
  const value = await sign(bundleSigningMessage(bundle, signer));
  if (value.length !== 64) throw new Error(`an Ed25519 signature is 64 bytes, the key store gave ${value.length}`);
  return { ...bundle, signature: { alg: 'Ed25519', signer, value: bytesToHex(value) } };
}

/**
 * A key's fingerprint for checking out of band (read aloud, compared in a chat): the first 128
 * bits of SHA-256 over the raw 32-byte public key, as eight groups of four hex digits.
 */
export function keyFingerprint(publicKey: string): string {
  const hex = bytesToHex(sha256(hexToBytes(publicKey))).slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

export type BundleSignatureCheck =
  { ok: true; signer: BundleSigner; fingerprint: string } | { ok: false; reason: string };

/**
 * Checks a signed bundle: the envelope's shape, the content against the manifest's checksum and
 * the Ed25519 signature over manifest and signer. Says nothing about whether the key is trusted:
 * that is `keyTrustDecide`'s question.
 */
export function bundleSignatureVerify(bundle: Bundle & { signature?: unknown }): BundleSignatureCheck {
  if (bundle.signature === undefined) return { ok: false, reason: 'the bundle is not signed' };
  const envelope = bundleSignatureSchema.safeParse(bundle.signature);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, reason: `signature.${issue.path.join('.')}: ${issue.message}` };
  }
  const { signer, value } = envelope.data;
  if (bundleContentSha256(bundle.content) !== bundle.manifest.contentSha256)
    return { ok: false, reason: 'the content does not match the checksum the signature covers' };
  if (!signatureMatches(value, bundleSigningMessage(bundle, signer), signer.publicKey))
    return { ok: false, reason: `the signature of "${signer.name}" does not match this bundle` };
  return { ok: true, signer, fingerprint: keyFingerprint(signer.publicKey) };
}

/** Ed25519 verification that treats a malformed key or signature as "does not match". */
function signatureMatches(signatureHex: string, message: Uint8Array, publicKeyHex: string): boolean {
  try {
    return ed25519.verify(hexToBytes(signatureHex), message, hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}
