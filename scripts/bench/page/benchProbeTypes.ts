/** What the in-page probe (page/benchProbe.tsx) records and offers, as the Node harness sees it. */
export interface BenchProbeState {
  /** Keystroke → next paint, ms, in keydown order. */
  keystrokes: number[];
  /** The key and its event time (page clock), same order. */
  keys: Array<{ key: string; at: number }>;
  eventTiming: Array<{
    name: string;
    start: number;
    duration: number;
    interactionId: number;
    inputDelay: number;
    processing: number;
  }>;
  longTasks: Array<{ start: number; end: number }>;
  readyAt: number | null;
}

/** Page-side steps the harness times (they run in the page, so the clock is the page's). */
export interface BenchProbeActions {
  /** Sets `location.hash` and resolves with the ms until the first frame painted with `selector` present. */
  routeUntil(hash: string, selector: string): Promise<number>;
  /** Replaces `selector`'s content with `markup`; ms until the next frame is painted. */
  renderMarkup(selector: string, markup: string): Promise<number>;
  /** `main`'s markup as painted in the frame the last `routeUntil` timed. */
  paintedMarkup(): string;
  /** The printed document as static parts: body markup (no scripts), @page rules, title. */
  printSnapshot(): { body: string; pageRules: string; stylesheets: string[]; title: string; lang: string };
  /** domContentLoadedEventEnd of the navigation, in ms from its start. */
  domContentLoaded(): number;
  /** A quiet-window check for "interactive": the probe state once `quietMs` passed without a long task after ready. */
  settled(quietMs: number): BenchProbeState | null;
}
