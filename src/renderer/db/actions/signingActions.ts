/**
 * This profile's signing key and the keys of others pinned here (trust on first use).
 *
 * In the desktop app a profile's Ed25519 key pair is made and kept by main, the private key
 * encrypted with Electron's `safeStorage`; main signs on the renderer's behalf, so the key never
 * enters the page (the row here keeps the public key and `keptBy: 'desktop'`). Where that is not
 * available (a browser, or a desktop without an OS key store, whose reason the row keeps), the key
 * pair is made with WebCrypto, the private key non-extractable: IndexedDB keeps it as an opaque
 * handle that signs and cannot be read out, so no backup, bundle or script in the page can copy it.
 * The signature is plain RFC 8032 Ed25519 over `bundleSigningMessage`, verified by `core/signing`
 * with @noble/curves.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { bundleSign, bundleSignatureVerify, type BundleSigner, type SignedBundle } from '../../../core/signing/bundleSignature';
import { keyPinFor, keyTrustDecide, type KeyPin, type KeyTrust } from '../../../core/signing/keyTrust';
import type { Bundle } from '../../../core/bundle';
import type { Interviewer } from '../../../core/model/records';
import type { AppDb } from '../appDb';
import type { ProfileKeyRow } from '../rows/signingRows';
import { auditWrite } from './auditActions';
import { exchangeDesktopKeyHost, type ProfileKeyHost } from '../../platform/exchangeDesktopAccess';

/** A fresh Ed25519 key pair whose private half cannot be exported. */
export async function signingKeyGenerate(): Promise<{ publicKey: string; privateKey: CryptoKey }> {
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (error) {
    throw new Error(
      `this browser cannot make Ed25519 signing keys (WebCrypto said: ${error instanceof Error ? error.message : String(error)}); use a current Chromium or the desktop app`,
      { cause: error },
    );
  }
  // Public keys are always exportable; only the private one is locked in.
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { publicKey: bytesToHex(raw), privateKey: pair.privateKey };
}

/** Signs `message` with a WebCrypto Ed25519 private key: 64 bytes, RFC 8032. */
export async function signingKeySign(privateKey: CryptoKey, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, message as Uint8Array<ArrayBuffer>));
}

/**
 * The profile's key pair, made on first need: by the desktop key store when there is one that can
 * keep it (`host`), else with WebCrypto here. Two windows asking at once both generate, but only
 * the first write wins and both sign with it (the read and the add share one transaction).
 */
export async function profileKeyEnsure(
  db: AppDb,
  profileId: string,
  now: number,
  host: ProfileKeyHost | null = exchangeDesktopKeyHost(),
): Promise<ProfileKeyRow> {
  const existing = await db.profileKeys.get(profileId);
  if (existing) return existing;
  const answer = host ? await host.ensure(profileId) : null;
  let fresh: ProfileKeyRow;
  if (answer?.ok) fresh = { profileId, publicKey: answer.publicKey, privateKey: null, keptBy: 'desktop', createdAt: now };
  else {
    const made = await signingKeyGenerate();
    fresh = { profileId, publicKey: made.publicKey, privateKey: made.privateKey, createdAt: now, ...(answer ? { desktopUnavailable: answer.reason } : {}) };
  }
  return db.transaction('rw', db.profileKeys, async () => {
    const raced = await db.profileKeys.get(profileId);
    if (raced) return raced;
    await db.profileKeys.add(fresh);
    return fresh;
  });
}

/** The signer block for `profile` (made with its key on first need). */
export async function profileSigner(
  db: AppDb,
  profile: Interviewer,
  now: number,
  host: ProfileKeyHost | null = exchangeDesktopKeyHost(),
): Promise<{ signer: BundleSigner; key: ProfileKeyRow }> {
  const key = await profileKeyEnsure(db, profile.id, now, host);
  return { signer: { profileId: profile.id, interviewerId: profile.id, name: profile.name, publicKey: key.publicKey }, key };
}

/** `bundle` signed by `profile`: by main in the desktop app when it keeps the key, else with the key here. */
export async function bundleSignAsProfile(
  db: AppDb,
  bundle: Bundle,
  profile: Interviewer,
  now: number,
  host: ProfileKeyHost | null = exchangeDesktopKeyHost(),
): Promise<SignedBundle> {
  const { signer, key } = await profileSigner(db, profile, now, host);
  return bundleSign(bundle, signer, async (message) => {
    if (key.privateKey) return signingKeySign(key.privateKey, message);
    if (!host) throw new Error("this profile's key is kept by the desktop app; sign there");
    return hexToBytes(await host.sign(profile.id, new TextDecoder().decode(message)));
  });
}

