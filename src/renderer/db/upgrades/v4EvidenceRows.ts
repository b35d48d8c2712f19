/**
 * v3 → v4: the four evidence tables (ratings, notes, signalTags, defectFindings; one record each)
 * become one `evidence` row per interview holding the same records unchanged. The old tables are
 * dropped by the schema after this runs. One table at a time, so only the rows being built and
 * one table's records are held at once.
 */
import type { Transaction } from 'dexie';
import { evidenceKinds, evidenceRowsFrom, type EvidenceRow } from '../evidenceRows';

export async function upgradeToV4EvidenceRows(tx: Transaction): Promise<void> {
  const rows = new Map<string, EvidenceRow>();
  for (const kind of evidenceKinds) {
    const records = await tx.table(kind).toArray();
    evidenceRowsFrom({ [kind]: records }, rows);
  }
  await tx.table('evidence').bulkAdd([...rows.values()]);
}
