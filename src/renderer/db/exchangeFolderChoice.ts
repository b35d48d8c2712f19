/**
 * The exchange folder chosen on this machine, kept apart from `actions/exchangeActions` (bundles,
 * signatures, the record schemas) so the shell's background upkeep can ask whether there is a
 * folder without loading any of that; the round itself is loaded when there is one.
 */
import { exchangeFolderOf, type ExchangeFolder } from '../platform/exchangeFolderAccess';
import type { AppDb } from './appDb';

const folderSettingKey = 'exchangeFolder';
/** The folder this window works with (a handle IndexedDB cannot store still works until reload). */
let current: ExchangeFolder | null = null;

/** Remembers the folder for this machine (IndexedDB keeps folder handles and desktop folders across restarts). */
export async function exchangeFolderRemember(db: AppDb, handle: ExchangeFolder | null): Promise<void> {
  current = handle;
  try {
    if (handle) await db.settings.put({ key: folderSettingKey, value: handle });
    else await db.settings.delete(folderSettingKey);
  } catch {
    // Not storable here (DataCloneError): kept for this session only.
  }
}

/** The folder chosen on this machine, if any. */
export async function exchangeFolderRecall(db: AppDb): Promise<ExchangeFolder | null> {
  if (current) return current;
  const row = await db.settings.get(folderSettingKey);
  current = exchangeFolderOf(row?.value);
  return current;
}
