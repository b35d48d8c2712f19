/**
 * The committee's rows of a rubric pack (`core/report/committeeRow`), computed when sealed evidence
 * changes — after the pool statistics, from the same audit head — and stored beside them, so the
 * committee screen reads one small entry instead of every rating of the pool.
 */
import { calibrationFromPoolStats } from '../../core/calibration/calibrationFromPoolStats';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import { committeeRowOf, type CommitteeRow } from '../../core/report/committeeRow';
import { reportBuild, reportObservations } from '../../core/report/reportBuild';
import { reportEvidenceIndexOf } from '../../core/report/reportEvidenceIndex';
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';
import { committeeRowsSettingPrefix, poolStatsKey, poolStatsPackOf, poolStatsStored } from './poolStats';
import { reportEvidenceRead, reportEvidenceTables } from './reportEvidenceRead';

/** Which state the stored rows are of: read alone to decide whether they are current. */
export interface CommitteeRowsHead {
  /** The pack and audit head the rows are of (`poolStatsKey`). */
  key: string;
  computedAt: number;
}

export interface CommitteeRowsEntry extends CommitteeRowsHead {
  rows: CommitteeRow[];
}

/**
 * Per pack, the latest: the head, and the rows as one JSON string beside it (one string reads
 * faster out of IndexedDB than thousands of small objects, and the head check never reads it).
 */
const headKey = (packId: string) => `${committeeRowsSettingPrefix}head:${packId}`;
const dataKey = (packId: string) => `${committeeRowsSettingPrefix}data:${packId}`;

export async function committeeRowsHead(db: AppDb, packId: string): Promise<CommitteeRowsHead | undefined> {
  return (await db.settings.get(headKey(packId)))?.value as CommitteeRowsHead | undefined;
}

export async function committeeRowsStored(db: AppDb, packId: string): Promise<CommitteeRowsEntry | undefined> {
  const data = (await db.settings.get(dataKey(packId)))?.value as (CommitteeRowsHead & { rowsJson: string }) | undefined;
  return data && { key: data.key, computedAt: data.computedAt, rows: JSON.parse(data.rowsJson) as CommitteeRow[] };
}

/**
 * Builds the rows of every candidate with a sealed scorecard from the evidence at the current
 * head and the pool statistics of that head, and stores them. Returns undefined (storing nothing)
 * when the stored statistics are not of that head: the statistics come first.
 */
export async function committeeRowsCompute(db: AppDb, pack: RubricPack, now: number): Promise<CommitteeRowsEntry | undefined> {
  const { key, evidence } = await db.transaction('r', [db.audit, ...reportEvidenceTables(db)], async () => ({
    key: await poolStatsKey(db, poolStatsPackOf(pack)),
    evidence: await reportEvidenceRead(db, pack.manifest.id, 'all', { withNotes: false }),
  }));
  const stats = await poolStatsStored(db, pack.manifest.id);
  if (stats?.key !== key) return undefined;
  const calibration = calibrationFromPoolStats(stats.stats, reportObservations(evidence.interviews, evidence.ratings));
  const panels = reportEvidenceIndexOf(evidence).interviewsByCandidate;
  const rows = evidence.candidates.flatMap((c) => {
    if (!(panels.get(c.id) ?? []).some(interviewIsSealed)) return [];
    return [committeeRowOf(reportBuild({ pack, candidateId: c.id, evidence, calibration, audience: 'committee' }))];
  });
  const head: CommitteeRowsHead = { key, computedAt: now };
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  await db.transaction('rw', db.settings, async () => {
    const stored = await committeeRowsHead(db, pack.manifest.id);
    if (stored && stored.computedAt > now) return;
    await db.settings.bulkPut([
      { key: headKey(pack.manifest.id), value: head },
      { key: dataKey(pack.manifest.id), value: { ...head, rowsJson: JSON.stringify(rows) } },
    ]);
  });
  return { ...head, rows };
}
