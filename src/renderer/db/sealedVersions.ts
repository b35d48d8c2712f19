/**
 * Sealed versions are stored once. An interview's current sealed version keeps only its seal hash
 * (`evidenceSha256`): its content is the interview's own rows, which nothing may change without an
 * amendment. A superseded version keeps its snapshot. Before the rows may change (an amendment is
 * begun, an import amends), the current version's snapshot is written into its row.
 *
 * Every reader that hands versions on (dumps and bundles, seal checks, reports, the exchange)
 * goes through `interviewVersionsFilled`, so what leaves the database is the same as before: the
 * snapshot rebuilt from the rows is the canonical JSON the seal wrote, byte for byte.
 */
import { canonicalJsonOfMembers } from '../../core/canonical/canonicalJson';
import type { IncidentRun } from '../../core/incident/runSchema';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { Interview, InterviewVersion } from '../../core/model/records';
import type { AppDb } from './appDb';
import { evidenceRowEmpty, type EvidenceRow } from './evidenceRows';

/** A stored version row: without `snapshot` when it is its interview's current sealed version. */
export type InterviewVersionRow = Omit<InterviewVersion, 'snapshot'> & { snapshot?: string };

/** What an interview's sealed content is made of, as stored. */
export interface SealedRows {
  interview: Interview;
  evidence: EvidenceRow;
  incidentRun: IncidentRun | null;
}

/** The canonical evidence an interview's rows hold: what `interviewSubmit` seals as the snapshot. */
export function sealedContentOf({ interview, evidence, incidentRun }: SealedRows) {
  // Stable: lines of one moment stay in id order (the row's order).
  const notes = [...evidence.notes].sort((a, b) => a.at - b.at);
  const { ratings, signalTags, defectFindings } = evidence;
  return { interview, ratings, notes, signalTags, defectFindings, incidentRun };
}

export function sealedSnapshotOf(rows: SealedRows): string {
  return canonicalJsonOfMembers(sealedContentOf(rows));
}

/**
 * The row to store for `version`: without its snapshot when it is the current sealed version of
 * `rows`' interview and the snapshot is exactly what the rows rebuild (and it has a seal hash, so
 * a check still has something to compare with); otherwise as it is.
 */
export function interviewVersionStored(version: InterviewVersion, rows: SealedRows | undefined): InterviewVersionRow {
  if (!rows || version.evidenceSha256 === undefined) return version;
  const { interview } = rows;
  const isCurrent = interview.id === version.interviewId && interviewIsSealed(interview) && interview.version === version.version;
  if (!isCurrent || sealedSnapshotOf(rows) !== version.snapshot) return version;
  const { snapshot: _stored, ...row } = version;
  return row;
}

/** Per interview id, its rows (for rebuilding current versions' snapshots). */
export type SealedRowsIndex = (interviewId: string) => SealedRows | undefined;

/** `rows` with every snapshot present, the current versions' rebuilt from `rowsOf`. */
export function interviewVersionsFilledFrom(rows: readonly InterviewVersionRow[], rowsOf: SealedRowsIndex): InterviewVersion[] {
  return rows.map((row) => {
    if (row.snapshot !== undefined) return row as InterviewVersion;
    const sealed = rowsOf(row.interviewId);
    if (!sealed) throw new Error(`The sealed content of interview ${row.interviewId} is missing.`);
    return { ...row, snapshot: sealedSnapshotOf(sealed) };
  });
}

/** The stored rows of some interviews, read for rebuilding their current versions' snapshots. */
export async function sealedRowsRead(db: AppDb, interviewIds: Iterable<string>): Promise<Map<string, SealedRows>> {
  const ids = [...new Set(interviewIds)];
  const out = new Map<string, SealedRows>();
  if (ids.length === 0) return out;
  const [interviews, evidence, runs] = await Promise.all([db.interviews.bulkGet(ids), db.evidence.bulkGet(ids), db.incidentRuns.bulkGet(ids)]);
  ids.forEach((id, i) => {
    const interview = interviews[i];
    if (interview) out.set(id, { interview, evidence: evidence[i] ?? evidenceRowEmpty(id), incidentRun: runs[i] ?? null });
  });
  return out;
}

/** `rows` with every snapshot present, reading what the current versions need. */
export async function interviewVersionsFilled(db: AppDb, rows: readonly InterviewVersionRow[]): Promise<InterviewVersion[]> {
  const sealed = await sealedRowsRead(
    db,
    rows.filter((r) => r.snapshot === undefined).map((r) => r.interviewId),
  );
  return interviewVersionsFilledFrom(rows, (id) => sealed.get(id));
}

/**
 * Writes the current sealed version's snapshot into its row, before the interview's rows change
 * (an amendment begins, or an import amends it). Inside the caller's transaction.
 */
export async function interviewVersionKeep(db: AppDb, interviewId: string): Promise<void> {
  const rows = await db.interviewVersions.where('interviewId').equals(interviewId).toArray();
  const bare = rows.filter((r) => r.snapshot === undefined);
  if (bare.length === 0) return;
  await db.interviewVersions.bulkPut(await interviewVersionsFilled(db, bare));
}

/** Rows by interview id from whole-table reads (a dump or a seal check), for the current versions' snapshots. */
export function sealedRowsIndexOf(
  interviews: readonly Interview[],
  evidence: readonly EvidenceRow[],
  incidentRuns: readonly IncidentRun[],
): SealedRowsIndex {
  const interviewOf = new Map(interviews.map((i) => [i.id, i]));
  const evidenceOf = new Map(evidence.map((r) => [r.interviewId, r]));
  const runOf = new Map(incidentRuns.map((r) => [r.interviewId, r]));
  return (id) => {
    const interview = interviewOf.get(id);
    return interview && { interview, evidence: evidenceOf.get(id) ?? evidenceRowEmpty(id), incidentRun: runOf.get(id) ?? null };
  };
}
