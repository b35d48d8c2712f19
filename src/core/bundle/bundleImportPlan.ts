/**
 * Import planning (SPEC §7): given what this machine already holds and a validated bundle, which
 * records to add, which are already here, and which clash. Pure; the database layer writes
 * `plan.add` in one transaction, and nothing is ever overwritten.
 */
import type { Interview, InterviewStatus } from '../model/records';
import { bundleCountText } from './bundleCreate';
import { bundleKeyOf, bundleRecordHash } from './bundleKeys';
import { bundleTables, type Bundle, type BundleContent, type BundleCounts, type BundleTable } from './bundleSchema';

/** Something that answers "which content hash does the record with this key have here?". */
export interface BundleKeyLookup {
  get(key: string): string | undefined;
}

/**
 * The lookup of a table whose incoming records all count as already here, without hashing them:
 * the foreign audit log, which an import records by its head rather than merges.
 */
export const bundleAllUnchanged: BundleKeyLookup = { get: () => undefined };

/**
 * What this machine holds, per table: primary key (see `bundleKeyOf`) → content hash (see
 * `bundleRecordHash`). A `Map` from `bundleContentHashIndex` fits. A missing table means empty.
 * The database layer can restrict it to the keys the bundle carries (`bundleContentKeys`).
 */
export type BundleExistingIndex = { readonly [T in BundleTable]?: BundleKeyLookup };

/** An interview this machine holds, as far as the seal rules need it. */
export interface BundleLocalInterview {
  status: InterviewStatus;
  version: number;
  /** Ids of its sealed versions here (`interviewVersions`). */
  versionIds: readonly string[];
}

/** Interviews held here, by id; the database layer can restrict it to those the bundle carries. */
export interface BundleLocalInterviews {
  get(interviewId: string): BundleLocalInterview | undefined;
}

/**
 * A newer sealed version of an interview sealed here, carrying every version held here unchanged:
 * the only import that changes sealed evidence. Writing it replaces the interview row and its
 * evidence with the bundle's and adds the new version rows.
 */
