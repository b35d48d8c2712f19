/** "Who am I" on this machine: a local interviewer profile, remembered in settings. */
import type { AppDb } from '../appDb';
import { interviewerSchema, type Interviewer } from '../../../core/model/records';
import { meSettingKey } from '../profileRead';

export { meSettingKey, profileCurrent } from '../profileRead';

export async function profileCreate(db: AppDb, input: { name: string; email?: string }, now: number): Promise<Interviewer> {
  const interviewer = interviewerSchema.parse({
    id: crypto.randomUUID(),
    name: input.name,
    email: input.email ?? '',
    createdAt: now,
  });
  await db.transaction('rw', db.interviewers, db.settings, async () => {
    await db.interviewers.add(interviewer);
    await db.settings.put({ key: meSettingKey, value: interviewer.id });
  });
  return interviewer;
}

export async function profileSwitch(db: AppDb, interviewerId: string): Promise<void> {
  await db.settings.put({ key: meSettingKey, value: interviewerId });
}
