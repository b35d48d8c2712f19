/**
 * The name of an automatic backup file, in one place: main writes and lists them, the IPC schema
 * admits only such names, web mode downloads under it and the renderer looks for today's.
 * One file per UTC day (`loopdesk-backup-YYYY-MM-DD.loopdesk`), rewritten during the day, so
 * sorting names sorts by day.
 */
export const backupFileNamePattern = /^loopdesk-backup-\d{4}-\d{2}-\d{2}\.loopdesk$/;

export function backupFileName(now: number): string {
  return `loopdesk-backup-${new Date(now).toISOString().slice(0, 10)}.loopdesk`;
}

export function isBackupFileName(name: string): boolean {
  return backupFileNamePattern.test(name);
}

/** Days of automatic backups kept on disk (older ones are removed when a new day's is written). */
export const backupKeepDays = 14;
