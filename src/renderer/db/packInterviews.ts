import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { Interview } from '../../core/model/records';
import type { AppDb } from './appDb';

/** Every sealed interview of the pack's loops (read in the caller's transaction, if any). */
export async function packSealedInterviews(db: AppDb, packId: string): Promise<Interview[]> {
  const loops = await db.loops.where('packId').equals(packId).toArray();
  const interviews = await db.interviews
    .where('loopId')
    .anyOf(loops.map((l) => l.id))
    .toArray();
  return interviews.filter(interviewIsSealed);
}
