/**
 * The desktop key store in Node, with Electron's `safeStorage` injected: keys stored encrypted in
 * the data folder, one per profile, signatures core verifies, nothing signed but a bundle's own
 * signing message, and an honest "not available" where safeStorage cannot protect a key.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profileKeyStoreCreate, type SafeStorageLike } from '../../../src/main/files/profileKeyStore';
import { bundleSign, bundleSignatureVerify, bundleSigningMessage } from '../../../src/core/signing/bundleSignature';
import { sampleBundle } from '../../fixtures/bundles/sampleContent';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A stand-in OS key store that records what it was asked to encrypt. */
function fakeSafeStorage(options: { isAvailable?: boolean; backend?: string } = {}) {
  const plainTexts: string[] = [];
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.isAvailable ?? true,
    encryptStringAsync: async (plain) => {
      plainTexts.push(plain);
      return Buffer.from(`box:${Buffer.from(plain).reverse().toString('hex')}`);
    },
    decryptStringAsync: async (box) => ({ result: Buffer.from(box.toString().slice(4), 'hex').reverse().toString(), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return { storage, plainTexts };
}

function store(safe: SafeStorageLike | null, platform: NodeJS.Platform = 'linux') {
  const dir = join(mkdtempSync(join(tmpdir(), 'loopdesk-keys-')), 'profile-keys');
  dirs.push(dir);
  return { dir, keys: profileKeyStoreCreate({ dir, safeStorage: safe, platform, now: () => 1_767_225_600_000 }) };
}

const grace = '6f1e2d3c-4b5a-4968-8776-655443322110';
const linus = '0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f';

describe('profile key store (desktop, safeStorage)', () => {
  it('makes one key per profile on first need, stores only safeStorage ciphertext, and keeps it', async () => {
    const { storage, plainTexts } = fakeSafeStorage();
    const { dir, keys } = store(storage);
    const [first, raced] = await Promise.all([keys.ensure(grace), keys.ensure(grace)]);
    expect(first).toMatchObject({ ok: true, publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(raced).toEqual(first);
    expect(await keys.ensure(grace)).toEqual(first);
    expect(plainTexts).toHaveLength(1);
    const file = readFileSync(join(dir, `${grace}.json`), 'utf8');
    expect(file).not.toContain(plainTexts[0]!);
    expect(readdirSync(dir)).toEqual([`${grace}.json`]);
    const other = await keys.ensure(linus);
    expect(other.ok && first.ok && other.publicKey !== first.publicKey).toBe(true);
  });

  it('signs a bundle signing message so that the core verifier accepts the bundle', async () => {
    const { keys } = store(fakeSafeStorage().storage);
    const key = await keys.ensure(grace);
    if (!key.ok) throw new Error('fixture');
    const signer = { profileId: grace, interviewerId: grace, name: 'Grace Hopper', publicKey: key.publicKey };
    const signed = await bundleSign(sampleBundle(), signer, (message) => keys.sign(grace, new TextDecoder().decode(message)));
    expect(bundleSignatureVerify(signed)).toMatchObject({ ok: true, signer });
  });

  it('signs nothing but a bundle signing message naming this profile and its own key', async () => {
    const { keys } = store(fakeSafeStorage().storage);
    const key = await keys.ensure(grace);
    const other = await keys.ensure(linus);
    if (!key.ok || !other.ok) throw new Error('fixture');
    const text = (signer: object) => new TextDecoder().decode(bundleSigningMessage(sampleBundle(), signer as never));
    const mine = { profileId: grace, interviewerId: grace, name: 'Grace Hopper', publicKey: key.publicKey };
    await expect(keys.sign(grace, 'a login challenge')).rejects.toThrow(/not a bundle signing message/);
    await expect(keys.sign(grace, JSON.stringify({ hello: 'world' }))).rejects.toThrow(/not a bundle signing message/);
    // Not canonical: the same object with its keys in another order.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text(mine)) as object).reverse()));
    await expect(keys.sign(grace, reordered)).rejects.toThrow(/not a bundle signing message/);
    await expect(keys.sign(grace, text({ ...mine, publicKey: other.publicKey }))).rejects.toThrow(/another profile's key/);
    await expect(keys.sign(linus, text(mine))).rejects.toThrow(/another profile's key/);
    await expect(keys.sign('7e7e7e7e-0000-4000-8000-000000000000', text(mine))).rejects.toThrow(/no key for this profile/);
    await expect(keys.ensure('../../etc')).rejects.toThrow(/not a profile id/);
  });

  it('says why it cannot keep keys: no safeStorage, encryption unavailable, Linux without a keyring', async () => {
    expect(await store(null).keys.ensure(grace)).toEqual({ ok: false, reason: 'this system offers no safeStorage' });
    expect(await store(fakeSafeStorage({ isAvailable: false }).storage).keys.ensure(grace)).toEqual({
      ok: false,
      reason: 'the operating system key store is not available',
    });
    const noKeyring = store(fakeSafeStorage({ backend: 'basic_text' }).storage);
    expect(await noKeyring.keys.ensure(grace)).toMatchObject({ ok: false, reason: expect.stringContaining('fixed password') });
    // The backend question is Linux's only.
    expect(await store(fakeSafeStorage({ backend: 'basic_text' }).storage, 'darwin').keys.ensure(grace)).toMatchObject({ ok: true });
  });
});
