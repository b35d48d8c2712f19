import { useCallback, useEffect, useRef } from 'react';
import { liveQuery } from 'dexie';
import { incidentClockSimNow, type IncidentRun } from '../../../core/incident';
import { appDb } from '../../db/dbContext';

/**
 * For the runner's note composer: a stable function giving the incident sim time right now (ms),
 * or null when the interview has no running incident (not started yet, or ended). It follows the
 * saved run without re-rendering its caller, so the whole runner is not redrawn on every log entry.
 */
export function useIncidentSimAt(interviewId: string | null): () => number | null {
  const run = useRef<IncidentRun | null>(null);
  useEffect(() => {
    run.current = null;
    if (interviewId === null) return;
    const subscription = liveQuery(() => appDb().incidentRuns.get(interviewId)).subscribe({
      next: (value) => {
        run.current = value ?? null;
      },
      error: () => {
        run.current = null;
      },
    });
    return () => subscription.unsubscribe();
  }, [interviewId]);
  return useCallback(() => {
    const current = run.current;
    if (!current || current.endedAt !== null || current.clock.startedAtWall === null) return null;
    return incidentClockSimNow(current.clock, Date.now());
  }, []);
}
