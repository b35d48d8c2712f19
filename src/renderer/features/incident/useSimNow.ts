import { useEffect, useState } from 'react';
import { incidentClockIsRunning, incidentClockSimNow, type IncidentRun } from '../../../core/incident';

/**
 * The run's sim time, re-rendering the caller about four times a second while the clock runs
 * (charts move by 10 s samples, so that is plenty even at 10×) and not at all while it is paused.
 * An ended run stays at the time it ended. Computed from the saved clock, so it survives a reload.
 */
export function useSimNow(run: IncidentRun | null | undefined, intervalMs = 250): number {
  const [wallNow, setWallNow] = useState(() => Date.now());
  const isTicking = !!run && run.endedAt === null && incidentClockIsRunning(run.clock);
  useEffect(() => {
    if (!isTicking) return;
    const id = setInterval(() => setWallNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [isTicking, intervalMs]);
  if (!run) return 0;
  if (run.endedAt !== null) return run.endedAt;
  return incidentClockSimNow(run.clock, wallNow);
}