export interface BundleAmendment {
  interviewId: string;
  fromVersion: number;
  toVersion: number;
  reason: string;
  interview: Interview;
  evidence: Pick<BundleContent, 'ratings' | 'notes' | 'signalTags' | 'defectFindings' | 'incidentRuns'>;
  /** Version rows not held here yet. */
  versions: BundleContent['interviewVersions'];
}

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
  /** Newer sealed versions of interviews sealed here: written as amendments. */
  amendments: BundleAmendment[];
  /**
   * New records for interviews sealed here (that are not amendments): refused, since only an
   * amendment changes sealed evidence. Each such interview is also listed in `conflicts`.
   */
  refusedSealed: BundleCounts;
  summary: {
    added: number;
    unchanged: number;
    conflicts: number;
    heldBack: number;
    amended: number;
    refusedSealed: number;
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
export function bundleImportPlan(
  existing: BundleExistingIndex,
  bundle: Bundle | BundleContent,
  local: BundleLocalInterviews = { get: () => undefined },
): BundleImportPlan {
  const content: BundleContent = 'content' in bundle ? bundle.content : bundle;
  const candidatesToAdd = emptyContent() as unknown as Record<BundleTable, unknown[]>;
  const unchanged = zeroCounts();
  const heldBack = zeroCounts();
  const refusedSealed = zeroCounts();
  const conflicts: BundleConflict[] = [];
  const conflictedInterviews = new Set<string>();
  const { amendments, sealedHere } = sealRulesOf(existing, content, local);
  const amended = new Set(amendments.map((a) => a.interviewId));
  const refusedInterviews = new Set<string>();

  for (const table of bundleTables) {
    const lookup = existing[table];
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    const records = content[table] as readonly unknown[];
    const out = candidatesToAdd[table];
    const isOwned = interviewOwnedTables.has(table);
    if (lookup === bundleAllUnchanged) {
      unchanged[table] += records.length;
      continue;
    }
    for (const record of records) {
      const interviewId = isOwned
        ? (record as { interviewId: string }).interviewId
        : table === 'interviews'
          ? (record as { id: string }).id
          : null;
      if (interviewId !== null && amended.has(interviewId)) continue;
      if (!lookup) {
        out.push(record);
        continue;
      }
      const key = keyOf(record);
      const existingHash = lookup.get(key);
      if (existingHash === undefined) {
        if (isOwned && sealedHere.has(interviewId!)) {
          refusedSealed[table]++;
          refusedInterviews.add(interviewId!);
        } else out.push(record);
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

  for (const interviewId of refusedInterviews) {
    if (conflictedInterviews.has(interviewId)) continue;
    const hash = existing.interviews?.get(interviewId) ?? '';
    conflicts.push({
      table: 'interviews',
      id: interviewId,
      reason: `interview ${interviewId} is sealed here; the bundle's other evidence for it is refused (only an amendment, a newer sealed version, changes sealed evidence)`,
      existingHash: hash,
      incomingHash: hash,
    });
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
  let refusedTotal = 0;
  const addedParts: string[] = [];
  for (const table of bundleTables) {
    const count = add[table].length;
    added += count;
    unchangedTotal += unchanged[table];
    heldBackTotal += heldBack[table];
    refusedTotal += refusedSealed[table];
    if (count > 0) addedParts.push(bundleCountText(table, count));
  }
  const parts = [addedParts.length > 0 ? `adds ${addedParts.join(', ')}` : 'adds nothing'];
  for (const a of amendments) {
    parts.push(`amends interview ${a.interviewId} (sealed version ${a.fromVersion} → ${a.toVersion}: ${a.reason})`);
  }
  if (refusedTotal > 0) {
    parts.push(
      `${refusedTotal} refused: ${refusedInterviews.size === 1 ? 'its interview is' : 'their interviews are'} sealed here`,
    );
  }
  if (unchangedTotal > 0) parts.push(`${unchangedTotal} already here`);
  if (conflicts.length > 0)
    parts.push(`${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} (kept as here)`);
  if (heldBackTotal > 0) parts.push(`${heldBackTotal} held back with conflicting interviews`);

  return {
    add,
    unchanged,
    conflicts,
    heldBack,
    amendments,
    refusedSealed,
    summary: {
      added,
      unchanged: unchangedTotal,
      conflicts: conflicts.length,
      heldBack: heldBackTotal,
      amended: amendments.length,
      refusedSealed: refusedTotal,
      isNothingToAdd: added === 0 && amendments.length === 0,
      text: parts.join('; '),
    },
  };
}

function isSealedStatus(status: InterviewStatus): boolean {
  return status === 'submitted' || status === 'amended';
}

/**
 * Which of the bundle's interviews are sealed here, and which of those the bundle amends: a newer
 * sealed version whose history holds every version here, unchanged. Anything else the bundle
 * carries for an interview sealed here is refused record by record.
 */
function sealRulesOf(
  existing: BundleExistingIndex,
  content: BundleContent,
  local: BundleLocalInterviews,
): { amendments: BundleAmendment[]; sealedHere: Set<string> } {
  const sealedHere = new Set<string>();
  const amending = new Map<string, BundleAmendment>();
  const incomingVersions = new Map<string, BundleContent['interviewVersions'][number]>();
  for (const version of content.interviewVersions) incomingVersions.set(version.id, version);
  const knownVersions = new Set<string>();
  for (const interview of content.interviews) {
    const here = local.get(interview.id);
    if (!here || !isSealedStatus(here.status)) continue;
    const isNewerSeal = isSealedStatus(interview.status) && interview.version > here.version;
    const keepsHistory = here.versionIds.every((id) => {
      const incoming = incomingVersions.get(id);
      return incoming !== undefined && existing.interviewVersions?.get(id) === bundleRecordHash(incoming);
    });
    if (!isNewerSeal || !keepsHistory) {
      sealedHere.add(interview.id);
      continue;
    }
    for (const id of here.versionIds) knownVersions.add(id);
    amending.set(interview.id, {
      interviewId: interview.id,
      fromVersion: here.version,
      toVersion: interview.version,
      reason: interview.amendReason,
      interview,
      evidence: { ratings: [], notes: [], signalTags: [], defectFindings: [], incidentRuns: [] },
      versions: [],
    });
  }
  if (amending.size > 0) {
    // One pass per table, whatever the number of amendments.
    const collect = <T extends { interviewId: string }>(records: readonly T[], into: (a: BundleAmendment) => T[]) => {
      for (const record of records) {
        const amendment = amending.get(record.interviewId);
        if (amendment) into(amendment).push(record);
      }
    };
    collect(content.ratings, (a) => a.evidence.ratings);
    collect(content.notes, (a) => a.evidence.notes);
    collect(content.signalTags, (a) => a.evidence.signalTags);
    collect(content.defectFindings, (a) => a.evidence.defectFindings);
    collect(content.incidentRuns, (a) => a.evidence.incidentRuns);
    collect(
      content.interviewVersions.filter((v) => !knownVersions.has(v.id)),
      (a) => a.versions,
    );
  }
  return { amendments: [...amending.values()], sealedHere };
}
