import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupList, backupRead, backupWrite } from '../../../src/main/backups/backupFiles';
import { backupFileName } from '../../../src/shared/backupFileName';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-backups-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('rolling backups', () => {
  it('keep one file per day and only the newest N days', async () => {
    const dir = tempDir();
    const day = 86_400_000;
    const start = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 5; i++) await backupWrite(dir, `{"day":${i}}`, 3, start + i * day);
    await backupWrite(dir, '{"day":4,"again":true}', 3, start + 4 * day + 3600_000);
    expect((await backupList(dir)).map((b) => b.name)).toEqual([
      'loopdesk-backup-2026-11-05.loopdesk',
      'loopdesk-backup-2026-11-04.loopdesk',
      'loopdesk-backup-2026-11-03.loopdesk',
    ]);
    expect(await backupRead(dir, backupFileName(start + 4 * day))).toBe('{"day":4,"again":true}');
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('ignore other files and refuse names that are not backups', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(await backupList(dir)).toEqual([]);
    await expect(backupRead(dir, '../../etc/passwd')).rejects.toThrow(/Not a backup/);
    expect(await backupList(join(dir, 'missing'))).toEqual([]);
  });

  it('say where and why a backup could not be written, and leave no temp file', async () => {
    const dir = tempDir();
    // A folder where the backup file should go makes the final rename fail, even as root.
    mkdirSync(join(dir, backupFileName(Date.UTC(2026, 10, 1)), 'blocker'), { recursive: true });
    await expect(backupWrite(dir, '{}', 3, Date.UTC(2026, 10, 1))).rejects.toThrow(/^Cannot write the backup .*loopdesk-backup-2026-11-01\.loopdesk \(E[A-Z]+\)\.$/);
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('report a backup folder that cannot be listed instead of showing no backups', async () => {
    const dir = tempDir();
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    await expect(backupList(notAFolder)).rejects.toThrow(/Cannot list the backups in .* \(ENOTDIR\)/);
  });
});
