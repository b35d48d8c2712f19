/**
 * The incident sim clock as pure functions over a persisted {@link IncidentClock} record. Nothing
 * reads the real time: the caller passes `wallNow` (epoch ms), so the console can call
 * `incidentClockSimNow(clock, performance.timeOrigin + performance.now())` every frame and a test
 * can pass any number.
 *
 * A crash does not stop the clock: the interview went on in the room while the app restarted, so a
 * reloaded running clock reports the sim time it would have had. Pause it on recovery if the panel
 * prefers to pick up where the screen froze.
 */
import type { IncidentClock } from './runSchema';

/** Fastest and slowest sim speed the console offers (×). */
export const incidentClockSpeedRange = { min: 1, max: 10 } as const;

function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(incidentClockSpeedRange.max, Math.max(incidentClockSpeedRange.min, speed));
}

/** A clock that has not started: sim time 0, speed 1× unless given. */
export function incidentClockCreate(speed = 1): IncidentClock {
  return { speed: clampSpeed(speed), accumulatedMs: 0, startedAtWall: null, resumedAtWall: null, pausedAt: null };
}

/** True while sim time advances with wall time. */
export function incidentClockIsRunning(clock: IncidentClock): boolean {
  return clock.resumedAtWall !== null;
}

/**
 * Sim milliseconds at wall time `wallNow` (whole ms, never negative). A wall clock that stepped
 * backwards (NTP, manual change) adds nothing rather than rewinding the sim.
 */
export function incidentClockSimNow(clock: IncidentClock, wallNow: number): number {
  if (clock.resumedAtWall === null) return clock.accumulatedMs;
  const elapsed = Math.max(0, wallNow - clock.resumedAtWall);
  return Math.floor(clock.accumulatedMs + elapsed * clock.speed);
}

/** Starts a clock that has not started; a started clock is resumed instead (same result as Resume). */
export function incidentClockStart(clock: IncidentClock, wallNow: number): IncidentClock {
  if (clock.startedAtWall !== null) return incidentClockResume(clock, wallNow);
  return { ...clock, startedAtWall: wallNow, resumedAtWall: wallNow, pausedAt: null };
}

/** Freezes sim time at its value at `wallNow`. Pausing a paused or unstarted clock changes nothing. */
export function incidentClockPause(clock: IncidentClock, wallNow: number): IncidentClock {
  if (clock.resumedAtWall === null) return clock;
  return { ...clock, accumulatedMs: incidentClockSimNow(clock, wallNow), resumedAtWall: null, pausedAt: wallNow };
}

/** Lets sim time advance again from where it was paused. Resuming a running clock changes nothing. */
export function incidentClockResume(clock: IncidentClock, wallNow: number): IncidentClock {
  if (clock.resumedAtWall !== null) return clock;
  return {
    ...clock,
    startedAtWall: clock.startedAtWall ?? wallNow,
    resumedAtWall: wallNow,
    pausedAt: null,
  };
}

/**
 * Changes the speed (clamped to 1×-10×) without a jump: sim time so far is banked at the old speed
 * and the new speed applies from `wallNow`.
 */
export function incidentClockSetSpeed(clock: IncidentClock, speed: number, wallNow: number): IncidentClock {
  const next = clampSpeed(speed);
  if (clock.resumedAtWall === null) return { ...clock, speed: next };
  return { ...clock, speed: next, accumulatedMs: incidentClockSimNow(clock, wallNow), resumedAtWall: wallNow };
}

/**
 * Moves sim time to `simMs` (e.g. the interviewer skips a quiet stretch), keeping running/paused
 * as it was. Going back is allowed: the engine is a function of time, so state simply recomputes.
 */
export function incidentClockSeek(clock: IncidentClock, simMs: number, wallNow: number): IncidentClock {
  const target = Math.max(0, Math.floor(simMs));
  if (clock.resumedAtWall === null) return { ...clock, accumulatedMs: target };
  return { ...clock, accumulatedMs: target, resumedAtWall: wallNow };
}
