/**
 * Rows of the signing and exchange-folder tables (schema version 3). The private key never leaves
 * this profile: it is a non-extractable WebCrypto key, which IndexedDB stores as an opaque handle;
 * backups and bundles are made from the record tables only and never carry it.
 */
import type { KeyPin } from '../../../core/signing/keyTrust';
import type { BundleSigner } from '../../../core/signing/signatureSchema';
import type { ExchangeOutcome } from '../../../core/exchange/exchangeFolder';

/** This profile's signing key pair (one row per profile). */
export interface ProfileKeyRow {
  profileId: string;
  /** Raw 32-byte Ed25519 public key, lower-case hex (as in a bundle's signer block). */
  publicKey: string;
  /**
   * Non-extractable Ed25519 private key: it signs, and cannot be read out. Null when the desktop
   * app's main process keeps the key (`keptBy: 'desktop'`, encrypted with `safeStorage`).
   */
  privateKey: CryptoKey | null;
  /** `desktop` when main keeps the private key; absent when this database does. */
  keptBy?: 'desktop';
  /** Why the desktop app could not keep the key itself, when this database keeps it there instead. */
  desktopUnavailable?: string;
  createdAt: number;
}

export type KeyPinRow = KeyPin;

/** One line of the exchange folder's log. */
export interface ExchangeLogRow {
  seq?: number;
  at: number;
  /** The profile whose reader or writer did this (several profiles may share a machine). */
  profileId?: string;
  /** `<profileId>/<file name>` inside the folder's outbox. */
  file: string;
  /** Size and modification time when read (`exchangeStamp`), so an unchanged file is not read twice. */
  stamp?: string;
  outcome: ExchangeOutcome;
  detail: string;
  /** Who signed it, when the signature held. */
  signer?: BundleSigner;
  /** What it was about: `tombstone:<candidateHash>` for a received erasure, so it is not sent back. */
  subject?: string;
  /** What a held file waits for: a person to trust a new key or accept a changed one, this profile's seal, or a confirmed erasure. */
  waitsFor?: 'key' | 'key-change' | 'seal' | 'erasure';
  /** For a held file: the reader's pins-and-seals generation when it was held (`exchangeGeneration`). */
  generation?: string;
}
