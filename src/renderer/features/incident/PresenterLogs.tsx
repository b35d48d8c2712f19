import type { IncidentPresenterLog } from '../../../core/incident';

function levelOf(line: string): 'error' | 'warn' | null {
  if (/\b(ERROR|FATAL|FAIL(ED)?)\b/.test(line)) return 'error';
  if (/\b(WARN(ING)?|INCONCLUSIVE)\b/.test(line)) return 'warn';
  return null;
}

/** Log excerpts the candidate pulled up or was sent, newest first, in monospace as a terminal shows them. */
export function PresenterLogs({ logs, at }: { logs: IncidentPresenterLog[]; at: (ms: number) => string }) {
  const newestFirst = [...logs].reverse();
  return (
    <section className="presenter-box presenter-logs" aria-labelledby="presenter-logs-title">
      <h2 id="presenter-logs-title">
        Logs <span className="presenter-count">{logs.length}</span>
      </h2>
      {newestFirst.length === 0 ? (
        <p className="presenter-empty">No log excerpts yet.</p>
      ) : (
        newestFirst.map((log) => (
          <article key={log.key} className="presenter-log" data-testid="presenter-log">
            <header className="presenter-log-head">
              <span className="presenter-log-source">{log.source ?? 'log'}</span>
              {log.service && <span className="presenter-role">{log.service}</span>}
              <time className="presenter-time">{at(log.at)}</time>
            </header>
            <pre className="presenter-log-lines">
              {log.lines.map((line, i) => {
                const level = levelOf(line);
                return (
                  <span key={i} className={level ? `presenter-log-${level}` : undefined}>
                    {line}
                    {'\n'}
                  </span>
                );
              })}
            </pre>
          </article>
        ))
      )}
    </section>
  );
}
