/**
 * Trust on first use for signing keys. The first bundle from a profile pins its public key; a
 * later bundle from the same profile with another key is refused until a person compares the
 * fingerprints out of band and accepts the new key.
 */
import { z } from 'zod';
import { keyFingerprint, type BundleSigner } from './bundleSignature';

export const keyPinSchema = z.strictObject({
  profileId: z.string().min(1).max(100),
  interviewerId: z.string().min(1).max(100).nullable(),
  name: z.string().min(1).max(200),
  publicKey: z.string().min(1).max(100),
  pinnedAt: z.number().int().min(0),
  /** True once a person compared the fingerprint out of band and said so. */
  isConfirmed: z.boolean(),
});
export type KeyPin = z.infer<typeof keyPinSchema>;

export type KeyTrust =
  /** The pinned key of this profile. */
  | { kind: 'known'; pin: KeyPin; fingerprint: string }
  /** No key pinned for this profile yet: pin it (trust on first use), showing the fingerprint. */
  | { kind: 'new'; fingerprint: string }
  /** A different key than the one pinned: refuse until a person accepts the new one. */
  | { kind: 'changed'; pin: KeyPin; fingerprint: string; pinnedFingerprint: string }
  /** The key is pinned for another profile: a bundle claiming someone else's identity. */
  | { kind: 'impostor'; pin: KeyPin; fingerprint: string };

export function keyTrustDecide(pins: readonly KeyPin[], signer: BundleSigner): KeyTrust {
  const fingerprint = keyFingerprint(signer.publicKey);
  const pin = pins.find((p) => p.profileId === signer.profileId);
  if (pin) {
    if (pin.publicKey === signer.publicKey) return { kind: 'known', pin, fingerprint };
    return { kind: 'changed', pin, fingerprint, pinnedFingerprint: keyFingerprint(pin.publicKey) };
  }
  const other = pins.find((p) => p.publicKey === signer.publicKey);
  if (other) return { kind: 'impostor', pin: other, fingerprint };
  return { kind: 'new', fingerprint };
}

/** The pin a first use (or an accepted key change) writes. */
export function keyPinFor(signer: BundleSigner, now: number, isConfirmed = false): KeyPin {
  return {
    profileId: signer.profileId,
    interviewerId: signer.interviewerId,
    name: signer.name,
    publicKey: signer.publicKey,
    pinnedAt: now,
    isConfirmed,
  };
}

/** One line for the import preview. */
export function keyTrustText(trust: KeyTrust, signerName: string): string {
  switch (trust.kind) {
    case 'known':
      return `Signed by ${signerName} (known key ${trust.fingerprint}${trust.pin.isConfirmed ? ', confirmed' : ''}).`;
    case 'new':
      return `Signed by ${signerName} with a key not seen before (${trust.fingerprint}): compare it with ${signerName} before trusting it.`;
    case 'changed':
      return `Refused: ${signerName}'s key changed (was ${trust.pinnedFingerprint}, now ${trust.fingerprint}). Accept the new key only after checking it with ${signerName}.`;
    case 'impostor':
      return `Refused: the key is ${trust.pin.name}'s, but the bundle says it is from ${signerName}.`;
  }
}
