/**
 * The audit log's entry format. Entries are append-only and hash-chained: each entry's `hash`
 * covers its own fields and the previous entry's hash, so editing, removing or reordering any
 * entry breaks every hash after it.
 *
 * Privacy rule for writers: `subject` is a record id (or a pseudonym after erasure) and `details`
 * hold ids, versions, hashes and reasons — never a candidate's name, email or notes — so erasing a
 * candidate's records leaves nothing personal in a log that cannot be edited.
 */
import { z } from 'zod';
import { epochMsSchema } from '../model/records';

/** What happened. Names are `<noun>.<past-tense verb>`; the list only grows. */
export const auditActions = [
  'candidate.created',
  'candidate.erased',
  'loop.created',
  'loop.closed',
  'loop.purged',
  'interview.submitted',
  'interview.amended',
  'decision.recorded',
  'report.exported',
  'bundle.imported',
  'backup.restored',
  'interview.reopened',
  'note.deleted',
  'note.restored',
  'loop.reopened',
  'key.trusted',
  'key.confirmed',
  'key.replaced',
  'conflict.kept',
  'conflict.taken',
] as const;

export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lower-case hex digits');

/** The `prevHash` of the first entry of a log. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Keys refused inside `details`: copying them into objects can change prototypes, zod's own copy
 * drops `__proto__` (so the hash would no longer match), and bundles refuse them anywhere.
 */
export const AUDIT_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key anywhere inside `value`, or null. */
export function auditForbiddenKeyIn(value: unknown, depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = auditForbiddenKeyIn(item, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (AUDIT_FORBIDDEN_KEYS.has(key)) return key;
    const found = auditForbiddenKeyIn((value as Record<string, unknown>)[key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const auditEntrySchema = z.strictObject({
  /** 1 for the first entry, +1 per entry. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  at: epochMsSchema,
  /** Who did it: the interviewer or user name shown in the app, or "loopdesk" for automatic jobs. */
  actor: z.string().trim().min(1, 'must not be empty').max(200),
  action: auditActionSchema,
  /** The record the event is about (its id), or `auditPseudonym(...)` for an erased candidate. */
  subject: z.string().min(1, 'must not be empty').max(200),
  details: z.record(z.string(), z.json()).optional(),
  prevHash: sha256HexSchema,
  /** sha256Hex(canonicalJson(the entry without `hash`)). */
  hash: sha256HexSchema,
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What the caller supplies for a new entry; the chain fills in `seq`, `prevHash` and `hash`. */
export type AuditEvent = Pick<AuditEntry, 'at' | 'actor' | 'action' | 'subject' | 'details'>;

/** The last entry of a log, enough to append the next one or to cite the log (PDF footers). */
export type AuditHead = Pick<AuditEntry, 'seq' | 'hash'>;
