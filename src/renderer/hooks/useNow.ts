import { useEffect, useState } from 'react';

/** Wall-clock time, refreshed every `intervalMs` (for clocks; derive elapsed from stored start times). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
