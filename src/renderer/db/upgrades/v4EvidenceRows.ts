/**
 * v3 → v4: the four evidence tables (ratings, notes, signalTags, defectFindings; one record each)
 * become one `evidence` row per interview holding the same records unchanged; the old tables are
 * dropped by the schema after this runs. Then each sealed interview's current version drops its
 * snapshot when the rows rebuild it byte for byte (`sealedVersions.ts`); any other keeps it.
 */
import type { Transaction } from 'dexie';
import type { IncidentRun } from '../../../core/incident/runSchema';
import type { Interview, InterviewVersion } from '../../../core/model/records';
import { evidenceKinds, evidenceRowEmpty, evidenceRowsFrom, type EvidenceRow } from '../evidenceRows';
import { interviewVersionStored } from '../sealedVersions';

export async function upgradeToV4EvidenceRows(tx: Transaction): Promise<void> {
  const rows = new Map<string, EvidenceRow>();
  // One table at a time: only the rows being built and one table's records are held at once.
  for (const kind of evidenceKinds) evidenceRowsFrom({ [kind]: await tx.table(kind).toArray() }, rows);
  await tx.table('evidence').bulkAdd([...rows.values()]);

  const versions = (await tx.table('interviewVersions').toArray()) as InterviewVersion[];
  const ids = [...new Set(versions.map((v) => v.interviewId))];
  const interviews = (await tx.table('interviews').bulkGet(ids)) as Array<Interview | undefined>;
  const runs = (await tx.table('incidentRuns').bulkGet(ids)) as Array<IncidentRun | undefined>;
  const sealed = new Map(
    ids.flatMap((id, i) => {
      const interview = interviews[i];
      return interview ? [[id, { interview, evidence: rows.get(id) ?? evidenceRowEmpty(id), incidentRun: runs[i] ?? null }] as const] : [];
    }),
  );
  const stored = versions.map((v) => interviewVersionStored(v, sealed.get(v.interviewId))).filter((row) => row.snapshot === undefined);
  if (stored.length > 0) await tx.table('interviewVersions').bulkPut(stored);
}
