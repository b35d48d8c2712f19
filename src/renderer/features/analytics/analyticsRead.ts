/**
 * What interviewer analytics read of the local database for one pack, in one read transaction:
 * the sealed interviews of the pack's loops (with the time of each one's first seal), their
 * ratings, the interviewers' names, and the sealed practice runs scored against their keys.
 * Runs in the analytics worker (and in this thread where there are no workers).
 */
import type { AnalyticsInput, AnalyticsPracticeRun } from '../../../core/analytics/interviewerAnalytics';
import { practiceScore } from '../../../core/practice/practiceScore';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../../db/appDb';
import { evidenceOfMany } from '../../db/evidenceRows';
import { packSealedInterviews } from '../../db/packInterviews';

export interface AnalyticsRead {
  input: AnalyticsInput;
  /** Interviewer id → name, for every interviewer known here. */
  names: Record<string, string>;
}

export async function analyticsInputRead(db: AppDb, pack: RubricPack): Promise<AnalyticsRead> {
  const tables = [db.loops, db.interviews, db.evidence, db.interviewVersions, db.interviewers, db.practiceRuns];
  return db.transaction('r', tables, async () => {
    const interviews = await packSealedInterviews(db, pack.manifest.id);
    const { ratings } = await evidenceOfMany(
      db,
      interviews.map((i) => i.id),
    );
    // An amended interview's submittedAt is its latest seal; its first is in version 1.
    const amended = interviews.filter((i) => i.version > 1).map((i) => i.id);
    const firstSeal = new Map(
      (await db.interviewVersions.where('interviewId').anyOf(amended).toArray())
        .filter((v) => v.version === 1)
        .map((v) => [v.interviewId, v.sealedAt]),
    );
    const practice = (await db.practiceRuns.toArray()).filter(
      (r) => r.packId === pack.manifest.id && r.sealedAt !== null,
    );
    const interviewers = await db.interviewers.toArray();
    return {
      input: {
        interviews: interviews.map((i) => {
          const sealedAt = firstSeal.get(i.id) ?? i.submittedAt ?? i.updatedAt;
          return {
            id: i.id,
            candidateId: i.candidateId,
            interviewerId: i.interviewerId,
            heldAt: i.startedAt ?? i.scheduledAt ?? sealedAt,
            firstSealedAt: sealedAt,
          };
        }),
        ratings: ratings.map((r) => ({
          interviewId: r.interviewId,
          dimensionId: r.dimensionId,
          score: r.state === 'rated' ? r.score : null,
        })),
        practiceRuns: practice.map((run): AnalyticsPracticeRun => {
          const scored = practiceScore(pack, {
            caseId: run.caseId,
            ratings: Object.fromEntries(
              Object.entries(run.ratings).map(([d, v]) => [d, v === null ? 'no-evidence' : v]),
            ),
            signals: run.signalIds,
          });
          return {
            interviewerId: run.interviewerId,
            sealedAt: run.sealedAt!,
            meanAbsoluteDistance: scored.ok ? scored.value.meanAbsoluteDistance : null,
          };
        }),
        dimensionIds: pack.dimensions.map((d) => d.id),
      },
      names: Object.fromEntries(interviewers.map((p) => [p.id, p.name])),
    };
  });
}
