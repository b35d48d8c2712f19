/**
 * Large files in and out of main: written in chunks to a temp file that is renamed into place
 * only when complete, read back in chunks — checked in a temp folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileTextRead, fileWriteAtomic, textChunks } from '../../../src/main/files/fileStreams';
import { backupRead, backupWrite } from '../../../src/main/backups/backupFiles';
import { backupFileName } from '../../../src/shared/backupFileName';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-files-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Chunks that fail after the first one, as a full disk or a dying source would. */
function* failingChunks(): Generator<string> {
  yield 'half of the new content';
  throw new Error('the disk is full');
}

describe('writing a file atomically', () => {
  it('a write that fails midway leaves the previous file as it was and no temp file', async () => {
    const dir = tempDir();
    const target = join(dir, 'loopdesk-backup-2026-11-01.loopdesk');
    writeFileSync(target, 'this morning’s backup');
    await expect(fileWriteAtomic(target, failingChunks())).rejects.toThrow('the disk is full');
    expect(readFileSync(target, 'utf8')).toBe('this morning’s backup');
    expect(readdirSync(dir)).toEqual(['loopdesk-backup-2026-11-01.loopdesk']);
  });

  it('a cancelled write leaves no file at all', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    async function* chunks(): AsyncGenerator<string> {
      yield 'first part';
      // Cancelled once the temp file is on disk, half written.
      await vi.waitFor(() => expect(readdirSync(dir)).toHaveLength(1));
      controller.abort();
      yield 'second part';
    }
    await expect(fileWriteAtomic(join(dir, 'packets.pdf'), chunks(), controller.signal)).rejects.toThrow(/abort/i);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('slices text without splitting a character written as a surrogate pair', () => {
    const text = 'a😀b😀c'; // a, pair, b, pair, c: 7 UTF-16 units
    const chunks = [...textChunks(text, 2)];
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

describe('large backups', () => {
  it('are written in chunks and read back exactly, characters beyond the BMP included', async () => {
    const dir = tempDir();
    const now = Date.UTC(2026, 10, 1);
    // ~3.5 M units: several 1 M-unit chunks, with a surrogate pair at every odd offset boundary.
    const text = `{"notes":"${'é😀x'.repeat(900_000)}"}`;
    const savedTo = await backupWrite(dir, text, 3, now);
    expect(readFileSync(savedTo, 'utf8') === text).toBe(true);
    expect((await backupRead(dir, backupFileName(now))) === text).toBe(true);
  });

  it('a read past the limit is refused with the file named', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.loopdesk'), 'x'.repeat(200_000));
    await expect(fileTextRead(join(dir, 'big.loopdesk'), 100_000)).rejects.toThrow(/big\.loopdesk is larger than 100,000 characters/);
    expect(await fileTextRead(join(dir, 'big.loopdesk'), 200_000)).toHaveLength(200_000);
  });
});
