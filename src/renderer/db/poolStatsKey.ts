/**
 * Which state of sealed evidence derived data is of (`poolStats`, `committeeRows`): kept apart
 * from their computation so a screen can check or read stored results without loading it.
 */
import type { CalibrationPoolStats } from '../../core/calibration/calibrationTypes';
import { poolStatsPacked, poolStatsUnpacked, type PoolStatsPacked } from '../../core/calibration/poolStatsPacked';
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';

/** What the statistics depend on of a pack: its id, its content hash and its dimensions. */
export interface PoolStatsPack {
  id: string;
  hash: string;
  dimensionIds: string[];
}

export const poolStatsPackOf = (pack: RubricPack): PoolStatsPack => ({
  id: pack.manifest.id,
  hash: pack.hash,
  dimensionIds: pack.dimensions.map((d) => d.id),
});

/** The state of sealed evidence now, for this pack. */
export async function poolStatsKey(db: AppDb, pack: PoolStatsPack): Promise<string> {
  return poolStatsKeyOf(pack, await db.audit.orderBy('seq').last());
}

/** The key of `pack` at the audit entry `head` (undefined: an empty log). */
export function poolStatsKeyOf(pack: Pick<PoolStatsPack, 'id' | 'hash'>, head: { seq: number; hash: string } | undefined): string {
  return `${pack.id}:${pack.hash}:${head?.seq ?? 0}:${head?.hash ?? ''}`;
}

/** Settings key prefix of the committee rows computed from the statistics (`committeeRows.ts`). */
export const committeeRowsSettingPrefix = 'committeeRows:';

export interface PoolStatsEntry {
  /** The pack and the audit head the statistics are of (`poolStatsKey`). */
  key: string;
  stats: CalibrationPoolStats;
  computedAt: number;
}

/** A `PoolStatsEntry` as its settings row holds it: the statistics packed (`poolStatsPacked`). */
interface PoolStatsRowValue {
  key: string;
  packed: PoolStatsPacked;
  computedAt: number;
}

/** The settings row value of `entry`. */
export function poolStatsRowValue(entry: PoolStatsEntry): PoolStatsRowValue {
  return { key: entry.key, packed: poolStatsPacked(entry.stats), computedAt: entry.computedAt };
}

/**
 * The entry a settings row holds. A row written before the statistics were packed is read as
 * none: its statistics are computed again, as for a new database.
 */
export function poolStatsEntryOf(value: unknown): PoolStatsEntry | undefined {
  const row = value as Partial<PoolStatsRowValue> | undefined;
  if (!row?.packed || typeof row.key !== 'string' || typeof row.computedAt !== 'number') return undefined;
  return { key: row.key, stats: poolStatsUnpacked(row.packed), computedAt: row.computedAt };
}

/** Settings key of a pack's stored statistics (one entry per pack: the latest). */
export const poolStatsSettingPrefix = 'poolStats:';
export const poolStatsSettingKey = (packId: string) => `${poolStatsSettingPrefix}${packId}`;

/** The stored statistics of a pack, current or not; undefined before the first computation. */
export async function poolStatsStored(db: AppDb, packId: string): Promise<PoolStatsEntry | undefined> {
  return poolStatsEntryOf((await db.settings.get(poolStatsSettingKey(packId)))?.value);
}
