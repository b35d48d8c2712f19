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

export interface CommitteeRowsEntry {
  /** The pack and audit head the rows are of (`poolStatsKey`). */
  key: string;
  rows: CommitteeRow[];
  computedAt: number;
}

/** One entry per pack: the latest. */
const settingKey = (packId: string) => `${committeeRowsSettingPrefix}${packId}`;

export async function committeeRowsStored(db: AppDb, packId: string): Promise<CommitteeRowsEntry | undefined> {
  return (await db.settings.get(settingKey(packId)))?.value as CommitteeRowsEntry | undefined;
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
  const entry: CommitteeRowsEntry = { key, rows, computedAt: now };
  await db.transaction('rw', db.settings, async () => {
    const stored = await committeeRowsStored(db, pack.manifest.id);
    if (!stored || stored.computedAt <= now) await db.settings.put({ key: settingKey(pack.manifest.id), value: entry });
  });
  return entry;
}
