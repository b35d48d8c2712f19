import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { usePacks } from '../../hooks/usePacks';

const startupDelayMs = 2000;
/** After the burst of writes that one action makes, not during it. */
const afterChangeMs = 300;
/**
 * The committee rows (after a seal the changed candidate's report rebuilt and every other row
 * recalibrated; after an import or an erasure every report rebuilt from the pool) wait until sealed
 * evidence has stopped changing for this long: right after a seal the person is likely opening a
 * report, which would otherwise share the two cores and IndexedDB with that work. The committee screen
 * brings its rows up to date itself when it opens on stale ones. At start-up both wait only for
 * the first screen.
 */
const committeeQuietMs = 5000;

const warn = (failure: unknown) => console.warn('Loopdesk: pool statistics could not be brought up to date', failure);

/**
 * Keeps every loaded pack's statistics and committee rows current as evidence changes (mounted
 * once by the shell), so the first report or committee screen opened after a seal, an import or an
 * erasure finds them computed: the statistics soon after each change, the committee rows once
 * changes have paused.
 */
export function usePoolStatsUpkeep(): void {
  const packs = usePacks();
  const head = useLiveQuery(async () => (await appDb().audit.orderBy('seq').last())?.hash ?? '', []);
  const isFirstRun = useRef(true);
  useEffect(() => {
    if (head === undefined || packs.length === 0) return;
    // At start-up, after the first screen has painted from the database.
    const isStart = isFirstRun.current;
    const delayMs = isStart ? startupDelayMs : afterChangeMs;
    isFirstRun.current = false;
    // The refreshes' code (report building, seals, the record schemas) is loaded when it first
    // runs, not with the shell.
    const statsTimer = setTimeout(() => {
      void Promise.all([import('../../db/poolStatsRefresh'), import('../../db/poolStatsKey')]).then(
        ([{ poolStatsRefresh }, { poolStatsPackOf }]) => {
          for (const pack of packs) poolStatsRefresh(appDb(), poolStatsPackOf(pack)).catch(warn);
        },
        warn,
      );
    }, delayMs);
    const rowsTimer = setTimeout(() => {
      void import('../../db/committeeRowsRefresh').then(({ committeeRowsRefresh }) => {
        for (const pack of packs) committeeRowsRefresh(appDb(), pack).catch(warn);
      }, warn);
    }, isStart ? delayMs : committeeQuietMs);
    return () => {
      clearTimeout(statsTimer);
      clearTimeout(rowsTimer);
    };
  }, [head, packs]);
}
