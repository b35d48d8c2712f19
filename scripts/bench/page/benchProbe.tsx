/**
 * The in-page probe, installed before any page script (Playwright `addInitScript`), in the app and
 * in the floor pages alike so both are measured the same way:
 * - keystroke → next paint: a capturing `keydown` listener on window (it runs before the page's
 *   own handlers) notes `event.timeStamp`; a `requestAnimationFrame` callback registered then runs
 *   in the next frame, and a message posted from it runs right after that frame's style, layout
 *   and paint — the time of that message is the "next paint" of the keystroke.
 * - Event Timing (`PerformanceObserver({ type: 'event' })`, 16 ms threshold) as a cross-check:
 *   every keystroke whose event took longer than a frame in the browser's own accounting.
 * - ready / interactive: the first frame painted after `readySelector` matches, and the end of the
 *   last long task (> 50 ms) before a quiet window (TTI's definition with a shorter window).
 */
import type { BenchProbeActions, BenchProbeState } from './benchProbeTypes';

export interface BenchProbeConfig {
  readySelector: string | null;
}

declare global {
  interface Window {
    __benchProbe?: BenchProbeState;
    __benchActions?: BenchProbeActions;
  }
}

/** `callback` once the next frame is painted; `beforePaint` in that frame, before its paint. */
function afterNextPaint(callback: (at: number) => void, beforePaint?: () => void): void {
  requestAnimationFrame(() => {
    beforePaint?.();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  });
}

const routeTimeoutMs = 180_000;
/** `main`'s markup in the frame `routeUntil` last timed (a screen may render more after it). */
let paintedMarkup = '';

const actions: BenchProbeActions = {
  routeUntil: (hash, selector) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      // A screen that never shows is a failed sample with what the page said, not a hung run.
      const timer = setTimeout(() => {
        observer.disconnect();
        const shown = (document.querySelector('main') ?? document.body).textContent?.slice(0, 300) ?? '';
        reject(new Error(`${selector} did not appear within ${routeTimeoutMs / 1000} s of ${hash}; the page shows: ${shown}`));
      }, routeTimeoutMs);
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        clearTimeout(timer);
        afterNextPaint(
          (at) => resolve(at - started),
          () => (paintedMarkup = document.querySelector('main')?.innerHTML ?? ''),
        );
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
      location.hash = hash;
    }),
  renderMarkup: (selector, markup) =>
    new Promise((resolve) => {
      const host = document.querySelector(selector)!;
      host.innerHTML = '';
      afterNextPaint(() => {
        const started = performance.now();
        host.innerHTML = markup;
        afterNextPaint((at) => resolve(at - started));
      });
    }),
  paintedMarkup: () => paintedMarkup,
  printSnapshot: () => {
    const pageRules = document.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script').forEach((s) => s.remove());
    // Every stylesheet the printed document uses: the start-up one and those the print screen's
    // chunks brought (report and view styles), in document order.
    const stylesheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
      (link) => new URL(link.href).pathname,
    );
    return { body: body.innerHTML, pageRules, stylesheets, title: document.title, lang: document.documentElement.lang || 'en' };
  },
  domContentLoaded: () => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.domContentLoadedEventEnd : 0;
  },
  settled: (quietMs) => {
    const probe = window.__benchProbe;
    if (!probe || probe.readyAt === null || probe.readyAt < 0) return null;
    const lastBusy = Math.max(probe.readyAt, ...probe.longTasks.map((t) => t.end));
    return performance.now() - lastBusy >= quietMs ? probe : null;
  },
};

export function benchProbeInstall(config: BenchProbeConfig): void {
  const state: BenchProbeState = { keystrokes: [], keys: [], eventTiming: [], longTasks: [], readyAt: null };
  window.__benchProbe = state;
  window.__benchActions = actions;

  window.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      const index = state.keystrokes.length;
      state.keystrokes.push(Number.NaN);
      state.keys.push({ key: event.key, at: start });
      afterNextPaint((at) => (state.keystrokes[index] = at - start));
    },
    { capture: true },
  );

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        state.eventTiming.push({
          name: entry.name,
          start: entry.startTime,
          duration: entry.duration,
          interactionId: (entry as PerformanceEventTiming & { interactionId?: number }).interactionId ?? 0,
          inputDelay: entry.processingStart - entry.startTime,
          processing: entry.processingEnd - entry.processingStart,
        });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    // Event Timing unavailable: the rAF measurement stands alone.
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true } as PerformanceObserverInit);
  } catch {
    // No Long Tasks API: "interactive" falls back to the ready frame.
  }

  const selector = config.readySelector;
  if (selector) {
    const check = (): boolean => {
      if (state.readyAt !== null || !document.querySelector(selector)) return false;
      state.readyAt = -1;
      afterNextPaint((at) => (state.readyAt = at));
      return true;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}
