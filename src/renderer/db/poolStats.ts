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
import { poolRatingsColumns, type PoolRatingsEntry } from '../../core/calibration/poolRatingsEntry';
import { poolRatingsAtHead, poolRatingsSettingKey, poolRatingsSettingPrefix, poolRatingsStored } from './poolRatings';
import {
  committeeRowsSettingPrefix,
  poolStatsEntryOf,
  poolStatsRowValue,
  poolStatsSettingKey,
  poolStatsSettingPrefix,
  type PoolStatsEntry,
  type PoolStatsPack,
} from './poolStatsKey';

export {
  committeeRowsSettingPrefix,
  poolStatsKey,
  poolStatsPackOf,
  poolStatsSettingPrefix,
  poolStatsStored,
  type PoolStatsEntry,
  type PoolStatsPack,
} from './poolStatsKey';

/**
 * The pool ratings a kept statistics worker computed last, by database and pack, with the audit
 * seq of the copy stored in the database (null: none known). The next computation starts from
 * them instead of reading the stored copy back; they are trusted exactly as the stored copy is
 * (brought forward only while the log continues their head, else rebuilt).
 */
export type PoolRatingsKept = Map<string, { entry: PoolRatingsEntry; storedSeq: number | null }>;

/**
 * With ratings kept in memory, the stored copy (several MB at full size) is rewritten after a
 * rebuild, or once it has fallen this many audit entries behind; a seal's recomputation then
 * writes the statistics row alone, and reports reading settings meanwhile do not wait behind a
 * large write. A new window's first computation brings the stored copy forward from at most this
 * many entries (the interviews they name).
 */
export const poolRatingsStoreLag = 50;

/**
 * Computes the pack's statistics from every sealed rating of its loops and stores them, with the
 * compact pool ratings they were computed from (`poolRatings`): after a seal or an amendment only
 * the changed interview's evidence is read. The key is read with the ratings inside one read
 * transaction, so the entry never claims a later state than the one it was computed from.
 * `kept` (a kept worker's memory) replaces the stored ratings' read, and their write but every
 * {@link poolRatingsStoreLag} entries; without it they are read and written every time.
 */
export async function poolStatsCompute(
  db: AppDb,
  pack: PoolStatsPack,
  now: number,
  kept?: PoolRatingsKept,
): Promise<PoolStatsEntry> {
  const keptKey = `${db.name}\u0000${pack.id}`;
  const known = kept?.get(keptKey);
  const stored = known ? known.entry : await poolRatingsStored(db, pack.id);
  const storedSeq = known ? known.storedSeq : (stored?.auditSeq ?? null);
  const { key, pool } = await poolRatingsAtHead(db, pack, stored);
  const stats = calibrationPoolStats(poolRatingsColumns(pool.entry, pack.dimensionIds));
  const entry: PoolStatsEntry = { key, stats, computedAt: now };
  const isStoring =
    !kept || pool.isRebuilt || storedSeq === null || pool.entry.auditSeq - storedSeq >= poolRatingsStoreLag;
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  // The ratings are kept only while they are of the current head: after an erasure they would
  // hold what was erased until the next computation.
  const isRatingsStored = await db.transaction('rw', db.settings, db.audit, async () => {
    const stored = poolStatsEntryOf((await db.settings.get(poolStatsSettingKey(pack.id)))?.value);
    if (stored && stored.computedAt > now) return false;
    await db.settings.put({ key: poolStatsSettingKey(pack.id), value: poolStatsRowValue(entry) });
    if (!isStoring) return false;
    const head = await db.audit.orderBy('seq').last();
    if ((head?.seq ?? 0) !== pool.entry.auditSeq || (head?.hash ?? '') !== pool.entry.auditHash) return false;
    await db.settings.put({ key: poolRatingsSettingKey(pack.id), value: pool.entry });
    return true;
  });
  kept?.set(keptKey, { entry: pool.entry, storedSeq: isRatingsStored ? pool.entry.auditSeq : storedSeq });
  return entry;
}

/** Drops every pack's stored statistics and committee rows (after an erasure, so nothing derived from it stays). */
export async function poolStatsDrop(db: AppDb): Promise<void> {
  await db.settings.where('key').startsWith(poolStatsSettingPrefix).delete();
  await db.settings.where('key').startsWith(committeeRowsSettingPrefix).delete();
  await db.settings.where('key').startsWith(poolRatingsSettingPrefix).delete();
}
