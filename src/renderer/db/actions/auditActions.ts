/** Appends to the hash-chained audit log. Call inside a transaction that includes `db.audit`. */
import { auditAppend } from '../../../core/audit/auditChain';
import type { AuditEvent } from '../../../core/audit/auditSchema';
import type { AppDb } from '../appDb';

export async function auditWrite(db: AppDb, event: AuditEvent): Promise<void> {
  const last = await db.audit.orderBy('seq').last();
  const entry = auditAppend(last ? { seq: last.seq, hash: last.hash } : null, event);
  await db.audit.add(entry);
}
