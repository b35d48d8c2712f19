/**
 * Sealed means sealed (SPEC §7): a sealed interview version holds the SHA-256 of its canonical
 * evidence, and every reader — bundle import, `loopdesk verify`, the app's audit check —
 * recomputes it from the live rows and refuses any difference, naming the interview and the first
 * record that differs.
 *
 * The evidence is what a report is built from: ratings, notes, signal tags, defect findings and the
 * incident run. Each table is sorted by its primary key before hashing, so the seal does not depend
 * on the order rows come out of a database or a bundle. Versions sealed before seals were hashed
 * have no `evidenceSha256`; their snapshot (the same evidence as canonical JSON) stands in for it.
 */
import type { AuditChainVerification } from './auditChain';
import { canonicalJson, canonicalJsonOfMembers } from '../canonical/canonicalJson';
import { sha256Hex } from '../crypto/sha256';
import { incidentRunSchema, type IncidentRun } from '../incident/runSchema';
import { snapshotObjectOf } from './snapshotObject';
import {
  defectFindingSchema,
  noteSchema,
  ratingSchema,
  signalTagSchema,
  type DefectFinding,
  type Interview,
  type InterviewVersion,
  type Note,
  type Rating,
  type SignalTag,
} from '../model/records';

export interface SealedEvidence {
  /** The interview row as sealed; only its {@link sealedInterviewFields} are evidence. */
  interview: Readonly<Pick<Interview, 'id'>> | null;
  ratings: readonly Rating[];
  notes: readonly Note[];
  signalTags: readonly SignalTag[];
  defectFindings: readonly DefectFinding[];
  incidentRun: IncidentRun | null;
}

type EvidenceTable = 'ratings' | 'notes' | 'signalTags' | 'defectFindings';
const evidenceTables: readonly EvidenceTable[] = ['ratings', 'notes', 'signalTags', 'defectFindings'];

/** The key a record is sorted and matched by inside one interview. */
const keyOf: { [T in EvidenceTable]: (record: SealedEvidence[T][number]) => string } = {
  ratings: (r) => r.dimensionId,
  notes: (r) => r.id,
  signalTags: (r) => r.id,
  defectFindings: (r) => r.defectId,
};

/** What a record is called in a message: "rating incident-leadership", "note 5f1…". */
const recordNoun: Record<EvidenceTable | 'incidentRun' | 'interview', string> = {
  interview: 'interview',
  ratings: 'rating',
  notes: 'note',
  signalTags: 'signal tag',
  defectFindings: 'defect finding',
  incidentRun: 'incident run',
};

