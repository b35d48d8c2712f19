import { useEffect, useState } from 'react';

/**
 * One timer per interval, shared by every clock that asks for it: the runner's two clocks then
 * update in one render and one layout per second instead of two at different moments, so fewer
 * frames carry clock work next to a keystroke.
 */
const tickers = new Map<number, { listeners: Set<(now: number) => void>; id: ReturnType<typeof setInterval> }>();

function nowSubscribe(intervalMs: number, listener: (now: number) => void): () => void {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    const listeners = new Set<(now: number) => void>();
    const id = setInterval(() => {
      const now = Date.now();
      for (const l of listeners) l(now);
    }, intervalMs);
    tickers.set(intervalMs, (ticker = { listeners, id }));
  }
  ticker.listeners.add(listener);
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0) {
      clearInterval(ticker.id);
      tickers.delete(intervalMs);
    }
  };
}

/** Wall-clock time, refreshed every `intervalMs` (for clocks; derive elapsed from stored start times). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => nowSubscribe(intervalMs, setNow), [intervalMs]);
  return now;
}
