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
import { evidenceRecordsGrouped, evidenceRowsInSlices, evidenceRowsOf, type EvidenceRow } from './evidenceRows';
import { interviewVersionsFilledFrom, sealedRowsIndexOf, type InterviewVersionRow } from './sealedVersions';

export async function reportEvidenceRead(
  db: AppDb,
  packId: string,
  candidateIds: readonly string[] | 'all',
  options: { withNotes: boolean },
): Promise<ReportEvidence> {
  // One read transaction (requests pipelined, one state), and as few round trips as the reads'
  // dependencies allow: some candidates' loops and interviews are read side by side.
  return db.transaction('r', reportEvidenceTables(db), async () => {
    const parts = await reportEvidenceParts(db, packId, candidateIds);
    const [evidenceRows, versionRows] = await Promise.all([
      evidenceRowsOf(db, parts.sealedIds),
      options.withNotes ? db.interviewVersions.where('interviewId').anyOf(parts.sealedIds).toArray() : undefined,
    ]);
    return reportEvidenceOf(parts, evidenceRows, versionRows);
  });
}

/**
 * A whole pack's evidence without notes or sealed versions (what the committee's rows are built
 * from), for background work: the pool's evidence rows are read a slice at a time
 * (`evidenceRowsInSlices`). The parts are not one snapshot: the caller checks that nothing changed across the read (the
 * audit head) and discards the result otherwise.
 */
export async function reportEvidenceReadInSlices(db: AppDb, packId: string): Promise<ReportEvidence> {
  const parts = await db.transaction('r', reportEvidenceTables(db), () => reportEvidenceParts(db, packId, 'all'));
  return reportEvidenceOf(parts, await evidenceRowsInSlices(db, parts.sealedIds), undefined);
}

/** Everything of a report's evidence but the evidence rows and the sealed versions. */
type ReportEvidenceParts = Pick<ReportEvidence, 'loops' | 'interviews' | 'candidates' | 'interviewers' | 'incidentRuns'> & {
  decisions: NonNullable<ReportEvidence['decisions']>;
  /** The sealed interviews' ids, in the order of `interviews`. */
  sealedIds: string[];
};

async function reportEvidenceParts(
  db: AppDb,
  packId: string,
  candidateIds: readonly string[] | 'all',
): Promise<ReportEvidenceParts> {
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
  const [candidates, interviewers, incidentRuns, decisions] = await Promise.all([
    db.candidates.bulkGet(candidateIdsOfLoops),
    db.interviewers.toArray(),
    db.incidentRuns.where('interviewId').anyOf(sealedIds).toArray(),
    db.decisions.where('candidateId').anyOf(candidateIdsOfLoops).toArray(),
  ]);
  return {
    loops,
    interviews,
    sealedIds,
    candidates: candidates.filter((c): c is NonNullable<typeof c> => !!c),
    interviewers,
    incidentRuns,
    decisions,
  };
}

/** The evidence of `parts`; with notes and sealed versions when `versionRows` were read. */
function reportEvidenceOf(
  parts: ReportEvidenceParts,
  evidenceRows: readonly EvidenceRow[],
  versionRows: InterviewVersionRow[] | undefined,
): ReportEvidence {
  const { sealedIds: _sealedIds, ...records } = parts;
  const evidence = evidenceRecordsGrouped(evidenceRows);
  return {
    ...records,
    ratings: evidence.ratings,
    notes: versionRows ? evidence.notes : [],
    signalTags: evidence.signalTags,
    defectFindings: evidence.defectFindings,
    // The current versions' snapshots are the rows just read.
    ...(versionRows
      ? {
          interviewVersions: interviewVersionsFilledFrom(
            versionRows,
            sealedRowsIndexOf(parts.interviews, evidenceRows, parts.incidentRuns),
          ),
        }
      : {}),
  };
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
