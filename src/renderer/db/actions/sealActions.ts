/**
 * The app's seal check: every sealed interview's live evidence against its sealed version, as
 * `loopdesk verify` and bundle import check it (`core/audit/evidenceSeal`).
 */
import { evidenceSealsVerify, type SealBreak } from '../../../core/audit/evidenceSeal';
import type { AppDb } from '../appDb';
import { evidenceAll } from '../evidenceRows';

/** The first sealed interview whose evidence differs from its seal, or null when all hold. */
export async function sealsVerify(db: AppDb): Promise<SealBreak | null> {
  return db.transaction(
    'r',
    [
      db.interviews,
      db.evidence,
      db.incidentRuns,
      db.interviewVersions,
      db.audit,
    ],
    async () =>
      evidenceSealsVerify({
        interviews: await db.interviews.toArray(),
        ...(await evidenceAll(db)),
        incidentRuns: await db.incidentRuns.toArray(),
        interviewVersions: await db.interviewVersions.toArray(),
        audit: await db.audit.toArray(),
      }),
  );
}
