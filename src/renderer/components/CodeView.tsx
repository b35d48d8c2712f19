import { useEffect, useId, useMemo, useRef } from 'react';
import { codeHighlightLines } from './codeHighlight';
import './codeHighlight.css';

export interface CodeViewProps {
  /** The file's text; a trailing newline does not make an extra line. */
  text: string;
  /** Language id from the pack (`rubricArtifactLanguages`: `hcl`, `python`, `sql`, …) or any other name (shown plain). */
  language: string;
  /** Inclusive 1-based line ranges to mark; the view scrolls the first one into sight. */
  highlight?: Array<[first: number, last: number]>;
  /** What the code is, e.g. the artifact's title; names the scrollable region. */
  label: string;
}

const languageNames: Record<string, string> = {
  hcl: 'HCL',
  yaml: 'YAML',
  log: 'Log',
  json: 'JSON',
  shell: 'Shell',
  text: 'Text',
  dockerfile: 'Dockerfile',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  kotlin: 'Kotlin',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  ruby: 'Ruby',
  rust: 'Rust',
  csharp: 'C#',
  sql: 'SQL',
};

function rangeText([first, last]: [number, number]): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

/**
 * A read-only code or log file with line numbers, optionally marking line ranges (a planted
 * defect, a log excerpt). Long lines wrap so a range stays readable beside other panels.
 */
export function CodeView({ text, language, highlight = [], label }: CodeViewProps) {
  const lines = useMemo(() => text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n'), [text]);
  const coloured = useMemo(() => codeHighlightLines(lines.join('\n'), language), [lines, language]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const labelId = useId();
  const highlightKey = highlight.map(([a, b]) => `${a}-${b}`).join(',');
  const firstMarked = highlight.length > 0 ? Math.min(...highlight.map(([a]) => a)) : undefined;

  useEffect(() => {
    const body = bodyRef.current;
    if (!body || firstMarked === undefined) return;
    const line = body.querySelector<HTMLElement>(`[data-line="${firstMarked}"]`);
    if (!line) return;
    const isVisible =
      line.offsetTop >= body.scrollTop && line.offsetTop + line.offsetHeight <= body.scrollTop + body.clientHeight;
    if (!isVisible) body.scrollTop = Math.max(0, line.offsetTop - body.clientHeight / 4);
  }, [firstMarked, highlightKey]);

  const isMarked = (n: number) => highlight.some(([a, b]) => n >= a && n <= b);
  const width = String(lines.length).length;

  return (
    <figure className="code-view">
      <figcaption className="code-view-head">
        <span id={labelId} className="code-view-label">
          {label}
        </span>
        <span className="badge">{languageNames[language] ?? language}</span>
        <span className="muted">{lines.length === 1 ? '1 line' : `${lines.length} lines`}</span>
      </figcaption>
      <div
        ref={bodyRef}
        className="code code-view-body"
        role="region"
        aria-labelledby={labelId}
        tabIndex={0}
        data-testid="code-view"
        data-language={language}
        style={{ ['--ln-width' as string]: `${width + 1}ch` }}
      >
        <ol>
          {lines.map((line, i) => {
            const n = i + 1;
            const marked = isMarked(n);
            return (
              <li
                key={n}
                data-line={n}
                data-highlighted={marked ? 'true' : undefined}
                className={marked ? 'highlight' : undefined}
              >
                <span className="code-ln">{n}</span>
                {coloured && line !== '' ? (
                  // highlight.js escaped the text; the markup is only its class-named spans.
                  <span className="code-text" dangerouslySetInnerHTML={{ __html: coloured[i] ?? '' }} />
                ) : (
                  <span className="code-text">{line === '' ? '\u200b' : line}</span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      <p className="sr-only" aria-live="polite">
        {highlight.length > 0 ? `Marked: ${highlight.map(rangeText).join(', ')}` : ''}
      </p>
    </figure>
  );
}
