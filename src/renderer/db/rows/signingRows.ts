/**
 * Rows of the signing and exchange-folder tables (schema version 3). The private key never leaves
 * this profile: in web mode it is a non-extractable WebCrypto key; backups and bundles never carry it.
 */
import type { KeyPin } from '../../../core/signing/keyTrust';

/** This profile's signing key pair (one row per profile). */
export interface ProfileKeyRow {
  profileId: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  /** Non-extractable private key (web mode), or an opaque handle the desktop host resolves. */
  privateKey: CryptoKey | string;
  createdAt: number;
}

export type KeyPinRow = KeyPin;

/** One line of the exchange folder's log. */
export interface ExchangeLogRow {
  seq?: number;
  at: number;
  file: string;
  outcome: 'sent' | 'received' | 'skipped' | 'rejected' | 'held' | 'conflict';
  detail: string;
}
