/**
 * Derived data stored at an audit head (the pool ratings, the committee rows) is brought up to
 * date from the entries appended since that head, when the log still continues it. One check, for
 * every such store: the head's entry must still be in the log with the stored hash, and not too
 * far behind.
 */
import { Dexie } from 'dexie';
import type { AppDb, AuditRow } from './appDb';

/** Beyond this many entries since a stored head, a rebuild is as cheap and simpler. */
export const maxIncrementalEntries = 2000;

/** Where derived data was stored: the audit entry it was computed at (seq 0, hash '' before any). */
export interface AuditHeadStored {
  auditSeq: number;
  auditHash: string;
}

/**
 * The audit entries after `stored`'s head, in order, or null when the log does not continue it
 * (the entry is gone or has another hash), it is ahead of `headSeq`, or more than
 * {@link maxIncrementalEntries} entries behind. Returns Dexie's own promise chain (no native
 * `async`), so it can be awaited inside a caller's transaction without ending it.
 */
export function auditEntriesSinceHead(
  db: AppDb,
  stored: AuditHeadStored,
  headSeq: number,
): PromiseLike<AuditRow[] | null> {
  if (stored.auditSeq > headSeq || headSeq - stored.auditSeq > maxIncrementalEntries) {
    return Dexie.Promise.resolve(null);
  }
  const continues =
    stored.auditSeq > 0
      ? db.audit.get(stored.auditSeq).then((at) => at?.hash === stored.auditHash)
      : Dexie.Promise.resolve(stored.auditHash === '');
  return continues.then((isContinued) =>
    isContinued ? db.audit.where('seq').above(stored.auditSeq).toArray() : null,
  );
}
