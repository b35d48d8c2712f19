/**
 * Appending to and verifying the hash-chained audit log (SPEC §7): SHA-256 over RFC 8785
 * canonical JSON, so any machine, the app and `loopdesk verify` compute the same hashes.
 */
import { canonicalJson, canonicalJsonPath } from '../canonical/canonicalJson';
import { sha256Hex } from '../crypto/sha256';
import {
  AUDIT_GENESIS_HASH,
  auditEntrySchema,
  auditForbiddenKeyIn,
  type AuditEntry,
  type AuditEvent,
  type AuditHead,
} from './auditSchema';

/** Why a log failed verification, in the order the checks run for each entry. */
export type AuditBreak = 'schema' | 'seq' | 'prev-hash' | 'hash' | 'seal';

export type AuditChainVerification =
  | { ok: true; head: AuditHead | null; count: number }
  | {
      ok: false;
      /** The seq the first broken entry should have had (its position in the log). */
      brokenSeq: number;
      /** Its index in the array that was checked. */
      index: number;
      reason: AuditBreak;
      message: string;
    };

export interface AuditChainVerifyOptions {
  /**
   * `genesis` (default): the entries are a whole log, starting at seq 1 after the genesis hash.
   * `segment`: a contiguous slice of a log, as a bundle may carry; the first entry's seq and
   * prevHash are taken as given and everything after it must link to it.
   */
  start?: 'genesis' | 'segment';
}

/** The hash an entry must carry: SHA-256 of the canonical JSON of every field but `hash`. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...unhashed } = entry;
  return sha256Hex(canonicalJson(unhashed));
}

/**
 * The next entry of a log whose last entry is `head` (`null` for an empty log). The event must
 * satisfy `auditEntrySchema` (a bad action name or an empty actor is a bug and throws).
 */
export function auditAppend(head: AuditHead | null, event: AuditEvent): AuditEntry {
  const unhashed: Omit<AuditEntry, 'hash'> = {
    seq: head ? head.seq + 1 : 1,
    at: event.at,
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    ...(event.details === undefined ? {} : { details: event.details }),
    prevHash: head ? head.hash : AUDIT_GENESIS_HASH,
  };
  const forbidden = auditForbiddenKeyIn(event.details);
  if (forbidden !== null) throw new Error(`audit details must not contain the key "${forbidden}"`);
  const entry = { ...unhashed, hash: auditEntryHash(unhashed) };
  return auditEntrySchema.parse(entry);
}

/**
 * Checks a log entry by entry and names the FIRST broken one: a field that breaks the schema, a
 * seq out of order (gap, repeat, reorder), a prevHash that is not the previous entry's hash, or a
 * hash that does not match the entry's content. Everything after the first break is unverified,
 * since one edit invalidates every later link.
 */
export function auditChainVerify(
  entries: readonly unknown[],
  options: AuditChainVerifyOptions = {},
): AuditChainVerification {
  const isSegment = options.start === 'segment';
  let firstSeq = 1;
  if (isSegment && entries.length > 0) {
    const seq = (entries[0] as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 1) firstSeq = seq;
  }
  let prev: AuditHead | null = null;
  for (let index = 0; index < entries.length; index++) {
    const brokenSeq = firstSeq + index;
    const parsed = auditEntrySchema.safeParse(entries[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${canonicalJsonPath(issue.path as (string | number)[], '')}: ` : '';
      return auditBreak(index, brokenSeq, 'schema', `${where}${issue.message}`);
    }
    const forbidden = auditForbiddenKeyIn((entries[index] as { details?: unknown }).details);
    if (forbidden !== null) {
      return auditBreak(index, brokenSeq, 'schema', `details: the key "${forbidden}" is not allowed`);
    }
    const entry = parsed.data;
    if (entry.seq !== brokenSeq) {
      return auditBreak(
        index,
        brokenSeq,
        'seq',
        `seq is ${entry.seq}, expected ${brokenSeq} (an entry is missing, repeated or out of order)`,
      );
    }
    const expectedPrev = prev ? prev.hash : isSegment && index === 0 ? entry.prevHash : AUDIT_GENESIS_HASH;
    if (entry.prevHash !== expectedPrev) {
      return auditBreak(
        index,
        brokenSeq,
        'prev-hash',
        prev
          ? `prevHash does not match the hash of entry ${prev.seq} (an entry before it was changed or removed)`
          : 'prevHash of the first entry must be the genesis hash (64 zeros)',
      );
    }
    // Hash what is stored, not zod's copy of it, so nothing the schema normalizes can hide an edit.
    if (auditEntryHash(entries[index] as AuditEntry) !== entry.hash) {
      return auditBreak(
        index,
        brokenSeq,
        'hash',
        'hash does not match its content (the entry was changed after it was written)',
      );
    }
    prev = { seq: entry.seq, hash: entry.hash };
  }
  return { ok: true, head: prev, count: entries.length };
}

function auditBreak(index: number, brokenSeq: number, reason: AuditBreak, message: string): AuditChainVerification {
  return { ok: false, brokenSeq, index, reason, message: `audit entry ${brokenSeq}: ${message}` };
}

/**
 * The subject recorded for an erased candidate: a SHA-256 of the id under an installation secret
 * `salt`. Whoever holds the salt and the old id can show the erasure happened; the log alone
 * cannot be linked back to the person, and the same candidate gets different pseudonyms on
 * installations with different salts.
 */
export function auditPseudonym(candidateId: string, salt: string): string {
  return `pseudonym:${sha256Hex(canonicalJson(['loopdesk-audit-pseudonym', salt, candidateId]))}`;
}
