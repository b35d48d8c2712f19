import { clockText } from '../../../core/text/clockText';
import { useNow } from '../../hooks/useNow';

/** Overall clock, derived from the stored start time so it survives a reload. Ticks on its own. */
export function RunnerClock({ startedAt, totalMinutes }: { startedAt: number | null; totalMinutes: number }) {
  const now = useNow(1000);
  const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt);
  return (
    <span
      className={`mono${elapsed > totalMinutes * 60_000 ? ' is-over' : ''}`}
      aria-label="Interview time"
      role="timer"
    >
      {clockText(elapsed)} / {totalMinutes}:00
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
