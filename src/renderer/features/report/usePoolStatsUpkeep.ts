import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { usePacks } from '../../hooks/usePacks';

const startupDelayMs = 2000;

/**
 * Keeps every loaded pack's statistics and committee rows current as evidence changes (mounted
 * once by the shell), so the first report or committee screen opened after a seal, an import or an
 * erasure finds them computed.
 */
export function usePoolStatsUpkeep(): void {
  const packs = usePacks();
  const head = useLiveQuery(async () => (await appDb().audit.orderBy('seq').last())?.hash ?? '', []);
  const isFirstRun = useRef(true);
  useEffect(() => {
    if (head === undefined || packs.length === 0) return;
    // After the burst of writes that one action makes, not during it; at start-up, after the first
    // screen has painted from the database.
    const delayMs = isFirstRun.current ? startupDelayMs : 300;
    isFirstRun.current = false;
    const timer = setTimeout(() => {
      // The refresh (report building, seals, the record schemas) is loaded when it first runs, not
      // with the shell.
      void import('../../db/committeeRowsRefresh').then(
        ({ committeeRowsRefresh }) => {
          for (const pack of packs)
            committeeRowsRefresh(appDb(), pack).catch((failure: unknown) => {
              console.warn('Loopdesk: pool statistics could not be brought up to date', failure);
            });
        },
        (failure: unknown) => console.warn('Loopdesk: pool statistics could not be brought up to date', failure),
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [head, packs]);
}
