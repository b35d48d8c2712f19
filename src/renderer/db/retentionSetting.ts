/**
 * The retention period (days a closed loop is kept), read without the data actions' code: the
 * start-up job asks whether there is one before it loads the purge.
 */
import type { AppDb } from './appDb';

export const retentionSettingKey = 'retentionDays';

/** The retention period in days, or null when none is set (loops are kept). */
export async function retentionDays(db: AppDb): Promise<number | null> {
  const row = await db.settings.get(retentionSettingKey);
  return typeof row?.value === 'number' && row.value > 0 ? row.value : null;
}
