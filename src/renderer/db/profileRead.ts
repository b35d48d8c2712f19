/**
 * Who "me" is on this machine, read without the record schemas (zod): Today's first render needs
 * it, and the start-up bundle holds only what Today needs. Writes are in `actions/profileActions`.
 */
import type { AppDb, SettingRow } from './appDb';
import { rowsReadOf, type RowsRead } from './rowsRead';
import type { Interviewer } from '../../core/model/records';

export const meSettingKey = 'me';

export function profileCurrent(db: AppDb): Promise<Interviewer | null> {
  return profileCurrentFrom(rowsReadOf(db));
}

export async function profileCurrentFrom(rows: RowsRead): Promise<Interviewer | null> {
  const row = await rows.get<SettingRow>('settings', meSettingKey);
  if (typeof row?.value !== 'string') return null;
  return (await rows.get<Interviewer>('interviewers', row.value)) ?? null;
}
