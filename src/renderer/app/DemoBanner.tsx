import { useState } from 'react';
import { appWorkspace } from '../db/workspace';
import { reloadAt } from './router';

/** Says, on every screen, that this window is in the demo workspace, with the one way out. */
export function DemoBanner() {
  const [isLeaving, setIsLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (appWorkspace() !== 'demo') return null;
  const leave = async () => {
    setIsLeaving(true);
    try {
      // Dexie loads with the way out: the banner is on the start-up path.
      const { appWorkspaceLeaveDemo } = await import('../db/dbContext');
      await appWorkspaceLeaveDemo();
      reloadAt('#/today');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setIsLeaving(false);
    }
  };
  return (
    <section className="demo-banner" aria-label="Demo workspace" data-testid="demo-banner">
      <strong className="demo-badge">Demo</strong>
      <span>
        You are in the demo workspace: its candidates, interviewers and scorecards live in a separate database and never
        touch your real data.
      </span>
      <button type="button" onClick={() => void leave()} disabled={isLeaving}>
        {isLeaving ? 'Deleting…' : 'Leave and delete the demo'}
      </button>
      {error && (
        <span className="error-text" role="alert">
          Could not delete the demo: {error}
        </span>
      )}
    </section>
  );
}
