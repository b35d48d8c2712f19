/**
 * Rolling daily backups as bundle files in the app's data folder: one file per day
 * (`loopdesk-backup-YYYY-MM-DD.loopdesk`, rewritten during the day), the newest `keep` days kept.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../shared/desktopApi';

const pattern = /^loopdesk-backup-(\d{4})-(\d{2})-(\d{2})\.loopdesk$/;

export function backupFileName(now: number): string {
  return `loopdesk-backup-${new Date(now).toISOString().slice(0, 10)}.loopdesk`;
}

export function backupList(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => pattern.test(n))
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { name, createdAt: stat.mtimeMs, bytes: stat.size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Writes atomically (temp file + rename) so a crash never leaves a half-written backup. */
export function backupWrite(dir: string, text: string, keep: number, now: number): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, backupFileName(now));
  const temp = `${target}.tmp`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, target);
  for (const old of backupList(dir).slice(keep)) rmSync(join(dir, old.name), { force: true });
  return target;
}

export function backupRead(dir: string, name: string): string {
  if (!pattern.test(name)) throw new Error('Not a backup file name.');
  return readFileSync(join(dir, name), 'utf8');
}