function sortedByKey<T extends EvidenceTable>(table: T, records: readonly SealedEvidence[T][number][]) {
  const key = keyOf[table] as (record: SealedEvidence[T][number]) => string;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The interview fields that are judgement rather than bookkeeping: the kit it was run with and the
 * interviewer's overall recommendation and takeaways. Status, clock and schedule fields change
 * around a seal without changing what was judged.
 */
export const sealedInterviewFields = ['id', 'kitId', 'overallRecommendation', 'keyTakeaways'] as const;

function interviewPart(interview: SealedEvidence['interview']): Record<string, unknown> | null {
  if (!interview) return null;
  const part: Record<string, unknown> = {};
  for (const field of sealedInterviewFields) {
    const value = (interview as Record<string, unknown>)[field];
    if (value !== undefined) part[field] = value;
  }
  return part;
}

/**
 * The text a seal hashes: the canonical JSON of the evidence, each table sorted by key. Two
 * evidences have the same seal exactly when their seal texts are equal, so a check that already
 * holds one side's text compares strings instead of hashing both.
 */
export function evidenceSealText(evidence: SealedEvidence): string {
  return canonicalJsonOfMembers({
    seal: 'loopdesk-evidence-1',
    interview: interviewPart(evidence.interview),
    ratings: sortedByKey('ratings', evidence.ratings),
    notes: sortedByKey('notes', evidence.notes),
    signalTags: sortedByKey('signalTags', evidence.signalTags),
    defectFindings: sortedByKey('defectFindings', evidence.defectFindings),
    incidentRun: evidence.incidentRun,
  });
}

/** The seal: SHA-256 of the canonical JSON of the evidence, each table sorted by key. */
export function evidenceSealHash(evidence: SealedEvidence): string {
  return sha256Hex(evidenceSealText(evidence));
}

export type SnapshotRead = { ok: true; evidence: SealedEvidence } | { ok: false; message: string };

const snapshotSchemas = {
  ratings: ratingSchema,
  notes: noteSchema,
  signalTags: signalTagSchema,
  defectFindings: defectFindingSchema,
} as const;

/**
 * The evidence a version's snapshot holds, each record checked by its schema (defaults filled in,
 * as on the live rows). A table the snapshot does not mention is empty; it was not recorded then.
 */
export function evidenceFromSnapshot(snapshot: string): SnapshotRead {
  const read = snapshotObjectOf(snapshot);
  if (!read.ok) return read;
  const source = read.value;
  const evidence = { ratings: [], notes: [], signalTags: [], defectFindings: [], incidentRun: null } as {
    [T in EvidenceTable]: unknown[];
  } & { incidentRun: IncidentRun | null };
  for (const table of evidenceTables) {
    const records = source[table] ?? [];
    if (!Array.isArray(records)) return { ok: false, message: `the snapshot's ${table} is not a list` };
    for (let i = 0; i < records.length; i++) {
      const parsed = snapshotSchemas[table].safeParse(records[i]);
      if (!parsed.success) return { ok: false, message: `the snapshot's ${table}[${i}] is not a valid record` };
      evidence[table].push(parsed.data);
    }
  }
  if (source.incidentRun !== undefined && source.incidentRun !== null) {
    const parsed = incidentRunSchema.safeParse(source.incidentRun);
    if (!parsed.success) return { ok: false, message: "the snapshot's incident run is not a valid record" };
    evidence.incidentRun = parsed.data;
  }
  const interview = source.interview;
  if (interview !== undefined && (typeof interview !== 'object' || interview === null || Array.isArray(interview))) {
    return { ok: false, message: "the snapshot's interview is not an object" };
  }
  const sealed = { ...evidence, interview: (interview as SealedEvidence['interview']) ?? null };
  return { ok: true, evidence: sealed as unknown as SealedEvidence };
}

/** The first record where `live` and `sealed` differ, in words, with the live record's position. */
export interface EvidenceDifference {
  table: EvidenceTable | 'incidentRun' | 'interview';
  /** Index of the differing record in `live[table]`; null when it is missing from the live rows. */
  liveIndex: number | null;
  message: string;
}

function ratingText(rating: Rating): string {
  return rating.state === 'rated' ? `score ${rating.score}` : 'no evidence';
}

/** Compares record by record (tables in a fixed order, records by key) and returns the first difference. */
export function evidenceFirstDifference(live: SealedEvidence, sealed: SealedEvidence): EvidenceDifference | null {
  const liveInterview = interviewPart(live.interview);
  const sealedInterview = interviewPart(sealed.interview);
  if (sealedInterview && liveInterview) {
    for (const field of sealedInterviewFields) {
      if (canonicalJson(liveInterview[field] ?? null) !== canonicalJson(sealedInterview[field] ?? null)) {
        return { table: 'interview', liveIndex: 0, message: `the interview's ${field} differs from the sealed one` };
      }
    }
  }
  for (const table of evidenceTables) {
    const key = keyOf[table] as (record: unknown) => string;
    const sealedByKey = new Map<string, unknown>();
    for (const record of sealed[table]) sealedByKey.set(key(record), record);
    const liveRecords = live[table] as readonly unknown[];
    const order = liveRecords
      .map((record, index) => ({ key: key(record), index }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const liveKeys = new Set<string>();
    for (const { key: k, index } of order) {
      liveKeys.add(k);
      const record = liveRecords[index];
      const was = sealedByKey.get(k);
      if (was === undefined) {
        return { table, liveIndex: index, message: `${recordNoun[table]} ${k} was added after sealing` };
      }
      if (canonicalJson(record) !== canonicalJson(was)) {
        const detail =
          table === 'ratings' ? ` (${ratingText(record as Rating)} here, ${ratingText(was as Rating)} sealed)` : '';
        return { table, liveIndex: index, message: `${recordNoun[table]} ${k} differs from the sealed one${detail}` };
      }
    }
    for (const k of [...sealedByKey.keys()].sort()) {
      if (!liveKeys.has(k)) return { table, liveIndex: null, message: `sealed ${recordNoun[table]} ${k} is missing` };
    }
  }
  if (canonicalJson(live.incidentRun) !== canonicalJson(sealed.incidentRun)) {
    return {
      table: 'incidentRun',
      liveIndex: live.incidentRun ? 0 : null,
      message:
        sealed.incidentRun === null
          ? 'an incident run was added after sealing'
          : live.incidentRun === null
            ? 'the sealed incident run is missing'
            : 'the incident run differs from the sealed one',
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking a whole store or bundle.

/** The tables a seal check reads; a bundle's content or a database dump fits. */
export interface SealCheckContent {
  interviews: readonly Interview[];
  ratings: readonly Rating[];
  notes: readonly Note[];
  signalTags: readonly SignalTag[];
  defectFindings: readonly DefectFinding[];
  incidentRuns: readonly IncidentRun[];
  interviewVersions: readonly InterviewVersion[];
  /** Audit entries that name a seal (`details.evidenceSha256`) must agree with the version row. */
  audit?: readonly { action: string; subject: string; details?: unknown }[];
}

export interface SealBreak {
  interviewId: string;
  /** Where, inside the content: `['ratings', 12]`, `['interviewVersions', 3, 'snapshot']`. */
  path: (string | number)[];
  /** One line: "interview <id> (sealed version 2): rating x differs from the sealed one (…)". */
  message: string;
}

/** True when the interview's evidence is sealed: submitted or amended (not while amending). */
function isSealedStatus(status: Interview['status']): boolean {
  return status === 'submitted' || status === 'amended';
}

interface LiveIndexes {
  ratings: number[];
  notes: number[];
  signalTags: number[];
  defectFindings: number[];
  incidentRun: number | null;
}

function groupLive(content: SealCheckContent, sealed: ReadonlySet<string>): Map<string, LiveIndexes> {
  const groups = new Map<string, LiveIndexes>();
  const groupOf = (interviewId: string): LiveIndexes | undefined => {
    if (!sealed.has(interviewId)) return undefined;
    let group = groups.get(interviewId);
    if (!group) {
      group = { ratings: [], notes: [], signalTags: [], defectFindings: [], incidentRun: null };
      groups.set(interviewId, group);
    }
    return group;
  };
  for (const table of evidenceTables) {
    const records = content[table] as readonly { interviewId: string }[];
    for (let i = 0; i < records.length; i++) groupOf(records[i]!.interviewId)?.[table].push(i);
  }
  content.incidentRuns.forEach((run, i) => {
    const group = groupOf(run.interviewId);
    if (group) group.incidentRun = i;
  });
  return groups;
}

function liveEvidence(
  content: SealCheckContent,
  interview: Interview | null,
  indexes: LiveIndexes | undefined,
): SealedEvidence {
  const pick = <T>(records: readonly T[], at: number[] | undefined): T[] => (at ?? []).map((i) => records[i]!);
  return {
    interview,
    ratings: pick(content.ratings, indexes?.ratings),
    notes: pick(content.notes, indexes?.notes),
    signalTags: pick(content.signalTags, indexes?.signalTags),
    defectFindings: pick(content.defectFindings, indexes?.defectFindings),
    incidentRun: indexes?.incidentRun != null ? content.incidentRuns[indexes.incidentRun]! : null,
  };
}

/**
 * Checks every sealed version row against its own snapshot, and every sealed interview's live
 * evidence against its current sealed version. Returns the first break, or null when all hold.
 * Snapshots are parsed one at a time, so a big backup never holds them all parsed at once.
 */
export function evidenceSealsVerify(content: SealCheckContent): SealBreak | null {
  const sealedIds = new Set<string>();
  const interviewIndex = new Map<string, number>();
  content.interviews.forEach((interview, i) => {
    interviewIndex.set(interview.id, i);
    if (isSealedStatus(interview.status)) sealedIds.add(interview.id);
  });
  const current = new Map<string, number>();
  for (let v = 0; v < content.interviewVersions.length; v++) {
    const version = content.interviewVersions[v]!;
    const at = interviewIndex.get(version.interviewId);
    const interview = at === undefined ? undefined : content.interviews[at]!;
    const where = `interview ${version.interviewId} (sealed version ${version.version})`;
    if (interview && version.version > interview.version) {
      return {
        interviewId: version.interviewId,
        path: ['interviewVersions', v, 'version'],
        message: `${where}: the interview itself is only at version ${interview.version}`,
      };
    }
    if (interview && isSealedStatus(interview.status) && version.version === interview.version) {
      if (current.has(interview.id)) {
        return {
          interviewId: interview.id,
          path: ['interviewVersions', v, 'version'],
          message: `${where}: the version is sealed twice`,
        };
      }
      current.set(interview.id, v);
    } else if (version.evidenceSha256 !== undefined) {
      // A superseded version: its snapshot must still be what was sealed.
      const read = evidenceFromSnapshot(version.snapshot);
      if (!read.ok || evidenceSealHash(read.evidence) !== version.evidenceSha256) {
        return {
          interviewId: version.interviewId,
          path: ['interviewVersions', v, 'snapshot'],
          message: `${where}: ${read.ok ? 'the snapshot does not match the seal hash' : read.message}`,
        };
      }
    }
  }

  const groups = groupLive(content, sealedIds);
  for (const interview of content.interviews) {
    if (!isSealedStatus(interview.status)) continue;
    const v = current.get(interview.id);
    const where = `interview ${interview.id} (sealed version ${interview.version})`;
    if (v === undefined) {
      return {
        interviewId: interview.id,
        path: ['interviews', interviewIndex.get(interview.id)!, 'version'],
        message: `${where}: its sealed version ${interview.version} is missing, so its evidence cannot be checked`,
      };
    }
    const found = sealBreakOf(
      content,
      interview,
      v,
      groups.get(interview.id),
      where,
      interviewIndex.get(interview.id)!,
    );
    if (found) return found;
  }
  return auditSealBreak(content);
}

/**
 * The quick answer for a version written as its live rows are (what the app and its bundles
 * write): the snapshot is, character for character, the canonical JSON of the live interview and
 * evidence (notes in time order), and the seal hash, when there is one, is that evidence's.
 * Reading the snapshot back would then give the live records, so the full check below would pass
 * too; anything else (another layout, a difference) goes to that check for its answer.
 */
function isSealedAsSnapshot(
  content: SealCheckContent,
  interview: Interview,
  version: InterviewVersion,
  indexes: LiveIndexes | undefined,
): boolean {
  const live = liveEvidence(content, interview, indexes);
  // Stable: notes of one moment keep their order.
  const notes = [...live.notes].sort((a, b) => a.at - b.at);
  const { ratings, signalTags, defectFindings, incidentRun } = live;
  try {
    const snapshot = canonicalJsonOfMembers({ interview, ratings, notes, signalTags, defectFindings, incidentRun });
    if (snapshot !== version.snapshot) return false;
    // Without a seal hash (sealed before seals were hashed) the snapshot is the seal.
    return version.evidenceSha256 === undefined || sha256Hex(evidenceSealText(live)) === version.evidenceSha256;
  } catch {
    return false; // not JSON data: the full check says where
  }
}

function sealBreakOf(
  content: SealCheckContent,
  interview: Interview,
  v: number,
  indexes: LiveIndexes | undefined,
  where: string,
  interviewIndex: number,
): SealBreak | null {
  const version = content.interviewVersions[v]!;
  if (isSealedAsSnapshot(content, interview, version, indexes)) return null;
  const read = evidenceFromSnapshot(version.snapshot);
  const snapshotPath = ['interviewVersions', v, 'snapshot'];
  if (!read.ok) return { interviewId: interview.id, path: snapshotPath, message: `${where}: ${read.message}` };
  const sealedInterview = read.evidence.interview;
  if (sealedInterview && sealedInterview.id !== interview.id) {
    return { interviewId: interview.id, path: snapshotPath, message: `${where}: the snapshot is of another interview` };
  }
  // A snapshot from before interviews were part of the seal says nothing about the interview row.
  const live = liveEvidence(
    content,
    version.evidenceSha256 === undefined && !sealedInterview ? null : interview,
    indexes,
  );
  // One hash per interview: the snapshot's seal text against the stored hash, then the live
  // evidence's text against the snapshot's (equal texts are equal hashes, and only they are).
  const sealedText = evidenceSealText(read.evidence);
  if (version.evidenceSha256 !== undefined && sha256Hex(sealedText) !== version.evidenceSha256) {
    return {
      interviewId: interview.id,
      path: snapshotPath,
      message: `${where}: the snapshot does not match the seal hash`,
    };
  }
  if (evidenceSealText(live) === sealedText) return null;
  const difference = evidenceFirstDifference(live, read.evidence);
  if (!difference) {
    return {
      interviewId: interview.id,
      path: ['interviewVersions', v],
      message: `${where}: the evidence does not match the seal`,
    };
  }
  const { table, liveIndex } = difference;
  const path: (string | number)[] =
    liveIndex === null
      ? snapshotPath
      : table === 'interview'
        ? ['interviews', interviewIndex]
        : table === 'incidentRun'
          ? ['incidentRuns', indexes!.incidentRun!]
          : [table, indexes![table][liveIndex]!];
  return { interviewId: interview.id, path, message: `${where}: ${difference.message}` };
}

/** An audit entry that recorded a seal hash must name the one the version row holds. */
function auditSealBreak(content: SealCheckContent): SealBreak | null {
  if (!content.audit || content.audit.length === 0) return null;
  const seals = new Map<string, string | undefined>();
  for (const version of content.interviewVersions) {
    seals.set(`${version.interviewId}/${version.version}`, version.evidenceSha256);
  }
  for (let i = 0; i < content.audit.length; i++) {
    const entry = content.audit[i]!;
    if (entry.action !== 'interview.submitted' && entry.action !== 'interview.amended') continue;
    const details = (typeof entry.details === 'object' && entry.details !== null ? entry.details : {}) as Record<
      string,
      unknown
    >;
    const recorded = details['evidenceSha256'];
    const version = details['version'];
    if (typeof recorded !== 'string' || typeof version !== 'number') continue;
    const key = `${entry.subject}/${version}`;
    if (!seals.has(key)) continue;
    if (seals.get(key) !== recorded) {
      return {
        interviewId: entry.subject,
        path: ['audit', i, 'details', 'evidenceSha256'],
        message: `interview ${entry.subject} (sealed version ${version}): the audit log recorded another seal hash than the version holds`,
      };
    }
  }
  return null;
}

/**
 * A seal break as an audit verification result: the app's "Verify audit chain" reports it at the
 * entry that recorded the seal (or after the last entry when none did).
 */
export function evidenceSealAuditBreak(
  audit: readonly { seq: number; action: string; subject: string; details?: unknown }[],
  broken: SealBreak,
): AuditChainVerification {
  let index = -1;
  for (let i = audit.length - 1; i >= 0 && index < 0; i--) {
    const e = audit[i]!;
    if (e.subject === broken.interviewId && (e.action === 'interview.submitted' || e.action === 'interview.amended'))
      index = i;
  }
  const brokenSeq = index >= 0 ? audit[index]!.seq : (audit.at(-1)?.seq ?? 0) + 1;
  return { ok: false, brokenSeq, index: index >= 0 ? index : audit.length, reason: 'seal', message: broken.message };
}
