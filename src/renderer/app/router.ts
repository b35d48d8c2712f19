/**
 * Hash routing: `#/path/segments?query`. Hash routes keep one document per window, work from
 * app:// and from a static web server alike, and never trigger a navigation the main process
 * would have to allow.
 */
import { useSyncExternalStore } from 'react';
import { routeOf, type Route } from './routeOf';

export { routeOf, type Route } from './routeOf';

let current = typeof location !== 'undefined' ? location.hash : '';
const subscribe = (notify: () => void): (() => void) => {
  const handler = () => {
    current = location.hash;
    notify();
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
};

const cache = new Map<string, Route>();
function snapshot(): Route {
  let route = cache.get(current);
  if (!route) {
    route = routeOf(current);
    cache.clear();
    cache.set(current, route);
  }
  return route;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

export function href(...segments: Array<string | number>): string {
  return `#/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

export function navigate(to: string): void {
  location.hash = to.startsWith('#') ? to.slice(1) : to;
}

/**
 * Reloads the window onto another screen. The address changes without a hashchange, so this
 * document keeps its current screen until the new one has loaded: nothing renders the target
 * screen from state that is being replaced (a workspace switch, for one).
 */
export function reloadAt(to: string): void {
  history.replaceState(history.state, '', to.startsWith('#') ? to : `#${to}`);
  location.reload();
}
