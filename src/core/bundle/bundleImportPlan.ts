/**
 * Import planning (SPEC §7): given what this machine already holds and a validated bundle, which
 * records to add, which are already here, and which clash. Pure; the database layer writes
 * `plan.add` in one transaction, and nothing is ever overwritten.
 */
import { bundleCountText } from './bundleCreate';
import { bundleKeyOf, bundleRecordHash } from './bundleKeys';
import { bundleTables, type Bundle, type BundleContent, type BundleCounts, type BundleTable } from './bundleSchema';

/** Something that answers "which content hash does the record with this key have here?". */
export interface BundleKeyLookup {
  get(key: string): string | undefined;
}

/**
 * What this machine holds, per table: primary key (see `bundleKeyOf`) → content hash (see
 * `bundleRecordHash`). A `Map` from `bundleContentHashIndex` fits. A missing table means empty.
 * The database layer can restrict it to the keys the bundle carries (`bundleContentKeys`).
 */
export type BundleExistingIndex = { readonly [T in BundleTable]?: BundleKeyLookup };

export interface BundleConflict {
  table: BundleTable;
  /** The record's primary key. */
  id: string;
  /** One sentence for the person importing. */
  reason: string;
  existingHash: string;
  incomingHash: string;
}

export interface BundleImportPlan {
  /** Records to write: in the bundle, not here, and not held back. */
  add: BundleContent;
  /** Records already here with identical content, per table. */
  unchanged: BundleCounts;
  /** Records here with different content: kept as they are here, listed for a person to decide. */
  conflicts: BundleConflict[];
  /**
   * New records not added because they belong to an interview in conflict (its ratings, notes,
   * tags, findings, versions, run): mixing them into the local interview would change sealed
   * evidence piecemeal.
   */
  heldBack: BundleCounts;
  summary: {
    added: number;
    unchanged: number;
    conflicts: number;
    heldBack: number;
    /** True when importing changes nothing (importing the same bundle twice ends here). */
    isNothingToAdd: boolean;
    /** e.g. "adds 3 interviews, 30 ratings; 12 unchanged; 1 conflict". */
    text: string;
  };
}

const interviewOwnedTables: ReadonlySet<BundleTable> = new Set([
  'ratings',
  'notes',
  'signalTags',
  'defectFindings',
  'interviewVersions',
  'incidentRuns',
]);

function conflictReason(table: BundleTable, id: string): string {
  const single = bundleCountText(table, 1).slice(2);
  if (table === 'interviews') {
    return `interview ${id} is already here with different content (another version or edits); the one here is kept`;
  }
  if (interviewOwnedTables.has(table)) {
    return `${single} ${id} is already here with different content; the one here is kept, and the rest of its interview is held back`;
  }
  return `${single} ${id} is already here with different content; the one here is kept`;
}

function emptyContent(): BundleContent {
  const content = {} as Record<BundleTable, unknown[]>;
  for (const table of bundleTables) content[table] = [];
  return content as unknown as BundleContent;
}

function zeroCounts(): BundleCounts {
  const counts = {} as BundleCounts;
  for (const table of bundleTables) counts[table] = 0;
  return counts;
}

/**
 * Plans importing `bundle` (already validated by `bundleParse`) into a store described by
 * `existing`. Records are matched by primary key and compared by canonical content hash:
 * absent → add; same hash → unchanged; different hash → conflict (never overwritten). Records of
 * an interview that has any conflict are held back rather than added. Idempotent: after writing
 * `add`, planning the same bundle again adds nothing and reports the same conflicts.
 */
export function bundleImportPlan(existing: BundleExistingIndex, bundle: Bundle | BundleContent): BundleImportPlan {
  const content: BundleContent = 'content' in bundle ? bundle.content : bundle;
  const candidatesToAdd = emptyContent() as unknown as Record<BundleTable, unknown[]>;
  const unchanged = zeroCounts();
  const heldBack = zeroCounts();
  const conflicts: BundleConflict[] = [];
  const conflictedInterviews = new Set<string>();

  for (const table of bundleTables) {
    const lookup = existing[table];
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    const records = content[table] as readonly unknown[];
    const out = candidatesToAdd[table];
    for (const record of records) {
      if (!lookup) {
        out.push(record);
        continue;
      }
      const key = keyOf(record);
      const existingHash = lookup.get(key);
      if (existingHash === undefined) {
        out.push(record);
        continue;
      }
      const incomingHash = bundleRecordHash(record);
      if (incomingHash === existingHash) {
        unchanged[table]++;
        continue;
      }
      conflicts.push({ table, id: key, reason: conflictReason(table, key), existingHash, incomingHash });
      if (table === 'interviews') conflictedInterviews.add(key);
      else if (interviewOwnedTables.has(table))
        conflictedInterviews.add((record as { interviewId: string }).interviewId);
    }
  }

  const add = candidatesToAdd as unknown as BundleContent;
  if (conflictedInterviews.size > 0) {
    for (const table of interviewOwnedTables) {
      const kept = (candidatesToAdd[table] as { interviewId: string }[]).filter(
        (record) => !conflictedInterviews.has(record.interviewId),
      );
      heldBack[table] = candidatesToAdd[table].length - kept.length;
      candidatesToAdd[table] = kept;
    }
  }

  let added = 0;
  let unchangedTotal = 0;
  let heldBackTotal = 0;
  const addedParts: string[] = [];
  for (const table of bundleTables) {
    const count = add[table].length;
    added += count;
    unchangedTotal += unchanged[table];
    heldBackTotal += heldBack[table];
    if (count > 0) addedParts.push(bundleCountText(table, count));
  }
  const parts = [addedParts.length > 0 ? `adds ${addedParts.join(', ')}` : 'adds nothing'];
  if (unchangedTotal > 0) parts.push(`${unchangedTotal} already here`);
  if (conflicts.length > 0)
    parts.push(`${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} (kept as here)`);
  if (heldBackTotal > 0) parts.push(`${heldBackTotal} held back with conflicting interviews`);

  return {
    add,
    unchanged,
    conflicts,
    heldBack,
    summary: {
      added,
      unchanged: unchangedTotal,
      conflicts: conflicts.length,
      heldBack: heldBackTotal,
      isNothingToAdd: added === 0,
      text: parts.join('; '),
    },
  };
}
