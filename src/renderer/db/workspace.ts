/**
 * Which workspace this window works in: the real one, or the demo workspace (a separate database,
 * see `dbContext`). Kept per window session, so a reload stays in it; a window the app opens from
 * the demo workspace (a PDF export's print window, the presenter) is told by its route
 * (`shared/workspaceRoute.ts`), as it starts without its opener's session. Read without Dexie: the
 * first screen asks before the database code has loaded.
 */
import { workspaceRouteIsDemo, workspaceRouted } from '../../shared/workspaceRoute';

export type Workspace = 'real' | 'demo';

/** The real workspace's database. */
export const appDbName = 'loopdesk';
/** The demo workspace's database: never the real one. */
export const demoDbName = `${appDbName}-demo`;

const workspaceKey = 'loopdesk:workspace';

export function appWorkspace(): Workspace {
  try {
    return sessionStorage.getItem(workspaceKey) === 'demo' ? 'demo' : 'real';
  } catch {
    return 'real';
  }
}

/** Switches this window to the demo workspace; the caller reloads so every query starts afresh. */
export function appWorkspaceEnterDemo(): void {
  sessionStorage.setItem(workspaceKey, 'demo');
}

/** Switches this window back to the real workspace (the demo database is deleted by the caller). */
export function appWorkspaceEnterReal(): void {
  sessionStorage.removeItem(workspaceKey);
}

/** The database of this window's workspace. */
export function appWorkspaceDbName(): string {
  return appWorkspace() === 'demo' ? demoDbName : appDbName;
}

/** `route` for a window this one opens (a print or presenter window), in this window's workspace. */
export function appWorkspaceRouted(route: string): string {
  return workspaceRouted(route, appWorkspace() === 'demo');
}

// A window opened on a route of the demo workspace works in it for its whole session, before
// anything reads its database.
if (typeof location !== 'undefined' && workspaceRouteIsDemo(location.hash)) {
  try {
    appWorkspaceEnterDemo();
  } catch {
    // Session storage disabled: the window then works in the real workspace, as every window would.
  }
}
