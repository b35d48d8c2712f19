/**
 * Evidence is stored as one row per interview (schema v4, table `evidence`): that interview's
 * ratings, notes, signal tags and defect findings as arrays of the record shapes of
 * `core/model/records`. An import of 25,000 interviews writes 25,000 evidence rows instead of
 * ~600,000 records, and IndexedDB's cost is per record.
 *
 * Each array is kept sorted by the record's own key (the primary key it had as a table of its
 * own: dimension, id, id, defect), and the readers below return records in the order the v3
 * tables gave them, so reports, seals and bundles see exactly what they saw before.
 */
import type { DefectFinding, Note, Rating, SignalTag } from '../../core/model/records';
import type { AppDb } from './appDb';
import { rowsReadOf, type RowsRead } from './rowsRead';
import { byCodeUnits } from '../../core/text/codeUnitOrder';

export interface EvidenceRow {
  interviewId: string;
  ratings: Rating[];
  notes: Note[];
  signalTags: SignalTag[];
  defectFindings: DefectFinding[];
}

/** The evidence records of some interviews, one list per kind (the bundle's and v3's tables). */
export interface EvidenceRecords {
  ratings: Rating[];
  notes: Note[];
  signalTags: SignalTag[];
  defectFindings: DefectFinding[];
}

/** The four kinds of evidence record, as the bundle and the v3 schema name their tables. */
export const evidenceKinds = ['ratings', 'notes', 'signalTags', 'defectFindings'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export function evidenceRowEmpty(interviewId: string): EvidenceRow {
  return { interviewId, ratings: [], notes: [], signalTags: [], defectFindings: [] };
}

export function evidenceRowIsEmpty(row: EvidenceRow): boolean {
  return evidenceKinds.every((kind) => row[kind].length === 0);
}

const byRatingKey = (a: Rating, b: Rating) => byCodeUnits(a.dimensionId, b.dimensionId);
const byId = (a: { id: string }, b: { id: string }) => byCodeUnits(a.id, b.id);
const byFindingKey = (a: DefectFinding, b: DefectFinding) => byCodeUnits(a.defectId, b.defectId);

/** The row with each array in key order (the order readers rely on). */
export function evidenceRowSorted(row: EvidenceRow): EvidenceRow {
  return {
    interviewId: row.interviewId,
    ratings: [...row.ratings].sort(byRatingKey),
    notes: [...row.notes].sort(byId),
    signalTags: [...row.signalTags].sort(byId),
    defectFindings: [...row.defectFindings].sort(byFindingKey),
  };
}

/** One interview's evidence; an interview with nothing recorded has no row and reads as empty. */
export async function evidenceOf(db: AppDb, interviewId: string): Promise<EvidenceRow> {
  return (await db.evidence.get(interviewId)) ?? evidenceRowEmpty(interviewId);
}

/** The stored evidence rows of some interviews, in interview id order (those with none left out). */
export function evidenceRowsOf(db: AppDb, interviewIds: Iterable<string>): Promise<EvidenceRow[]> {
  return evidenceRowsRead(rowsReadOf(db), interviewIds);
}

/** `evidenceRowsOf` through any `RowsRead`. */
export async function evidenceRowsRead(rows: RowsRead, interviewIds: Iterable<string>): Promise<EvidenceRow[]> {
  const ids = [...new Set(interviewIds)].sort(byCodeUnits);
  const found = await rows.getMany<EvidenceRow>('evidence', ids);
  return found.filter((r): r is EvidenceRow => !!r);
}

/** Evidence rows read per transaction by {@link evidenceRowsInSlices}. */
export const evidenceSliceRows = 500;

/**
 * `evidenceRowsOf` for background reads of many rows (the whole pool: 25,000 rows with their
 * notes at full size, seconds of reading): a slice at a time, each in a transaction of its own
 * with a pause between, so a report or a save asked for meanwhile waits for one slice, not for
 * the whole read. Not one snapshot: the caller checks that nothing changed across it.
 */
export async function evidenceRowsInSlices(db: AppDb, interviewIds: Iterable<string>): Promise<EvidenceRow[]> {
  const ids = [...new Set(interviewIds)].sort(byCodeUnits);
  const rows: EvidenceRow[] = [];
  for (let i = 0; i < ids.length; i += evidenceSliceRows) {
    const slice = ids.slice(i, i + evidenceSliceRows);
    rows.push(...(await db.transaction('r', db.evidence, () => evidenceRowsOf(db, slice))));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return rows;
}

/**
 * The records of some interviews, as v3's `where('interviewId').anyOf(ids)` gave them: grouped by
 * interview in id order, each interview's in key order.
 */
export async function evidenceOfMany(db: AppDb, interviewIds: Iterable<string>): Promise<EvidenceRecords> {
  return evidenceRecordsGrouped(await evidenceRowsOf(db, interviewIds));
}

/** The records of `rows` (in interview id order), grouped by interview. */
export function evidenceRecordsGrouped(rows: readonly EvidenceRow[]): EvidenceRecords {
  return {
    ratings: rows.flatMap((r) => r.ratings),
    notes: rows.flatMap((r) => r.notes),
    signalTags: rows.flatMap((r) => r.signalTags),
    defectFindings: rows.flatMap((r) => r.defectFindings),
  };
}

/**
 * The records of `rows` in the order of v3's whole tables (their primary keys): ratings and
 * findings by interview then key, notes and tags by their own id across interviews. Database
 * dumps read this, so a bundle of the same data has the same bytes as before.
 */
export function evidenceRecordsInKeyOrder(rows: readonly EvidenceRow[]): EvidenceRecords {
  const grouped = evidenceRecordsGrouped([...rows].sort((a, b) => byCodeUnits(a.interviewId, b.interviewId)));
  return { ...grouped, notes: grouped.notes.sort(byId), signalTags: grouped.signalTags.sort(byId) };
}

/** Every evidence record in the database, in v3's table order (see {@link evidenceRecordsInKeyOrder}). */
export async function evidenceAll(db: AppDb): Promise<EvidenceRecords> {
  return evidenceRecordsInKeyOrder(await db.evidence.toArray());
}

/** Records of any interviews, grouped into one sorted row per interview. */
export function evidenceRowsFrom(records: Partial<EvidenceRecords>, into = new Map<string, EvidenceRow>()): Map<string, EvidenceRow> {
  for (const kind of evidenceKinds) {
    for (const record of records[kind] ?? []) {
      let row = into.get(record.interviewId);
      if (!row) into.set(record.interviewId, (row = evidenceRowEmpty(record.interviewId)));
      (row[kind] as Array<typeof record>).push(record);
    }
  }
  for (const [id, row] of into) into.set(id, evidenceRowSorted(row));
  return into;
}

/**
 * Read-modify-write of one interview's row inside the caller's transaction: `change` gets a copy
 * of the row (empty when none is stored) and returns it changed. An emptied row is deleted.
 */
export async function evidenceChange(
  db: AppDb,
  interviewId: string,
  change: (row: EvidenceRow) => EvidenceRow,
): Promise<EvidenceRow> {
  const next = change(await evidenceOf(db, interviewId));
  if (next.interviewId !== interviewId) throw new Error('Evidence of another interview.');
  return evidenceWrite(db, next);
}

/** Stores `row` (read in the caller's transaction and changed), sorted; an emptied row is deleted. */
export async function evidenceWrite(db: AppDb, row: EvidenceRow): Promise<EvidenceRow> {
  const next = evidenceRowSorted(row);
  if (evidenceRowIsEmpty(next)) await db.evidence.delete(next.interviewId);
  else await db.evidence.put(next);
  return next;
}
