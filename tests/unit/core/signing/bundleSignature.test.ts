import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { bundleContentSha256 } from '../../../../src/core/bundle/bundleCreate';
import { bundleTables, type Bundle } from '../../../../src/core/bundle/bundleSchema';
import {
  bundleSign,
  bundleSignatureVerify,
  keyFingerprint,
  type BundleSigner,
  type SignedBundle,
} from '../../../../src/core/signing/bundleSignature';
import { sampleBundle } from '../../../fixtures/bundles/sampleContent';

function keyPair(seed: number) {
  const secretKey = new Uint8Array(32).fill(seed);
  return { secretKey, publicKey: bytesToHex(ed25519.getPublicKey(secretKey)) };
}

const alex = keyPair(7);
const signer: BundleSigner = {
  profileId: 'profile-alex',
  interviewerId: null,
  name: 'Alex Kim',
  publicKey: alex.publicKey,
};

function signed(bundle: Bundle = sampleBundle(), by = signer, key = alex.secretKey): Promise<SignedBundle> {
  return bundleSign(bundle, by, (message) => ed25519.sign(message, key));
}

/** Every leaf of a JSON value as a path and a changed copy of the value there. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return entries.flatMap(([k, v]) => leafPaths(v, [...path, k]));
  }
  return [path];
}

function flipped(bundle: SignedBundle, path: (string | number)[]): SignedBundle {
  const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const old = at[last];
  at[last] =
    typeof old === 'number'
      ? old + 1
      : typeof old === 'boolean'
        ? !old
        : typeof old === 'string'
          ? // Keep hex hex, so the check that fails is the signature's, not the shape's.
            /^[0-9a-f]+$/.test(old) && old.length > 0
            ? `${old[0] === '0' ? '1' : '0'}${old.slice(1)}`
            : `${old}x`
          : old === null
            ? 'x'
            : old;
  return copy as unknown as SignedBundle;
}

describe('bundleSignatureVerify', () => {
  it('accepts a bundle as signed and names the signer with the fingerprint', async () => {
    const check = bundleSignatureVerify(await signed());
    expect(check).toEqual({ ok: true, signer, fingerprint: keyFingerprint(alex.publicKey) });
    expect(keyFingerprint(alex.publicKey)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('refuses a bundle with any field of the manifest, the signer or the signature changed', async () => {
    const bundle = await signed();
    const paths = [
      ...leafPaths(bundle.manifest, ['manifest']),
      ...leafPaths(bundle.signature, ['signature']),
      ['format'],
      ['formatVersion'],
    ];
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const check = bundleSignatureVerify(flipped(bundle, path));
      expect(check.ok, `changed ${path.join('.')}`).toBe(false);
    }
  });

  it('refuses changed content, whether or not the checksum was recomputed to match', async () => {
    const bundle = await signed();
    let tried = 0;
    for (const table of bundleTables) {
      const first = bundle.content[table][0];
      if (!first) continue;
      for (const path of leafPaths(first, ['content', table, 0])) {
        const tampered = flipped(bundle, path);
        expect(bundleSignatureVerify(tampered).ok, `changed ${path.join('.')}`).toBe(false);
        // A well-formed lie: the checksum recomputed over the changed content.
        const lie = {
          ...tampered,
          manifest: { ...tampered.manifest, contentSha256: bundleContentSha256(tampered.content) },
        };
        expect(bundleSignatureVerify(lie).ok, `changed ${path.join('.')} with a new checksum`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(50);
  });

  it('refuses a bundle re-signed under another name with the same key, and one signed by another key', async () => {
    const bundle = await signed();
    const renamed = { ...bundle, signature: { ...bundle.signature, signer: { ...signer, name: 'Sam Lee' } } };
    expect(bundleSignatureVerify(renamed)).toEqual({
      ok: false,
      reason: 'the signature of "Sam Lee" does not match this bundle',
    });
    const mallory = keyPair(9);
    const forged = await signed(sampleBundle(), signer, mallory.secretKey);
    expect(bundleSignatureVerify(forged).ok).toBe(false);
  });

  it('says what is wrong with an unsigned bundle or a malformed envelope', async () => {
    expect(bundleSignatureVerify(sampleBundle())).toEqual({ ok: false, reason: 'the bundle is not signed' });
    const bundle = await signed();
    const bad = { ...bundle, signature: { ...bundle.signature, value: 'zz' } };
    expect(bundleSignatureVerify(bad)).toEqual({
      ok: false,
      reason: 'signature.value: must be 64 bytes as lower-case hex',
    });
  });
});
