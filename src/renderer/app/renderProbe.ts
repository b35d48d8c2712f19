/**
 * A render counter for tests: a component calls `renderProbe('Name')` in its body, and a test that
 * installs `globalThis.__loopdeskRenderProbe` (Playwright's addInitScript) counts how often React
 * rendered it. Without the hook it is one property read, in every build.
 */
declare global {
  var __loopdeskRenderProbe: ((component: string) => void) | undefined;
}

export function renderProbe(component: string): void {
  globalThis.__loopdeskRenderProbe?.(component);
}