/** How the key of a verified signer stands against the pins here. */
export async function keyTrustOf(db: AppDb, signer: BundleSigner): Promise<KeyTrust> {
  return keyTrustDecide(await db.keyPins.toArray(), signer);
}

/**
 * Pins a key not seen before (trust on first use). `isConfirmed` when a person compared the
 * fingerprint out of band. Does nothing when a pin for the profile exists: a changed key goes
 * through `keyPinAcceptChange`. Call inside a transaction that includes `db.keyPins`.
 */
export async function keyPinFirstUse(db: AppDb, signer: BundleSigner, now: number, isConfirmed = false): Promise<void> {
  const trust = keyTrustDecide(await db.keyPins.toArray(), signer);
  if (trust.kind === 'new') await db.keyPins.add(keyPinFor(signer, now, isConfirmed));
}

/** A person trusts a new key after comparing its fingerprint with its owner: pinned as confirmed, audited. */
export async function keyPinTrust(db: AppDb, signer: BundleSigner, actor: string, now: number): Promise<KeyPin> {
  return db.transaction('rw', db.keyPins, db.audit, async () => {
    const trust = keyTrustDecide(await db.keyPins.toArray(), signer);
    if (trust.kind === 'impostor') throw new Error(`that key is already ${trust.pin.name}'s`);
    if (trust.kind === 'changed') throw new Error(`${signer.name} has another key pinned: accept the change instead`);
    const pin = trust.kind === 'known' ? { ...trust.pin, isConfirmed: true } : keyPinFor(signer, now, true);
    await db.keyPins.put(pin);
    await auditWrite(db, { at: now, actor, action: 'key.trusted', subject: signer.profileId, details: { name: signer.name, fingerprint: trust.fingerprint } });
    return pin;
  });
}

/** Marks a pinned key as compared out of band with its owner; audited. */
export async function keyPinConfirm(db: AppDb, profileId: string, actor: string, now: number): Promise<void> {
  await db.transaction('rw', db.keyPins, db.audit, async () => {
    const pin = await db.keyPins.get(profileId);
    if (!pin) throw new Error('no key is pinned for that profile');
    await db.keyPins.put({ ...pin, isConfirmed: true });
    await auditWrite(db, { at: now, actor, action: 'key.confirmed', subject: profileId, details: { name: pin.name } });
  });
}

/**
 * A person accepts that a known profile now signs with another key (a new laptop, a lost profile):
 * the pin is replaced, and the audit log keeps both fingerprints.
 */
export async function keyPinAcceptChange(db: AppDb, signer: BundleSigner, actor: string, now: number): Promise<void> {
  await db.transaction('rw', db.keyPins, db.audit, async () => {
    const trust = keyTrustDecide(await db.keyPins.toArray(), signer);
    if (trust.kind !== 'changed') throw new Error(`${signer.name}'s key has not changed`);
    await db.keyPins.put(keyPinFor(signer, now, true));
    await auditWrite(db, {
      at: now,
      actor,
      action: 'key.replaced',
      subject: signer.profileId,
      details: { name: signer.name, was: trust.pinnedFingerprint, now: trust.fingerprint },
    });
  });
}

/** Who signed a parsed bundle, as the import preview shows it. */
export type BundleSignerStatus =
  | { kind: 'unsigned' }
  | { kind: 'bad'; reason: string }
  | { kind: 'signed'; signer: BundleSigner; trust: KeyTrust };

export async function bundleSignerStatus(db: AppDb, bundle: Bundle): Promise<BundleSignerStatus> {
  if (!bundle.signature) return { kind: 'unsigned' };
  const check = bundleSignatureVerify(bundle);
  if (!check.ok) return { kind: 'bad', reason: check.reason };
  return { kind: 'signed', signer: check.signer, trust: await keyTrustOf(db, check.signer) };
}

/** True when an import may go ahead on this signature (a manual import takes unsigned bundles, with a warning). */
export function bundleSignerAllowsImport(status: BundleSignerStatus): boolean {
  if (status.kind === 'unsigned') return true;
  if (status.kind === 'bad') return false;
  return status.trust.kind === 'known' || status.trust.kind === 'new';
}
