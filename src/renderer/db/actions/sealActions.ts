/**
 * The app's seal check: every sealed interview's live evidence against its sealed version, as
 * `loopdesk verify` and bundle import check it (`core/audit/evidenceSeal`).
 */
import { evidenceSealHash, evidenceSealsVerify, type SealBreak } from '../../../core/audit/evidenceSeal';
import type { AppDb } from '../appDb';
import { evidenceRecordsInKeyOrder } from '../evidenceRows';
import { interviewVersionsFilledFrom, sealedContentOf, sealedRowsIndexOf } from '../sealedVersions';

/** The first sealed interview whose evidence differs from its seal, or null when all hold. */
export async function sealsVerify(db: AppDb): Promise<SealBreak | null> {
  return db.transaction(
    'r',
    [db.interviews, db.evidence, db.incidentRuns, db.interviewVersions, db.audit],
    async () => {
      const interviews = await db.interviews.toArray();
      const evidence = await db.evidence.toArray();
      const incidentRuns = await db.incidentRuns.toArray();
      const versions = await db.interviewVersions.toArray();
      const rowsOf = sealedRowsIndexOf(interviews, evidence, incidentRuns);
      // A current version stored by its hash alone: the interview's rows must still hash to it.
      // (There is no second copy to name the changed record from; superseded versions keep theirs.)
      for (const [v, version] of versions.entries()) {
        if (version.snapshot !== undefined) continue;
        const rows = rowsOf(version.interviewId);
        if (!rows || evidenceSealHash(sealedContentOf(rows)) !== version.evidenceSha256) {
          return {
            interviewId: version.interviewId,
            path: ['interviewVersions', v],
            message: `interview ${version.interviewId} (sealed version ${version.version}): the evidence does not match the seal`,
          };
        }
      }
      return evidenceSealsVerify({
        interviews,
        ...evidenceRecordsInKeyOrder(evidence),
        incidentRuns,
        interviewVersions: interviewVersionsFilledFrom(versions, rowsOf),
        audit: await db.audit.toArray(),
      });
    },
  );
}
