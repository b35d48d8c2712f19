/**
 * The evidence for reports of some candidates of a pack: their loops, interviews, and what was
 * recorded in the sealed ones. Read by the report hooks (live) and by the worker that computes the
 * committee's rows. `withNotes: false` leaves note text and the sealed versions (the anchoring
 * audit's timeline) out: the committee table needs neither.
 */
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { Interview } from '../../core/model/records';
import type { ReportEvidence } from '../../core/report/reportBuild';
import type { AppDb } from './appDb';
import { evidenceRecordsGrouped, evidenceRowsOf } from './evidenceRows';
import { interviewVersionsFilledFrom, sealedRowsIndexOf } from './sealedVersions';

export async function reportEvidenceRead(
  db: AppDb,
  packId: string,
  candidateIds: readonly string[] | 'all',
  options: { withNotes: boolean },
): Promise<ReportEvidence> {
  // One read transaction (requests pipelined, one state), and as few round trips as the reads'
  // dependencies allow: some candidates' loops and interviews are read side by side.
  return db.transaction('r', reportEvidenceTables(db), async () => {
    const [loops, interviewsRead] =
      candidateIds === 'all'
        ? [await db.loops.where('packId').equals(packId).toArray(), undefined]
        : await Promise.all([
            db.loops
              .where('candidateId')
              .anyOf([...candidateIds])
              .toArray()
              .then((all) => all.filter((l) => l.packId === packId)),
            db.interviews
              .where('candidateId')
              .anyOf([...candidateIds])
              .toArray(),
          ]);
    const loopIds = new Set(loops.map((l) => l.id));
    const interviews = interviewsRead
      ? interviewsRead.filter((i) => loopIds.has(i.loopId)).sort(byLoopThenId)
      : await db.interviews
          .where('loopId')
          .anyOf([...loopIds])
          .toArray();
    const sealedIds = interviews.filter(interviewIsSealed).map((i) => i.id);
    const candidateIdsOfLoops = [...new Set(loops.map((l) => l.candidateId))];
    const [candidates, interviewers, evidenceRows, incidentRuns, decisions, versionRows] = await Promise.all([
      db.candidates.bulkGet(candidateIdsOfLoops),
      db.interviewers.toArray(),
      evidenceRowsOf(db, sealedIds),
      db.incidentRuns.where('interviewId').anyOf(sealedIds).toArray(),
      db.decisions.where('candidateId').anyOf(candidateIdsOfLoops).toArray(),
      options.withNotes ? db.interviewVersions.where('interviewId').anyOf(sealedIds).toArray() : undefined,
    ]);
    const evidence = evidenceRecordsGrouped(evidenceRows);
    return {
      candidates: candidates.filter((c): c is NonNullable<typeof c> => !!c),
      loops,
      interviews,
      interviewers,
      ratings: evidence.ratings,
      notes: options.withNotes ? evidence.notes : [],
      signalTags: evidence.signalTags,
      defectFindings: evidence.defectFindings,
      incidentRuns,
      decisions,
      // The current versions' snapshots are the rows just read.
      ...(versionRows
        ? {
            interviewVersions: interviewVersionsFilledFrom(
              versionRows,
              sealedRowsIndexOf(interviews, evidenceRows, incidentRuns),
            ),
          }
        : {}),
    };
  });
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order `where('loopId').anyOf(…)` gives: by loop id, then by interview id. */
const byLoopThenId = (a: Interview, b: Interview) => byString(a.loopId, b.loopId) || byString(a.id, b.id);

/** The tables `reportEvidenceRead` reads, for a transaction around it. */
export const reportEvidenceTables = (db: AppDb) => [
  db.loops,
  db.interviews,
  db.candidates,
  db.interviewers,
  db.evidence,
  db.incidentRuns,
  db.decisions,
  db.interviewVersions,
];
