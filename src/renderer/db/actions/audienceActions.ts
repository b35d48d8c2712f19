/**
 * Blind mode is a setting of the profile that turned it on (one row per profile in `settings`), so
 * a reload, a second window and the print tab all see it, and one committee member's choice does
 * not change another's screen.
 */
import type { AppDb } from '../appDb';
import { meSettingKey } from '../profileRead';

export const blindModeSettingPrefix = 'blindMode:';

/** The profile whose setting applies: the current one, or the machine's when none is set up. */
async function blindModeKey(db: AppDb): Promise<string> {
  const me = await db.settings.get(meSettingKey);
  return `${blindModeSettingPrefix}${typeof me?.value === 'string' ? me.value : 'machine'}`;
}

export async function blindModeIsOn(db: AppDb): Promise<boolean> {
  return (await db.settings.get(await blindModeKey(db)))?.value === true;
}

export async function blindModeSet(db: AppDb, isBlind: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: await blindModeKey(db), value: isBlind });
  });
}
