import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RubricPack } from '../../../core/rubric/schema';
import { appDb } from '../../db/dbContext';
import { analyticsCompute, type AnalyticsView } from './analyticsCompute';

export type AnalyticsState =
  | { status: 'loading' }
  | { status: 'ready'; view: AnalyticsView }
  | { status: 'error'; message: string };

/**
 * The pack's interviewer analytics, recomputed (off the main thread) when sealed evidence changes —
 * every such change appends an audit entry — or a practice run is sealed. While a newer state is
 * computed the last one stays on screen.
 */
export function useInterviewerAnalytics(pack: RubricPack | undefined): AnalyticsState {
  const stateKey = useLiveQuery(async () => {
    const db = appDb();
    const head = await db.audit.orderBy('seq').last();
    const practice = await db.practiceRuns.where('sealedAt').above(0).count();
    return `${head?.seq ?? 0}:${head?.hash ?? ''}:${practice}`;
  }, []);
  const [state, setState] = useState<AnalyticsState>({ status: 'loading' });
  useEffect(() => {
    if (!pack || stateKey === undefined) return;
    let isCurrent = true;
    analyticsCompute(appDb(), pack).then(
      (view) => isCurrent && setState({ status: 'ready', view }),
      (error: unknown) => isCurrent && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [pack, stateKey]);
  return state;
}
