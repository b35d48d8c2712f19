/**
 * Pool statistics (leniency offsets, agreement per dimension) of a rubric pack, computed when
 * sealed evidence changes and stored beside the audit head they belong to. Every change to sealed
 * evidence — a seal, an amendment, an import, an erasure, a purge, a restore — appends an audit
 * entry, and sealed ratings change no other way, so the head names the state the statistics are
 * of. Reports read the stored statistics and compute a candidate's summaries from that candidate's
 * own ratings (`calibrationFromPoolStats`): no report waits for the pool.
 */
import { calibrationPoolStats } from '../../core/calibration/calibrationPoolStats';
import type { AppDb } from './appDb';
import { poolRatingsColumns } from '../../core/calibration/poolRatingsEntry';
import { poolRatingsAtHead, poolRatingsSettingKey, poolRatingsSettingPrefix, poolRatingsStored } from './poolRatings';
import {
  committeeRowsSettingPrefix,
  poolStatsEntryOf,
  poolStatsRowValue,
  poolStatsSettingPrefix,
  type PoolStatsEntry,
  type PoolStatsPack,
} from './poolStatsKey';

export {
  committeeRowsSettingPrefix,
  poolStatsKey,
  poolStatsPackOf,
  poolStatsSettingPrefix,
  type PoolStatsEntry,
  type PoolStatsPack,
} from './poolStatsKey';

const settingKey = (packId: string) => `${poolStatsSettingPrefix}${packId}`;

/** The stored statistics of a pack, current or not; undefined before the first computation. */
export async function poolStatsStored(db: AppDb, packId: string): Promise<PoolStatsEntry | undefined> {
  return poolStatsEntryOf((await db.settings.get(settingKey(packId)))?.value);
}

/**
 * Computes the pack's statistics from every sealed rating of its loops and stores them, with the
 * compact pool ratings they were computed from (`poolRatings`): after a seal or an amendment only
 * the changed interview's evidence is read. The key is read with the ratings inside one read
 * transaction, so the entry never claims a later state than the one it was computed from.
 */
export async function poolStatsCompute(db: AppDb, pack: PoolStatsPack, now: number): Promise<PoolStatsEntry> {
  const stored = await poolRatingsStored(db, pack.id);
  const { key, pool } = await poolRatingsAtHead(db, pack, stored);
  const stats = calibrationPoolStats(poolRatingsColumns(pool.entry, pack.dimensionIds));
  const entry: PoolStatsEntry = { key, stats, computedAt: now };
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  // The ratings are kept only while they are of the current head: after an erasure they would
  // hold what was erased until the next computation.
  await db.transaction('rw', db.settings, db.audit, async () => {
    const stored = poolStatsEntryOf((await db.settings.get(settingKey(pack.id)))?.value);
    if (stored && stored.computedAt > now) return;
    await db.settings.put({ key: settingKey(pack.id), value: poolStatsRowValue(entry) });
    const head = await db.audit.orderBy('seq').last();
    if ((head?.seq ?? 0) === pool.entry.auditSeq && (head?.hash ?? '') === pool.entry.auditHash)
      await db.settings.put({ key: poolRatingsSettingKey(pack.id), value: pool.entry });
  });
  return entry;
}

/** Drops every pack's stored statistics and committee rows (after an erasure, so nothing derived from it stays). */
export async function poolStatsDrop(db: AppDb): Promise<void> {
  await db.settings.where('key').startsWith(poolStatsSettingPrefix).delete();
  await db.settings.where('key').startsWith(committeeRowsSettingPrefix).delete();
  await db.settings.where('key').startsWith(poolRatingsSettingPrefix).delete();
}
