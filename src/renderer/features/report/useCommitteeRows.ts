import { useState } from 'react';
import { useObservable } from 'dexie-react-hooks';
import type { CommitteeView } from '../../../core/report/committeeRow';
import { committeeScreenLive } from '../../db/committeeScreenLive';
import { committeeRowsRefresh } from '../../db/committeeRowsRefresh';
import { appDb } from '../../db/dbContext';
import type { LoadedPack } from '../../hooks/usePacks';
import { useStaleRefresh } from './useStaleRefresh';

export interface CommitteeRowsState {
  /**
   * Every candidate with a sealed scorecard the viewer may see, joined with their live record and
   * latest decision; undefined before the first computation.
   */
  views: CommitteeView[] | undefined;
  /** Evidence changed since the rows were computed; new ones are being computed. */
  isRecalculating: boolean;
  error: string | null;
}

const noPack = { subscribe: () => ({ unsubscribe: () => {} }) };

/**
 * The committee's rows of a pack (`committeeScreenRead`): the stored ones at once, joined with
 * what is live for this profile's viewer (a panelist sees only whom they may) — candidates' names
 * only when the screen shows them (in blind mode only their ids, so an erased one still disappears
 * at once); marked "recalculating" while a worker brings them up to date, never a blank wait once
 * any exist. Who views and blind mode are read within the same query, so nothing waits for them.
 */
export function useCommitteeRows(pack: LoadedPack | undefined): CommitteeRowsState {
  const [refreshed, setRefreshed] = useState(0);
  // The read the route may have started already (`committeeScreenPrefetch`): its result, if it has
  // arrived, is in the first render.
  const state = useObservable(() => (pack ? committeeScreenLive(appDb(), pack, refreshed) : noPack), [pack, refreshed]);
  const isStale = !!state && state.storedKey !== state.key;
  const error = useStaleRefresh(
    isStale && pack ? state.key : null,
    () => committeeRowsRefresh(appDb(), pack!),
    () => setRefreshed((n) => n + 1),
  );
  return { views: state?.views, isRecalculating: isStale, error };
}
