/**
 * Each profile's Ed25519 signing key, kept by the desktop app's main process: the 32-byte secret is
 * encrypted with Electron's `safeStorage` (the operating system's key store: Keychain, DPAPI,
 * libsecret / KWallet) and written to `<userData>/profile-keys/<profileId>.json`. The renderer
 * never receives it: main signs on its behalf (`profileKeySign`), and only a bundle's signing
 * message for that profile's own key (canonical JSON of `{ format, formatVersion, manifest, signer }`
 * naming this profile and this public key), so the renderer cannot have main sign anything else.
 *
 * Where `safeStorage` cannot protect a key (not available, or Linux without a keyring, where it
 * would fall back to a fixed password), the store says so and the renderer keeps the key itself
 * as a non-extractable WebCrypto key in IndexedDB, as in web mode.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../../core/canonical/canonicalJson';
import { BUNDLE_FORMAT } from '../../core/bundle/bundleSchema';
import { exchangeIsProfileFolder } from '../../core/exchange/exchangeFolder';
import type { ProfileKeyAnswer } from '../../shared/desktopApi';
import { fileWriteAtomic } from './fileStreams';

/** The part of Electron's `safeStorage` the store uses (injected, so tests run in Node). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which key store backs it (`basic_text` is a fixed password, not a key store). */
  getSelectedStorageBackend?(): string;
}

export interface ProfileKeyStoreDeps {
  /** `<userData>/profile-keys`. */
  dir: string;
  safeStorage: SafeStorageLike | null;
  platform: NodeJS.Platform;
  now: () => number;
}

const keyFileSchema = z.strictObject({
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number().int().min(0),
  /** `safeStorage`'s ciphertext of the secret's hex, base64. */
  encryptedSecret: z.string().min(1).max(10_000),
});

const signingMessageSchema = z.looseObject({
  format: z.literal(BUNDLE_FORMAT),
  signer: z.looseObject({ profileId: z.string(), publicKey: z.string() }),
});

export interface ProfileKeyStore {
  /** Why keys cannot be kept here, or null when they can. */
  unavailableReason(): Promise<string | null>;
  /** The profile's public key, its pair made and stored on first need. */
  ensure(profileId: string): Promise<ProfileKeyAnswer>;
  /** A 64-byte signature over `message`, which must be a bundle signing message for this profile's key. */
  sign(profileId: string, message: string): Promise<Uint8Array>;
}

export function profileKeyStoreCreate(deps: ProfileKeyStoreDeps): ProfileKeyStore {
  const fileOf = (profileId: string) => {
    if (!exchangeIsProfileFolder(profileId)) throw new Error(`"${profileId}" is not a profile id`);
    return join(deps.dir, `${profileId}.json`);
  };
  const inFlight = new Map<string, Promise<ProfileKeyAnswer>>();

  async function unavailableReason(): Promise<string | null> {
    const storage = deps.safeStorage;
    if (!storage) return 'this system offers no safeStorage';
    if (!(await storage.isAsyncEncryptionAvailable())) return 'the operating system key store is not available';
    if (deps.platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text')
      return 'no keyring (GNOME Keyring, KWallet) is running, so safeStorage would use a fixed password';
    return null;
  }

  async function keyFileRead(profileId: string): Promise<z.infer<typeof keyFileSchema> | null> {
    let text: string;
    try {
      text = await readFile(fileOf(profileId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = keyFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`the key file of profile ${profileId} is damaged`);
    return parsed.data;
  }

  async function keyFileWrite(profileId: string, row: z.infer<typeof keyFileSchema>): Promise<void> {
    await mkdir(deps.dir, { recursive: true, mode: 0o700 });
    await fileWriteAtomic(fileOf(profileId), [JSON.stringify(row)]);
  }

  async function ensureNow(profileId: string): Promise<ProfileKeyAnswer> {
    const existing = await keyFileRead(profileId);
    if (existing) return { ok: true, publicKey: existing.publicKey, createdAt: existing.createdAt };
    const reason = await unavailableReason();
    if (reason) return { ok: false, reason };
    const secret = randomBytes(32);
    const publicKey = bytesToHex(ed25519.getPublicKey(secret));
    const encrypted = await deps.safeStorage!.encryptStringAsync(secret.toString('hex'));
    secret.fill(0);
    const row = { publicKey, createdAt: deps.now(), encryptedSecret: encrypted.toString('base64') };
    await keyFileWrite(profileId, row);
    return { ok: true, publicKey, createdAt: row.createdAt };
  }

  function ensure(profileId: string): Promise<ProfileKeyAnswer> {
    // Two windows asking at once get the same key: one generation per profile at a time.
    const running = inFlight.get(profileId);
    if (running) return running;
    const next = ensureNow(profileId).finally(() => inFlight.delete(profileId));
    inFlight.set(profileId, next);
    return next;
  }

  async function sign(profileId: string, message: string): Promise<Uint8Array> {
    const row = await keyFileRead(profileId);
    if (!row) throw new Error('the desktop key store has no key for this profile');
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      throw new Error('refused to sign: not a bundle signing message');
    }
    const shape = signingMessageSchema.safeParse(parsed);
    if (!shape.success || canonicalJson(parsed) !== message) throw new Error('refused to sign: not a bundle signing message');
    if (shape.data.signer.profileId !== profileId || shape.data.signer.publicKey !== row.publicKey)
      throw new Error("refused to sign: the message names another profile's key");
    if (!deps.safeStorage) throw new Error('safeStorage is gone');
    const decrypted = await deps.safeStorage.decryptStringAsync(Buffer.from(row.encryptedSecret, 'base64'));
    const secret = hexToBytes(decrypted.result);
    try {
      if (bytesToHex(ed25519.getPublicKey(secret)) !== row.publicKey) throw new Error(`the key file of profile ${profileId} does not hold its own key`);
      return ed25519.sign(new TextEncoder().encode(message), secret);
    } finally {
      secret.fill(0);
      if (decrypted.shouldReEncrypt) {
        const again = await deps.safeStorage.encryptStringAsync(decrypted.result);
        await keyFileWrite(profileId, { ...row, encryptedSecret: again.toString('base64') }).catch((error: unknown) =>
          console.error(`Profile keys: could not re-encrypt the key of ${profileId} (${error instanceof Error ? error.message : String(error)}); it still signs.`),
        );
      }
    }
  }

  return { unavailableReason, ensure, sign };
}
