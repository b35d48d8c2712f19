import type { RubricPackError } from '../../../shared/desktopApi';
import { RemovePackButton } from './RemovePackButton';
import { countText, originTitles } from './packView';

/** Packs that failed to load, grouped by folder, each problem where an author has to edit it. */
export function PackErrorList({ errors, fixHint }: { errors: RubricPackError[]; fixHint: string }) {
  const packCount = errors.length;
  return (
    <section className="panel load-errors" aria-labelledby="load-errors-title" data-testid="load-errors">
      <h2 id="load-errors-title">
        <span aria-hidden="true">⚠ </span>
        Packs that failed to load
        <span className="muted"> · {countText(packCount, 'pack')}</span>
      </h2>
      <p className="muted">{fixHint}</p>
      {errors.map((error) => {
        const folder = error.packDir === '.' ? 'Files outside a pack folder' : `${error.packDir}/`;
        const headingId = `load-error-${error.origin}-${error.packDir.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return (
          <section
            key={`${error.origin}:${error.packDir}`}
            className="load-error-group"
            aria-labelledby={headingId}
            data-testid="load-error"
          >
            <header className="load-error-head">
              <h3 id={headingId} className="mono">
                {folder}
              </h3>
              <span className={`badge origin origin-${error.origin}`}>{originTitles[error.origin]}</span>
              <span className="error-text">{countText(error.issues.length, 'problem')}</span>
              {error.origin === 'user' && error.packDir !== '.' && (
                <span className="load-error-actions">
                  <RemovePackButton packDir={error.packDir} name={error.packDir} />
                </span>
              )}
            </header>
            <ul className="issue-list">
              {error.issues.map((issue, i) => (
                <li key={i}>
                  <span className="mono issue-where">
                    {issue.file}:{issue.line}:{issue.column}
                  </span>
                  {issue.path && <span className="mono issue-path"> {issue.path}</span>}
                  <span> — {issue.message}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
