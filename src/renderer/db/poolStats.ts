/**
 * Pool statistics (leniency offsets, agreement per dimension) of a rubric pack, computed when
 * sealed evidence changes and stored beside the audit head they belong to. Every change to sealed
 * evidence — a seal, an amendment, an import, an erasure, a purge, a restore — appends an audit
 * entry, and sealed ratings change no other way, so the head names the state the statistics are
 * of. Reports read the stored statistics and compute a candidate's summaries from that candidate's
 * own ratings (`calibrationFromPoolStats`): no report waits for the pool.
 */
import { calibrationPoolStats } from '../../core/calibration/calibrationPoolStats';
import type { CalibrationPoolStats } from '../../core/calibration/calibrationTypes';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import { reportColumns } from '../../core/report/reportBuild';
import type { AppDb } from './appDb';
import { evidenceOfMany } from './evidenceRows';
import { committeeRowsSettingPrefix, poolStatsKey, type PoolStatsPack } from './poolStatsKey';

export { committeeRowsSettingPrefix, poolStatsKey, poolStatsPackOf, type PoolStatsPack } from './poolStatsKey';

export interface PoolStatsEntry {
  /** The pack and the audit head the statistics are of (`poolStatsKey`). */
  key: string;
  stats: CalibrationPoolStats;
  computedAt: number;
}

/** Settings key of a pack's stored statistics (one entry per pack: the latest). */
export const poolStatsSettingPrefix = 'poolStats:';
const settingKey = (packId: string) => `${poolStatsSettingPrefix}${packId}`;

/** The stored statistics of a pack, current or not; undefined before the first computation. */
export async function poolStatsStored(db: AppDb, packId: string): Promise<PoolStatsEntry | undefined> {
  return (await db.settings.get(settingKey(packId)))?.value as PoolStatsEntry | undefined;
}

/**
 * Computes the pack's statistics from every sealed rating of its loops and stores them. The key is
 * read before the ratings inside one read transaction, so the entry never claims a later state
 * than the one it was computed from.
 */
export async function poolStatsCompute(db: AppDb, pack: PoolStatsPack, now: number): Promise<PoolStatsEntry> {
  const { key, columns } = await db.transaction('r', db.audit, db.loops, db.interviews, db.evidence, async () => {
    const key = await poolStatsKey(db, pack);
    const loops = await db.loops.where('packId').equals(pack.id).toArray();
    const interviews = (
      await db.interviews
        .where('loopId')
        .anyOf(loops.map((l) => l.id))
        .toArray()
    ).filter(interviewIsSealed);
    const { ratings } = await evidenceOfMany(db, interviews.map((i) => i.id));
    return { key, columns: reportColumns(interviews, ratings, pack.dimensionIds) };
  });
  const stats = calibrationPoolStats(columns);
  const entry: PoolStatsEntry = { key, stats, computedAt: now };
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  await db.transaction('rw', db.settings, async () => {
    const stored = (await db.settings.get(settingKey(pack.id)))?.value as PoolStatsEntry | undefined;
    if (!stored || stored.computedAt <= now) await db.settings.put({ key: settingKey(pack.id), value: entry });
  });
  return entry;
}

/** Drops every pack's stored statistics and committee rows (after an erasure, so nothing derived from it stays). */
export async function poolStatsDrop(db: AppDb): Promise<void> {
  await db.settings.where('key').startsWith(poolStatsSettingPrefix).delete();
  await db.settings.where('key').startsWith(committeeRowsSettingPrefix).delete();
}
