/**
 * The desktop exchange folder as main reads and writes it, against a real temporary folder: the
 * temp-name-then-rename rule, temporary and foreign names never listed or read, the byte limit,
 * and a watcher that gives one notice per burst of changes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exchangeFolderListFiles,
  exchangeFolderReadFile,
  exchangeFolderWatch,
  exchangeFolderWriteFile,
} from '../../../src/main/files/exchangeFolderFiles';
import { EXCHANGE_FILE_MAX_BYTES } from '../../../src/core/limits/inputLimits';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-exchange-main-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const profile = 'b2f0c6a4-1d2e-4f00-9a6b-0d1c2e3f4a5b';
const name = 'sealed-3c1d7e20-aaaa-4bbb-8ccc-123456789abc-1.loopdesk';

describe('exchange folder files (main)', () => {
  it('publishes a file under its final name only, leaving no temporary file, and reads it back', async () => {
    const root = folder();
    await exchangeFolderWriteFile(root, profile, name, '{"bundle":"é"}');
    expect(readdirSync(join(root, 'outbox', profile))).toEqual([name]);
    expect(readFileSync(join(root, 'outbox', profile, name), 'utf8')).toBe('{"bundle":"é"}');
    const listing = await exchangeFolderListFiles(root);
    expect(listing).toEqual([{ profileId: profile, name, size: 15, lastModified: expect.any(Number) }]);
    expect(await exchangeFolderReadFile(root, profile, name)).toEqual({ ok: true, text: '{"bundle":"é"}' });
  });

  it('skips a partial temporary file until the sync tool renames it, and never lists foreign names', async () => {
    const root = folder();
    const outbox = join(root, 'outbox', profile);
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, `.${name}.partial`), '{"half');
    writeFileSync(join(outbox, 'notes.txt'), 'not a bundle');
    mkdirSync(join(root, 'outbox', '..hidden'));
    expect(await exchangeFolderListFiles(root)).toEqual([]);
    await expect(exchangeFolderReadFile(root, profile, `.${name}.partial`)).rejects.toThrow(/not an exchange file name/);
    await expect(exchangeFolderReadFile(root, '..', name)).rejects.toThrow(/not an outbox name/);
    renameSync(join(outbox, `.${name}.partial`), join(outbox, name));
    expect((await exchangeFolderListFiles(root)).map((e) => e.name)).toEqual([name]);
  });

  it('lists nothing when there is no outbox yet, and refuses to write outside the naming rule', async () => {
    const root = folder();
    expect(await exchangeFolderListFiles(root)).toEqual([]);
    await expect(exchangeFolderWriteFile(root, profile, '../../evil.loopdesk', '{}')).rejects.toThrow(/not an exchange file name/);
    await expect(exchangeFolderWriteFile(root, '../x', name, '{}')).rejects.toThrow(/not an outbox name/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses a file over the limit (counted as read), an empty one and one that is not UTF-8', async () => {
    const root = folder();
    const outbox = join(root, 'outbox', profile);
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, name), Buffer.alloc(EXCHANGE_FILE_MAX_BYTES + 1, 0x20));
    expect(await exchangeFolderReadFile(root, profile, name)).toMatchObject({ ok: false, code: 'too-large', message: 'the file is larger than the 20 MiB limit' });
    expect(await exchangeFolderReadFile(root, profile, name, 10)).toMatchObject({ ok: false, code: 'too-large' });
    writeFileSync(join(outbox, name), '');
    expect(await exchangeFolderReadFile(root, profile, name)).toMatchObject({ ok: false, message: 'the file is empty' });
    writeFileSync(join(outbox, name), Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await exchangeFolderReadFile(root, profile, name)).toMatchObject({ ok: false, message: 'not UTF-8 at byte 1' });
    await expect(exchangeFolderWriteFile(root, profile, name, 'x'.repeat(EXCHANGE_FILE_MAX_BYTES + 1))).rejects.toThrow(/20 MiB limit/);
  });

  it('gives one notice per burst of changes, none for a temporary name alone, and none after it stops', async () => {
    const root = folder();
    mkdirSync(join(root, 'outbox', profile), { recursive: true });
    let notices = 0;
    const errors: Error[] = [];
    const stop = exchangeFolderWatch(root, () => notices++, (e) => errors.push(e), 300);
    await new Promise((r) => setTimeout(r, 100));
    // A sync tool delivering five files: each written under a temporary name, then renamed.
    const outbox = join(root, 'outbox', profile);
    for (let i = 1; i <= 5; i++) {
      writeFileSync(join(outbox, `.${i}.partial`), `{"n":${i}}`);
      renameSync(join(outbox, `.${i}.partial`), join(outbox, name.replace('-1.', `-${i}.`)));
    }
    await expect.poll(() => notices, { timeout: 5_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(notices).toBe(1);
    writeFileSync(join(root, 'outbox', profile, `.${name}.partial`), '{');
    await new Promise((r) => setTimeout(r, 600));
    expect(notices).toBe(1);
    await exchangeFolderWriteFile(root, profile, name.replace('-1.', '-9.'), '{"n":9}');
    await expect.poll(() => notices, { timeout: 5_000 }).toBe(2);
    stop();
    await exchangeFolderWriteFile(root, profile, name.replace('-1.', '-10.'), '{"n":10}');
    await new Promise((r) => setTimeout(r, 600));
    expect(notices).toBe(2);
    expect(errors).toEqual([]);
  });
});
