/**
 * Rolling daily backups as bundle files in the app's data folder: one file per day (named by
 * `backupFileName`, rewritten during the day), the newest `keep` days kept. All I/O is asynchronous
 * and streamed: a backup can be hundreds of megabytes and the main process must stay responsive.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupFile } from '../../shared/desktopApi';
import { backupFileName, isBackupFileName } from '../../shared/backupFileName';
import { BUNDLE_MAX_BYTES } from '../../core/limits/inputLimits';
import { fileTextRead, fileWriteAtomic, textChunks } from '../files/fileStreams';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Backups in `dir`, newest day first; none when the folder does not exist yet. */
export async function backupList(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw new Error(`Cannot list the backups in ${dir} (${errorCode(error) ?? String(error)}).`, { cause: error });
  }
  const files = await Promise.all(
    names.filter(isBackupFileName).map(async (name) => {
      try {
        const info = await stat(join(dir, name));
        return { name, createdAt: info.mtimeMs, bytes: info.size };
      } catch {
        return null; // Removed between listing and stat (another rotation): not a backup any more.
      }
    }),
  );
  return files.filter((f): f is BackupFile => f !== null).sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Streams `text` into the day's file atomically (temp file + rename, see `fileWriteAtomic`), so a
 * crash or a full disk never leaves a half-written backup and the previous one stays intact; then
 * removes the days beyond `keep`. A failure to remove an old backup is reported, not ignored: the
 * folder would otherwise grow without anyone knowing.
 */
export async function backupWrite(dir: string, text: string, keep: number, now: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, backupFileName(now));
  try {
    await fileWriteAtomic(target, textChunks(text));
  } catch (error) {
    const reason = errorCode(error) ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`Cannot write the backup ${target} (${reason}).`, { cause: error });
  }
  const stale = (await backupList(dir)).slice(keep);
  const failed: string[] = [];
  for (const old of stale) {
    await rm(join(dir, old.name), { force: true }).catch(() => failed.push(old.name));
  }
  if (failed.length > 0) throw new Error(`The backup was saved to ${target}, but old backups could not be removed: ${failed.join(', ')}.`);
  return target;
}

/** A backup's text, streamed from disk; no larger than a bundle may be. */
export async function backupRead(dir: string, name: string): Promise<string> {
  if (!isBackupFileName(name)) throw new Error('Not a backup file name.');
  return fileTextRead(join(dir, name), BUNDLE_MAX_BYTES);
}
