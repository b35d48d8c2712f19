/**
 * The evidence for reports of some candidates of a pack: their loops, interviews, and what was
 * recorded in the sealed ones. Read by the report hooks (live) and by the worker that computes the
 * committee's rows. `withNotes: false` leaves note text and the sealed versions (the anchoring
 * audit's timeline) out: the committee table needs neither.
 */
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { ReportEvidence } from '../../core/report/reportBuild';
import type { AppDb } from './appDb';
import { evidenceOfMany } from './evidenceRows';
import { interviewVersionsFilled } from './sealedVersions';

export async function reportEvidenceRead(
  db: AppDb,
  packId: string,
  candidateIds: readonly string[] | 'all',
  options: { withNotes: boolean },
): Promise<ReportEvidence> {
  const loops =
    candidateIds === 'all'
      ? await db.loops.where('packId').equals(packId).toArray()
      : (
          await db.loops
            .where('candidateId')
            .anyOf([...candidateIds])
            .toArray()
        ).filter((l) => l.packId === packId);
  const interviews = await db.interviews.where('loopId').anyOf(loops.map((l) => l.id)).toArray();
  const sealedIds = interviews.filter(interviewIsSealed).map((i) => i.id);
  const candidateIdsOfLoops = [...new Set(loops.map((l) => l.candidateId))];
  const [candidates, interviewers, evidence, incidentRuns, decisions, interviewVersions] = await Promise.all([
    db.candidates.bulkGet(candidateIdsOfLoops),
    db.interviewers.toArray(),
    evidenceOfMany(db, sealedIds),
    db.incidentRuns.where('interviewId').anyOf(sealedIds).toArray(),
    db.decisions.where('candidateId').anyOf(candidateIdsOfLoops).toArray(),
    options.withNotes ? db.interviewVersions.where('interviewId').anyOf(sealedIds).toArray() : undefined,
  ]);
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
    ...(interviewVersions ? { interviewVersions: await interviewVersionsFilled(db, interviewVersions) } : {}),
  };
}

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
