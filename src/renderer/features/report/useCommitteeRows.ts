import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import { committeeViewOf, type CommitteeView } from '../../../core/report/committeeRow';
import { reportDecisions } from '../../../core/report/reportDecision';
import { committeeRowsStored } from '../../db/committeeRows';
import { committeeRowsRefresh } from '../../db/committeeRowsRefresh';
import { appDb } from '../../db/dbContext';
import { poolStatsKey, poolStatsPackOf } from '../../db/poolStats';
import type { LoadedPack } from '../../hooks/usePacks';
import { useStaleRefresh } from './useStaleRefresh';

export interface CommitteeRowsState {
  /**
   * Every candidate with a sealed scorecard the viewer may see, joined with their live record and
   * decisions; undefined before the first computation.
   */
  views: CommitteeView[] | undefined;
  /** Evidence changed since the rows were computed; new ones are being computed. */
  isRecalculating: boolean;
  error: string | null;
}

/**
 * The committee's rows of a pack: the stored ones at once (one read, however large the pool),
 * joined with the candidates' live names and the committee's decisions; marked "recalculating"
 * while a worker brings them up to date, never a blank wait once any exist. A panelist
 * (`viewerId`) sees a candidate only once their own scorecards for them are sealed, judged on their
 * live interviews, so an interview assigned since the rows were computed counts at once. While
 * the viewer is not known yet (`undefined`), nothing is shown.
 */
export function useCommitteeRows(pack: LoadedPack | undefined, viewerId: string | null | undefined): CommitteeRowsState {
  const [refreshed, setRefreshed] = useState(0);
  const state = useLiveQuery(async () => {
    if (!pack) return undefined;
    const db = appDb();
    const [key, stored] = await Promise.all([poolStatsKey(db, poolStatsPackOf(pack)), committeeRowsStored(db, pack.manifest.id)]);
    // Whole tables in one request each: thousands of keyed gets cost far more than reading the
    // few rows of other roles too.
    const [candidates, decisions, mine] = await Promise.all([
      stored ? db.candidates.toArray() : Promise.resolve([]),
      stored ? db.decisions.toArray() : Promise.resolve([]),
      viewerId ? db.interviews.where('interviewerId').equals(viewerId).toArray() : Promise.resolve([]),
    ]);
    return { key, stored, candidates, decisions, mine };
  }, [pack, viewerId, refreshed]);
  const isStale = !!state && state.stored?.key !== state.key;
  const error = useStaleRefresh(
    isStale && pack ? state.key : null,
    () => committeeRowsRefresh(appDb(), pack!),
    () => setRefreshed((n) => n + 1),
  );

  const views = useMemo(() => {
    if (!state?.stored || !pack || viewerId === undefined) return undefined;
    const candidates = new Map(state.candidates.map((c) => [c.id, c]));
    const decisionsOf = groupBy(state.decisions, (d) => d.candidateId);
    const mineOf = groupBy(state.mine, (i) => i.candidateId);
    return state.stored.rows.flatMap((row): CommitteeView[] => {
      const candidate = candidates.get(row.candidateId);
      // Erased since the rows were computed: gone from the screen at once.
      if (!candidate) return [];
      if (!interviewPeersVisible(viewerId, mineOf.get(row.candidateId) ?? [])) return [];
      const view = committeeViewOf(row, pack, candidate, []);
      view.decisions = reportDecisions(decisionsOf.get(row.candidateId) ?? [], pack.levels, view);
      return [view];
    });
  }, [state, pack, viewerId]);
  return { views, isRecalculating: isStale, error };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
