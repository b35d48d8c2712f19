/**
 * Blind mode is a setting of the profile that turned it on (one row per profile in `settings`), so
 * a reload, a second window and the print tab all see it, and one committee member's choice does
 * not change another's screen.
 */
import type { AppDb, SettingRow } from '../appDb';
import { rowsReadOf, type RowsRead } from '../rowsRead';
import { meSettingKey } from '../profileRead';

export const blindModeSettingPrefix = 'blindMode:';

/** The profile whose setting applies: the current one, or the machine's when none is set up. */
async function blindModeKey(rows: RowsRead): Promise<string> {
  const me = await rows.get<SettingRow>('settings', meSettingKey);
  return `${blindModeSettingPrefix}${typeof me?.value === 'string' ? me.value : 'machine'}`;
}

export function blindModeIsOn(db: AppDb): Promise<boolean> {
  return blindModeIsOnFrom(rowsReadOf(db));
}

export async function blindModeIsOnFrom(rows: RowsRead): Promise<boolean> {
  return (await rows.get<SettingRow>('settings', await blindModeKey(rows)))?.value === true;
}

export async function blindModeSet(db: AppDb, isBlind: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: await blindModeKey(rowsReadOf(db)), value: isBlind });
  });
}
