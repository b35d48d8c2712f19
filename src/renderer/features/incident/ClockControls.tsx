import { incidentClockIsRunning, incidentTimeFormat, type IncidentRun } from '../../../core/incident';
import type { IncidentClockChange } from '../../db/actions/incidentActions';

export const incidentSpeeds = [1, 2, 3, 5, 10] as const;

/**
 * The sim clock: sim time and the story's clock, running state, pause/resume, speed, jumps over
 * quiet stretches, the presenter window, and ending the run.
 */
export function ClockControls({
  run,
  simMs,
  storyClock,
  isReadOnly,
  onClock,
  onEnd,
  onReopen,
  onOpenPresenter,
}: {
  run: IncidentRun;
  simMs: number;
  storyClock: string | null;
  isReadOnly: boolean;
  onClock: (change: IncidentClockChange) => void;
  onEnd: () => void;
  onReopen: () => void;
  onOpenPresenter: () => void;
}) {
  const isEnded = run.endedAt !== null;
  const isRunning = !isEnded && incidentClockIsRunning(run.clock);
  const canChange = !isReadOnly && !isEnded;
  return (
    <div className="incident-clock" role="group" aria-label="Scenario clock">
      <div className="incident-clock-row">
        <span className="incident-sim-time mono" role="timer" aria-label="Sim time" data-testid="incident-sim-time">
          {incidentTimeFormat(simMs)}
        </span>
        {storyClock && <span className="incident-story-time mono">story {storyClock}</span>}
        <span className={`incident-clock-state ${isRunning ? 'is-running' : ''}`} data-testid="incident-clock-state">
          {isEnded ? (
            <>
              <span aria-hidden="true">■</span> Ended
            </>
          ) : isRunning ? (
            <>
              <span aria-hidden="true">▶</span> Running {run.clock.speed}×
            </>
          ) : (
            <>
              <span aria-hidden="true">‖</span> Paused
            </>
          )}
        </span>
        <span className="incident-clock-spacer" />
        <button type="button" onClick={onOpenPresenter}>
          <span aria-hidden="true">↗</span> Open presenter
        </button>
      </div>
      <div className="incident-clock-row">
        {isRunning ? (
          <button type="button" onClick={() => onClock({ kind: 'pause' })} disabled={!canChange}>
            <span aria-hidden="true">‖</span> Pause
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => onClock({ kind: 'resume' })} disabled={!canChange}>
            <span aria-hidden="true">▶</span> Resume
          </button>
        )}
        <label className="incident-inline-label">
          <span>Speed</span>
          <select
            value={run.clock.speed}
            disabled={!canChange}
            onChange={(e) => onClock({ kind: 'speed', speed: Number(e.target.value) })}
          >
            {incidentSpeeds.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => onClock({ kind: 'jump', byMs: 60_000 })} disabled={!canChange}>
          Jump +1 min
        </button>
        <button type="button" onClick={() => onClock({ kind: 'jump', byMs: 5 * 60_000 })} disabled={!canChange}>
          Jump +5 min
        </button>
        <span className="incident-clock-spacer" />
        {isEnded ? (
          <button type="button" onClick={onReopen} disabled={isReadOnly}>
            Reopen run
          </button>
        ) : (
          <button type="button" onClick={onEnd} disabled={isReadOnly}>
            <span aria-hidden="true">■</span> End run
          </button>
        )}
      </div>
    </div>
  );
}
