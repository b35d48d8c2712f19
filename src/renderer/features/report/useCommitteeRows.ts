import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CommitteeView } from '../../../core/report/committeeRow';
import { committeeScreenRead } from '../../db/committeeRows';
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

/**
 * The committee's rows of a pack (`committeeScreenRead`): the stored ones at once, joined with
 * what is live; marked "recalculating" while a worker brings them up to date, never a blank wait
 * once any exist. Candidates' names are read only when the screen shows them (`withNames`; in blind
 * mode only their ids, so an erased one still disappears at once). While the viewer or whether
 * names show is not known yet (`undefined`), nothing is read or shown.
 */
export function useCommitteeRows(
  pack: LoadedPack | undefined,
  viewerId: string | null | undefined,
  withNames: boolean | undefined,
): CommitteeRowsState {
  const [refreshed, setRefreshed] = useState(0);
  const state = useLiveQuery(async () => {
    if (!pack || viewerId === undefined || withNames === undefined) return undefined;
    return committeeScreenRead(appDb(), pack, viewerId, withNames);
  }, [pack, viewerId, withNames, refreshed]);
  const isStale = !!state && state.storedKey !== state.key;
  const error = useStaleRefresh(
    isStale && pack ? state.key : null,
    () => committeeRowsRefresh(appDb(), pack!),
    () => setRefreshed((n) => n + 1),
  );
  return { views: state?.views, isRecalculating: isStale, error };
}
