import { describe, expect, it } from 'vitest';
import { keyFingerprint, type BundleSigner } from '../../../../src/core/signing/bundleSignature';
import { keyPinFor, keyTrustDecide, keyTrustText } from '../../../../src/core/signing/keyTrust';

const keyA = 'a'.repeat(64);
const keyB = 'b'.repeat(64);
const alex: BundleSigner = { profileId: 'p-alex', interviewerId: 'i-alex', name: 'Alex Kim', publicKey: keyA };
const sam: BundleSigner = { profileId: 'p-sam', interviewerId: 'i-sam', name: 'Sam Lee', publicKey: keyB };

describe('keyTrustDecide (trust on first use)', () => {
  it('a first bundle from a profile is new and shows the fingerprint to compare', () => {
    const trust = keyTrustDecide([], alex);
    expect(trust).toEqual({ kind: 'new', fingerprint: keyFingerprint(keyA) });
    expect(keyTrustText(trust, 'Alex Kim')).toContain(keyFingerprint(keyA));
  });

  it('the pinned key of a profile is known', () => {
    const pins = [keyPinFor(alex, 1000)];
    expect(keyTrustDecide(pins, alex).kind).toBe('known');
  });

  it('a changed key for a known profile is refused with both fingerprints until accepted', () => {
    const pins = [keyPinFor(alex, 1000)];
    const trust = keyTrustDecide(pins, { ...alex, publicKey: keyB });
    expect(trust).toMatchObject({
      kind: 'changed',
      pinnedFingerprint: keyFingerprint(keyA),
      fingerprint: keyFingerprint(keyB),
    });
    expect(keyTrustText(trust, 'Alex Kim')).toMatch(/^Refused: Alex Kim's key changed/);
    // Accepting writes a new pin; the new key is then known.
    expect(
      keyTrustDecide([keyPinFor({ ...alex, publicKey: keyB }, 2000, true)], { ...alex, publicKey: keyB }).kind,
    ).toBe('known');
  });

  it("a key pinned for one profile presented as another profile's is refused", () => {
    const pins = [keyPinFor(sam, 1000)];
    const trust = keyTrustDecide(pins, { ...alex, publicKey: keyB });
    expect(trust.kind).toBe('impostor');
    expect(keyTrustText(trust, 'Alex Kim')).toBe(
      "Refused: the key is Sam Lee's, but the bundle says it is from Alex Kim.",
    );
  });
});
