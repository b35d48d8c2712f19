/**
 * Primary keys and content hashes of bundle records: one implementation shared by import
 * planning, the duplicate check in `bundleParse` and the database layer, so "same record" and
 * "same content" mean the same thing everywhere.
 */
import { canonicalJson } from '../canonical/canonicalJson';
import { sha256Hex } from '../crypto/sha256';
import { bundleTables, type BundleContent, type BundleRecordOf, type BundleTable } from './bundleSchema';

/**
 * The primary key of a record of each table, as one string. Ids are UUIDs, rubric ids are
 * kebab-case and hashes are hex, none of which contain "/", so joined keys are unambiguous.
 * - candidates, interviewers, loops, interviews, notes, signalTags, decisions, interviewVersions: `id`
 * - ratings: `interviewId/dimensionId` (one rating per dimension per interview)
 * - defectFindings: `interviewId/defectId` (a defect is found once per interview)
 * - incidentRuns: `interviewId` (one run per interview)
 * - audit: `hash` (it covers the entry's content and position in its log)
 */
export const bundleKeyOf: { readonly [T in BundleTable]: (record: BundleRecordOf<T>) => string } = {
  candidates: (r) => r.id,
  interviewers: (r) => r.id,
  loops: (r) => r.id,
  interviews: (r) => r.id,
  ratings: (r) => `${r.interviewId}/${r.dimensionId}`,
  notes: (r) => r.id,
  signalTags: (r) => r.id,
  defectFindings: (r) => `${r.interviewId}/${r.defectId}`,
  decisions: (r) => r.id,
  interviewVersions: (r) => r.id,
  incidentRuns: (r) => r.interviewId,
  audit: (r) => r.hash,
};

/** Field names making up each table's primary key, in key order (for database indexes). */
export const bundleKeyFields: { readonly [T in BundleTable]: readonly string[] } = {
  candidates: ['id'],
  interviewers: ['id'],
  loops: ['id'],
  interviews: ['id'],
  ratings: ['interviewId', 'dimensionId'],
  notes: ['id'],
  signalTags: ['id'],
  defectFindings: ['interviewId', 'defectId'],
  decisions: ['id'],
  interviewVersions: ['id'],
  incidentRuns: ['interviewId'],
  audit: ['hash'],
};

/** The primary key of `record` in `table` (see {@link bundleKeyOf}). */
export function bundleRecordKey<T extends BundleTable>(table: T, record: BundleRecordOf<T>): string {
  return bundleKeyOf[table](record);
}

/** SHA-256 of the record's canonical JSON: equal hashes mean equal content, field for field. */
export function bundleRecordHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

/** Per table, primary key → content hash. */
export type BundleHashIndex = { [T in BundleTable]: Map<string, string> };

/**
 * Builds the key → hash index of a set of records (a database dump, or a bundle's content), the
 * form `bundleImportPlan` compares against. Tables left out are empty.
 */
export function bundleContentHashIndex(content: Partial<BundleContent>): BundleHashIndex {
  const index = {} as BundleHashIndex;
  for (const table of bundleTables) {
    const map = new Map<string, string>();
    const records = (content[table] ?? []) as BundleRecordOf<typeof table>[];
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    for (const record of records) map.set(keyOf(record), bundleRecordHash(record));
    index[table] = map;
  }
  return index;
}

/**
 * The primary keys a content carries, per table: what the database layer looks up (bulkGet) to
 * build a `BundleExistingIndex` restricted to the records an import could touch.
 */
export function bundleContentKeys(content: Partial<BundleContent>): { [T in BundleTable]: string[] } {
  const keys = {} as { [T in BundleTable]: string[] };
  for (const table of bundleTables) {
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    keys[table] = ((content[table] ?? []) as readonly unknown[]).map((record) => keyOf(record));
  }
  return keys;
}
