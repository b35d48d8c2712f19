/**
 * Which workspace this window works in: the real one, or the demo workspace (a separate database,
 * see `dbContext`). Kept per window session, so a reload stays in it. Read without Dexie: the
 * first screen asks before the database code has loaded.
 */
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
