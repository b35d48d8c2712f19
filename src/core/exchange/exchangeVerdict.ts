/**
 * What a reader of the exchange folder does with a bundle that parsed: import it, hold it for a
 * person (or for this profile's own seal), or refuse it. Pure; the database work is the caller's.
 *
 * The folder imports without asking, so it is stricter than a manual import: an unsigned bundle is
 * refused, a key never seen is held until a person compares its fingerprint and trusts it, a
 * changed key waits for a person to accept it, and a bundle must sit in its signer's own outbox.
 */
import type { BundleSignatureCheck } from '../signing/bundleSignature';
import { keyTrustText, type KeyTrust } from '../signing/keyTrust';

export type ExchangeVerdict =
  | { action: 'import' }
  | { action: 'hold'; reason: string; waitsFor: 'key' | 'key-change' | 'seal' }
  | { action: 'reject'; reason: string };

export interface ExchangeVerdictInput {
  /** The outbox folder the file was found in. */
  outboxProfileId: string;
  /** The signature check, or null for an unsigned bundle. */
  signature: BundleSignatureCheck | null;
  /** The key's standing against the pins here (when the signature holds). */
  trust: KeyTrust | null;
  /**
   * Candidates the bundle carries colleagues' evidence or decisions for, on whose panel this
   * profile sits without having sealed (independence: held until they seal), by display name.
   */
  unsealedCandidates: readonly string[];
}

export function exchangeVerdict(input: ExchangeVerdictInput): ExchangeVerdict {
  const { signature, trust } = input;
  if (!signature) return { action: 'reject', reason: 'not signed: the exchange folder takes signed bundles only' };
  if (!signature.ok) return { action: 'reject', reason: `bad signature: ${signature.reason}` };
  const { signer } = signature;
  if (signer.profileId !== input.outboxProfileId)
    return { action: 'reject', reason: `signed by ${signer.name}, but found in another profile's outbox` };
  if (!trust) throw new Error('a verified signature needs its key trust decided');
  switch (trust.kind) {
    case 'impostor':
      return { action: 'reject', reason: keyTrustText(trust, signer.name) };
    case 'new':
      return {
        action: 'hold',
        waitsFor: 'key',
        reason: `new key: ${signer.name}'s key ${trust.fingerprint} is not trusted here yet; compare it with ${signer.name}, then trust it`,
      };
    case 'changed':
      return { action: 'hold', waitsFor: 'key-change', reason: keyTrustText(trust, signer.name) };
    case 'known':
      break;
  }
  if (input.unsealedCandidates.length > 0)
    return {
      action: 'hold',
      waitsFor: 'seal',
      reason: `held until you seal your own interview of ${input.unsealedCandidates.join(', ')} (colleagues' evidence stays hidden until then)`,
    };
  return { action: 'import' };
}
