import { describe, expect, it } from 'vitest';
import { bundleParse, bundleStringify } from '../../../src/core/bundle';
import { bundleSignatureVerify } from '../../../src/core/signing/bundleSignature';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import {
  bundleSignAsProfile,
  keyPinAcceptChange,
  keyPinConfirm,
  keyPinFirstUse,
  keyPinTrust,
  keyTrustOf,
  profileKeyEnsure,
} from '../../../src/renderer/db/actions/signingActions';
import { backupRestore, bundleExportBuild, databaseDump, lastingImport } from '../../../src/renderer/db/actions/dataActions';
import { sampleBundle } from '../../fixtures/bundles/sampleContent';
import { testDb } from './dbTestKit';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import { profileKeyStoreCreate, type SafeStorageLike } from '../../../src/main/files/profileKeyStore';
import type { ProfileKeyHost } from '../../../src/renderer/platform/exchangeDesktopAccess';

const now = 1_767_225_600_000;

describe('signing keys per profile', () => {
  it('makes one non-extractable Ed25519 key per profile, on first need, and keeps it', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Ada Lovelace' }, now);
    const first = await profileKeyEnsure(db, me.id, now);
    const again = await profileKeyEnsure(db, me.id, now + 1);
    expect(first.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(again.publicKey).toBe(first.publicKey);
    expect(first.privateKey!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', first.privateKey!)).rejects.toThrow();
    const other = await profileCreate(db, { name: 'Bea Ortiz' }, now);
    expect((await profileKeyEnsure(db, other.id, now)).publicKey).not.toBe(first.publicKey);
  });

  it('signs with WebCrypto what the core verifier (@noble/curves) accepts, through the file text', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Ada Lovelace' }, now);
    const signed = await bundleSignAsProfile(db, sampleBundle(), me, now);
    const parsed = bundleParse(bundleStringify(signed));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const check = bundleSignatureVerify(parsed.value);
    expect(check).toMatchObject({ ok: true, signer: { profileId: me.id, name: 'Ada Lovelace' } });
    // One byte of the signed manifest changed: refused.
    const tampered = { ...parsed.value, manifest: { ...parsed.value.manifest, createdBy: 'Mallory' } };
    expect(bundleSignatureVerify(tampered).ok).toBe(false);
  });

  it('refuses a malformed signature envelope when parsing, naming the field', () => {
    const text = bundleStringify(sampleBundle()).replace(/}$/, ',"signature":{"alg":"RSA"}}');
    const parsed = bundleParse(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.message).toMatch(/alg|signer|value/);
  });

  it('never puts the private key in a bundle or a backup, and restore/import leave keys, pins and the log alone', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Ada Lovelace' }, now);
    const key = await profileKeyEnsure(db, me.id, now);
    await db.keyPins.add({ profileId: 'p2', interviewerId: null, name: 'Bea', publicKey: 'ab'.repeat(32), pinnedAt: now, isConfirmed: true });
    await db.exchangeLog.add({ at: now, file: 'p2/sealed-x-1.loopdesk', outcome: 'received', detail: 'ok' });
    const backup = await bundleSignAsProfile(db, await bundleExportBuild(db, { kind: 'all' }, { appVersion: '1', createdBy: 'Ada', now }), me, now);
    const text = bundleStringify(backup);
    expect(text).not.toContain('privateKey');
    expect(Object.keys(await databaseDump(db))).not.toContain('profileKeys');
    await backupRestore(db, backup, 'Ada', now + 1);
    await lastingImport(db, sampleBundle().content, { actor: 'Ada', now: now + 2, source: 'x' });
    expect((await db.profileKeys.get(me.id))?.publicKey).toBe(key.publicKey);
    expect(await db.keyPins.count()).toBe(1);
    expect(await db.exchangeLog.count()).toBe(1);
  });
});

describe('signing keys kept by the desktop app', () => {
  /** The desktop key host as the preload bridges it, backed by main's real key store over a stand-in safeStorage. */
  function desktopHost(isAvailable = true): { host: ProfileKeyHost; dir: string; calls: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-keyhost-'));
    const calls: string[] = [];
    const safeStorage: SafeStorageLike = {
      isAsyncEncryptionAvailable: async () => isAvailable,
      encryptStringAsync: async (plain) => Buffer.from(Buffer.from(plain).reverse()),
      decryptStringAsync: async (box) => ({ result: Buffer.from(box).reverse().toString(), shouldReEncrypt: false }),
    };
    const store = profileKeyStoreCreate({ dir, safeStorage, platform: 'darwin', now: () => now });
    return {
      dir,
      calls,
      host: {
        ensure: (id) => (calls.push('ensure'), store.ensure(id)),
        sign: async (id, message) => (calls.push('sign'), bytesToHex(await store.sign(id, message))),
      },
    };
  }

  it('keeps only the public key here, has main sign, and the core verifier accepts the result', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Ada Lovelace' }, now);
    const { host, dir, calls } = desktopHost();
    const key = await profileKeyEnsure(db, me.id, now, host);
    expect(key).toMatchObject({ keptBy: 'desktop', privateKey: null, publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const signed = await bundleSignAsProfile(db, sampleBundle(), me, now, host);
    expect(calls).toEqual(['ensure', 'sign']);
    expect(bundleSignatureVerify(signed)).toMatchObject({ ok: true, signer: { profileId: me.id, publicKey: key.publicKey } });
    expect(readdirSync(dir)).toEqual([`${me.id}.json`]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to a non-extractable key here when the desktop cannot keep one, and keeps why', async () => {
    const db = testDb();
    const me = await profileCreate(db, { name: 'Ada Lovelace' }, now);
    const { host, dir, calls } = desktopHost(false);
    const key = await profileKeyEnsure(db, me.id, now, host);
    expect(key.keptBy).toBeUndefined();
    expect(key.desktopUnavailable).toBe('the operating system key store is not available');
    expect(key.privateKey?.extractable).toBe(false);
    const signed = await bundleSignAsProfile(db, sampleBundle(), me, now, host);
    expect(calls).toEqual(['ensure']);
    expect(bundleSignatureVerify(signed).ok).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('key pins', () => {
  const signer = (publicKey: string, profileId = 'p-bea') => ({ profileId, interviewerId: null, name: 'Bea Ortiz', publicKey });
  it('pins on first use, confirms, refuses to trust an impostor, and accepts a change only on request, audited', async () => {
    const db = testDb();
    await db.transaction('rw', db.keyPins, () => keyPinFirstUse(db, signer('aa'.repeat(32)), now));
    expect((await keyTrustOf(db, signer('aa'.repeat(32)))).kind).toBe('known');
    await keyPinConfirm(db, 'p-bea', 'Ada', now);
    expect((await db.keyPins.get('p-bea'))?.isConfirmed).toBe(true);
    // First use never replaces a pin.
    await db.transaction('rw', db.keyPins, () => keyPinFirstUse(db, signer('bb'.repeat(32)), now));
    expect((await keyTrustOf(db, signer('bb'.repeat(32)))).kind).toBe('changed');
    await expect(keyPinTrust(db, signer('aa'.repeat(32), 'p-mallory'), 'Ada', now)).rejects.toThrow(/already Bea/);
    await keyPinAcceptChange(db, signer('bb'.repeat(32)), 'Ada', now + 5);
    expect((await keyTrustOf(db, signer('bb'.repeat(32)))).kind).toBe('known');
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toEqual(['key.confirmed', 'key.replaced']);
  });
});
