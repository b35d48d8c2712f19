/**
 * The evidence for reports of some candidates of a pack: their loops, interviews, and what was
 * recorded in the sealed ones. Read by the report hooks (live) and by the worker that computes the
 * committee's rows. `withNotes: false` leaves note text and the sealed versions (the anchoring
 * audit's timeline) out: the committee table needs neither.
 */
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { Candidate, Decision, Interview, Interviewer, Loop } from '../../core/model/records';
import type { IncidentRun } from '../../core/incident/runSchema';
import type { ReportEvidence } from '../../core/report/reportBuild';
import type { AppDb } from './appDb';
import { evidenceRecordsGrouped, evidenceRowsInSlices, evidenceRowsRead } from './evidenceRows';
import { rowsReadOf, type RowsRead, type RowsReadTable } from './rowsRead';
import { interviewVersionsFilledFrom, sealedRowsIndexOf, type InterviewVersionRow } from './sealedVersions';
import { rowsWithKeys } from './rowsWithKeys';
import { byCodeUnits } from '../../core/text/codeUnitOrder';

export async function reportEvidenceRead(
  db: AppDb,
  packId: string,
  candidateIds: readonly string[] | 'all',
  options: { withNotes: boolean },
): Promise<ReportEvidence> {
  // One read transaction (requests pipelined, one state), and two round trips: the loops and
  // interviews, then everything that hangs off them side by side.
  return db.transaction('r', reportEvidenceTables(db), () =>
    reportEvidenceOfCandidates(rowsReadOf(db), packId, candidateIds, options),
  );
}

/** `reportEvidenceRead` in the caller's read (a live query, a transaction, a bare transaction). */
export async function reportEvidenceOfCandidates(
  rows: RowsRead,
  packId: string,
  candidateIds: readonly string[] | 'all',
  options: { withNotes: boolean } = { withNotes: true },
): Promise<ReportEvidence> {
  const { loops, interviews } = await reportLoopsRead(rows, packId, candidateIds);
  return reportEvidenceOfLoops(rows, loops, interviews, { rows: true, withNotes: options.withNotes });
}

/**
 * One candidate's evidence for their report, with the pack their loops pin (the last loop's, else
 * the candidate's role's): the candidate's loops are read once for both, so the whole read is two
 * round trips. Run in the caller's transaction or live query.
 */
export async function reportCandidateRead(
  rows: RowsRead,
  candidateId: string,
): Promise<{ packId: string | null; packHash: string | null; evidence: ReportEvidence | undefined }> {
  const [allLoops, allInterviews, candidate] = await Promise.all([
    rows.withIndexKey<Loop>('loops', 'candidateId', candidateId),
    rows.withIndexKey<Interview>('interviews', 'candidateId', candidateId),
    rows.get<Candidate>('candidates', candidateId),
  ]);
  const pinned = allLoops.at(-1);
  const packId = pinned?.packId ?? candidate?.packId ?? null;
  if (!packId) return { packId: null, packHash: null, evidence: undefined };
  const { loops, interviews } = loopsOfPack(packId, allLoops, allInterviews);
  const evidence = await reportEvidenceOfLoops(rows, loops, interviews, { rows: true, withNotes: true });
  return { packId, packHash: pinned?.packHash ?? null, evidence };
}

/**
 * A whole pack's evidence without notes or sealed versions (what the committee's rows are built
 * from), for background work: the pool's evidence rows are read a slice at a time
 * (`evidenceRowsInSlices`). The parts are not one snapshot: the caller checks that nothing
 * changed across the read (the audit head) and discards the result otherwise.
 */
export async function reportEvidenceReadInSlices(db: AppDb, packId: string): Promise<ReportEvidence> {
  const parts = await db.transaction('r', reportEvidenceTables(db), async () => {
    const rows = rowsReadOf(db);
    const { loops, interviews } = await reportLoopsRead(rows, packId, 'all');
    return reportEvidenceOfLoops(rows, loops, interviews, { rows: false, withNotes: false });
  });
  const sealedIds = parts.interviews.filter(interviewIsSealed).map((i) => i.id);
  const evidence = evidenceRecordsGrouped(await evidenceRowsInSlices(db, sealedIds));
  return { ...parts, ...evidence, notes: [] };
}

/** The pack's loops of some candidates (or all), and their interviews in `anyOf(loopIds)` order. */
async function reportLoopsRead(
  rows: RowsRead,
  packId: string,
  candidateIds: readonly string[] | 'all',
): Promise<{ loops: Loop[]; interviews: Interview[] }> {
  if (candidateIds === 'all') {
    const loops = await rows.withIndexKey<Loop>('loops', 'packId', packId);
    const loopIds = [...new Set(loops.map((l) => l.id))].sort(byCodeUnits);
    const interviews = await rows.withIndexKeys<Interview>('interviews', 'loopId', loopIds);
    return { loops, interviews };
  }
  const [loops, interviews] = await Promise.all([
    rowsWithKeys<Loop>(rows, 'loops', 'candidateId', candidateIds),
    rowsWithKeys<Interview>(rows, 'interviews', 'candidateId', candidateIds),
  ]);
  return loopsOfPack(packId, loops, interviews);
}

function loopsOfPack(
  packId: string,
  loops: readonly Loop[],
  interviews: readonly Interview[],
): { loops: Loop[]; interviews: Interview[] } {
  const ofPack = loops.filter((l) => l.packId === packId);
  const loopIds = new Set(ofPack.map((l) => l.id));
  return { loops: ofPack, interviews: interviews.filter((i) => loopIds.has(i.loopId)).sort(byLoopThenId) };
}

/**
 * The report evidence of `loops` and their `interviews`, every read side by side: the candidates,
 * interviewers, incident runs and decisions, and with `rows` the sealed interviews' evidence rows
 * (notes kept only `withNotes`, which also reads the sealed versions).
 */
async function reportEvidenceOfLoops(
  rows: RowsRead,
  loops: Loop[],
  interviews: Interview[],
  options: { rows: boolean; withNotes: boolean },
): Promise<ReportEvidence> {
  const sealedIds = interviews.filter(interviewIsSealed).map((i) => i.id);
  const candidateIdsOfLoops = [...new Set(loops.map((l) => l.candidateId))];
  const [candidates, interviewers, incidentRuns, decisions, evidenceRows, versionRows] = await Promise.all([
    rows.getMany<Candidate>('candidates', candidateIdsOfLoops),
    rows.all<Interviewer>('interviewers'),
    rowsWithKeys<IncidentRun>(rows, 'incidentRuns', 'interviewId', sealedIds),
    rowsWithKeys<Decision>(rows, 'decisions', 'candidateId', candidateIdsOfLoops),
    options.rows ? evidenceRowsRead(rows, sealedIds) : [],
    options.withNotes ? rowsWithKeys<InterviewVersionRow>(rows, 'interviewVersions', 'interviewId', sealedIds) : undefined,
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
}

/** The order `where('loopId').anyOf(…)` gives: by loop id, then by interview id. */
const byLoopThenId = (a: Interview, b: Interview) => byCodeUnits(a.loopId, b.loopId) || byCodeUnits(a.id, b.id);

/** The tables the reads above read, for a transaction around them. */
export const reportEvidenceTableNames: readonly RowsReadTable[] = [
  'loops',
  'interviews',
  'candidates',
  'interviewers',
  'evidence',
  'incidentRuns',
  'decisions',
  'interviewVersions',
];

/** {@link reportEvidenceTableNames} as Dexie's tables. */
export const reportEvidenceTables = (db: AppDb) => reportEvidenceTableNames.map((name) => db.table(name));
