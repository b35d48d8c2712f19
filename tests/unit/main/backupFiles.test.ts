import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, backupList, backupRead, backupWrite } from '../../../src/main/backups/backupFiles';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-backups-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('rolling backups', () => {
  it('keep one file per day and only the newest N days', () => {
    const dir = tempDir();
    const day = 86_400_000;
    const start = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 5; i++) backupWrite(dir, `{"day":${i}}`, 3, start + i * day);
    backupWrite(dir, '{"day":4,"again":true}', 3, start + 4 * day + 3600_000);
    expect(backupList(dir).map((b) => b.name)).toEqual([
      'loopdesk-backup-2026-11-05.loopdesk',
      'loopdesk-backup-2026-11-04.loopdesk',
      'loopdesk-backup-2026-11-03.loopdesk',
    ]);
    expect(backupRead(dir, backupFileName(start + 4 * day))).toBe('{"day":4,"again":true}');
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('ignore other files and refuse names that are not backups', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(backupList(dir)).toEqual([]);
    expect(() => backupRead(dir, '../../etc/passwd')).toThrow(/Not a backup/);
    expect(backupList(join(dir, 'missing'))).toEqual([]);
  });
});
