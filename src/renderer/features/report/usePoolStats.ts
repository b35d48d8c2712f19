import { useMemo, useState } from 'react';
import { useStaleRefresh } from './useStaleRefresh';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CalibrationPoolStats } from '../../../core/calibration/calibrationTypes';
import { appDb } from '../../db/dbContext';
import { poolStatsKey, poolStatsPackOf, poolStatsStored } from '../../db/poolStatsKey';
import type { LoadedPack } from '../../hooks/usePacks';

export interface PoolStatsState {
  /** The latest stored statistics (possibly of an earlier state); undefined before the first. */
  stats: CalibrationPoolStats | undefined;
  /** Evidence changed since `stats` were computed; new ones are being computed. */
  isRecalculating: boolean;
  /** Why the last recomputation failed, if it did. */
  error: string | null;
}

/**
 * The pack's pool statistics for a report or the committee screen: the stored ones at once, marked
 * "recalculating" while a worker brings them up to date, never a blank wait once any exist.
 */
export function usePoolStats(pack: LoadedPack | undefined): PoolStatsState {
  const poolPack = useMemo(() => (pack ? poolStatsPackOf(pack) : undefined), [pack]);
  const [refreshed, setRefreshed] = useState(0);
  const state = useLiveQuery(async () => {
    if (!poolPack) return undefined;
    const db = appDb();
    const [key, stored] = await Promise.all([poolStatsKey(db, poolPack), poolStatsStored(db, poolPack.id)]);
    return { key, stored };
  }, [poolPack, refreshed]);
  const isStale = !!state && state.stored?.key !== state.key;
  const error = useStaleRefresh(
    isStale && poolPack ? state.key : null,
    // The refresh's code (worker client, committee rows) loads only when the statistics are stale.
    () => import('../../db/poolStatsRefresh').then((m) => m.poolStatsRefresh(appDb(), poolPack!)),
    () => setRefreshed((n) => n + 1),
  );
  return { stats: state?.stored?.stats, isRecalculating: isStale, error };
}
