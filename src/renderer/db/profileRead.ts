/**
 * Who "me" is on this machine, read without the record schemas (zod): Today's first render needs
 * it, and the start-up bundle holds only what Today needs. Writes are in `actions/profileActions`.
 */
import type { AppDb } from './appDb';
import type { Interviewer } from '../../core/model/records';

export const meSettingKey = 'me';

export async function profileCurrent(db: AppDb): Promise<Interviewer | null> {
  const row = await db.settings.get(meSettingKey);
  if (typeof row?.value !== 'string') return null;
  return (await db.interviewers.get(row.value)) ?? null;
}
