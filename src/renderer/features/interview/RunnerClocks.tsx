import type { Interview } from '../../../core/model/records';
import { interviewElapsedMs, interviewIsPaused } from '../../../core/interview/interviewLifecycle';
import { clockText } from '../../../core/text/clockText';
import { useNow } from '../../hooks/useNow';

/**
 * Overall clock, derived from the stored start and pauses so it survives a reload. Ticks on its
 * own; says when it is not running (before Start, paused, stopped for an amendment).
 */
export function RunnerClock({
  interview,
  totalMinutes,
}: {
  interview: Pick<Interview, 'startedAt' | 'pausedAt' | 'pausedMs' | 'status' | 'version'>;
  totalMinutes: number;
}) {
  const now = useNow(1000);
  const elapsed = interviewElapsedMs(interview, now);
  const state =
    interview.startedAt === null
      ? 'not started'
      : interview.status === 'draft' && interviewIsPaused(interview)
        ? interview.version >= 1
          ? 'stopped'
          : 'paused'
        : null;
  return (
    <span
      className={`mono${elapsed > totalMinutes * 60_000 ? ' is-over' : ''}`}
      aria-label="Interview time"
      role="timer"
      data-testid="interview-clock"
    >
      {clockText(elapsed)} / {totalMinutes}:00
      {state && <span className="clock-state"> · {state}</span>}
    </span>
  );
}

/** Countdown for the current section; turns into "over" when it runs long. */
export function SectionCountdown({ sectionStartedAt, minutes }: { sectionStartedAt: number | null; minutes: number }) {
  const now = useNow(1000);
  if (sectionStartedAt === null) return null;
  const remaining = minutes * 60_000 - Math.max(0, now - sectionStartedAt);
  return (
    <span className={`countdown mono${remaining < 0 ? ' is-over' : ''}`} aria-label="Section time left" role="timer">
      {remaining < 0 ? `${clockText(-remaining)} over` : `${clockText(remaining)} left`}
    </span>
  );
}
