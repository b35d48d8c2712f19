/**
 * A window the app opens — a PDF export's hidden print window, the presenter — starts without the
 * opener's session storage, where a window remembers it works in the demo workspace (a separate
 * database). The route such a window is opened on says so instead, so it reads the database its
 * opener works in.
 */
export const workspaceRouteParam = 'workspace';
const demo = 'demo';

/** `route` (a `#/…` address, with or without a query) for a window opened from the demo workspace or not. */
export function workspaceRouted(route: string, isDemo: boolean): string {
  if (!isDemo) return route;
  return `${route}${route.includes('?') ? '&' : '?'}${workspaceRouteParam}=${demo}`;
}

/** Whether a window's address (`location.hash`) says it belongs to the demo workspace. */
export function workspaceRouteIsDemo(hash: string): boolean {
  const query = hash.indexOf('?');
  return query >= 0 && new URLSearchParams(hash.slice(query + 1)).get(workspaceRouteParam) === demo;
}
