import { memo, useRef, useState, type KeyboardEvent } from 'react';
import type { Rating } from '../../../core/model/records';
import type { Dimension } from '../../../core/rubric/schema';
import type { RatingValue } from '../../db/actions/interviewActions';

const points: Array<{ value: RatingValue & {}; key: string; label: string }> = [
  { value: 'no-evidence', key: '0', label: 'No evidence' },
  { value: 1, key: '1', label: '1' },
  { value: 2, key: '2', label: '2' },
  { value: 3, key: '3', label: '3' },
  { value: 4, key: '4', label: '4' },
];

function ratingValue(rating: Rating | undefined): RatingValue {
  if (!rating) return null;
  return rating.state === 'no-evidence' ? 'no-evidence' : (rating.score as 1 | 2 | 3 | 4);
}

interface RatingPanelProps {
  dimensions: Dimension[];
  ratings: Rating[];
  isReadOnly: boolean;
  onRate: (dimensionId: string, value: RatingValue) => void;
}

/**
 * One anchored radio group per dimension. Keys: `1`-`4` rate the focused dimension, `0` marks
 * "no evidence", ←/→ move along the scale, ↑/↓ or `k`/`j` move between dimensions. The anchors of
 * the focused (or hovered) point are shown without a click.
 */
export const RatingPanel = memo(function RatingPanel({ dimensions, ratings, isReadOnly, onRate }: RatingPanelProps) {
  const [focusedDim, setFocusedDim] = useState<string | null>(dimensions[0]?.id ?? null);
  const [preview, setPreview] = useState<RatingValue>(null);
  const groupRefs = useRef(new Map<string, HTMLDivElement>());
  const byDim = new Map(ratings.map((r) => [r.dimensionId, r]));

  const focusGroup = (index: number) => {
    const dim = dimensions[Math.max(0, Math.min(dimensions.length - 1, index))];
    if (!dim) return;
    const group = groupRefs.current.get(dim.id);
    const target = group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    target?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, dim: Dimension, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = ratingValue(byDim.get(dim.id));
    const point = points.find((p) => p.key === event.key);
    if (point) {
      event.preventDefault();
      if (!isReadOnly) onRate(dim.id, point.value);
      setPreview(point.value);
      return;
    }
    const moveBetween = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (moveBetween) {
      event.preventDefault();
      focusGroup(index + moveBetween);
      return;
    }
    const along = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (along && !isReadOnly) {
      event.preventDefault();
      const at = points.findIndex((p) => p.value === current);
      const next = points[Math.max(0, Math.min(points.length - 1, (at < 0 ? 0 : at) + along))]!;
      onRate(dim.id, next.value);
      setPreview(next.value);
    }
  };

  const focused = dimensions.find((d) => d.id === focusedDim) ?? dimensions[0];
  const focusedValue = focused ? ratingValue(byDim.get(focused.id)) : null;
  const shownPoint = preview ?? focusedValue;

  return (
    <section className="rating-panel" aria-labelledby="ratings-title">
      <h2 id="ratings-title">
        Ratings <span className="muted kbd-hint">1-4 rate · 0 no evidence · j/k move</span>
      </h2>
      <div className="rating-rows">
        {dimensions.map((dim, index) => {
          const value = ratingValue(byDim.get(dim.id));
          const tabbable = value ?? 'no-evidence';
          return (
            <div
              key={dim.id}
              className={`rating-row${focused?.id === dim.id ? ' is-focused' : ''}`}
              data-testid={`rating-${dim.id}`}
            >
              <span className="rating-title" id={`dim-${dim.id}`}>
                {dim.title}
              </span>
              <div
                role="radiogroup"
                aria-labelledby={`dim-${dim.id}`}
                aria-readonly={isReadOnly || undefined}
                className="rating-points"
                ref={(el) => {
                  if (el) groupRefs.current.set(dim.id, el);
                  else groupRefs.current.delete(dim.id);
                }}
                onKeyDown={(e) => onKeyDown(e, dim, index)}
                onFocus={() => setFocusedDim(dim.id)}
                onMouseLeave={() => setPreview(null)}
              >
                {points.map((p) => {
                  const isChecked = value === p.value;
                  const anchor = typeof p.value === 'number' ? dim.anchors.find((a) => a.score === p.value) : undefined;
                  return (
                    <span
                      key={p.key}
                      role="radio"
                      aria-checked={isChecked}
                      aria-label={anchor ? `${p.label} — ${anchor.label}` : p.label}
                      aria-disabled={isReadOnly || undefined}
                      tabIndex={p.value === tabbable ? 0 : -1}
                      className={`rating-point${isChecked ? ' is-checked' : ''}${p.value === 'no-evidence' ? ' is-none' : ''}`}
                      onClick={() => {
                        setFocusedDim(dim.id);
                        if (!isReadOnly) onRate(dim.id, p.value);
                      }}
                      onMouseEnter={() => {
                        setFocusedDim(dim.id);
                        setPreview(p.value);
                      }}
                      onFocus={() => setPreview(null)}
                    >
                      {p.value === 'no-evidence' ? '–' : p.label}
                    </span>
                  );
                })}
              </div>
              <span className="rating-value" aria-hidden="true">
                {value === null
                  ? ''
                  : value === 'no-evidence'
                    ? 'No evidence'
                    : dim.anchors.find((a) => a.score === value)?.label}
              </span>
            </div>
          );
        })}
      </div>
      {focused && (
        <div className="anchor-preview" aria-live="polite" data-testid="anchor-preview">
          <h3>
            {focused.title}
            {shownPoint === 'no-evidence'
              ? ' — no evidence'
              : typeof shownPoint === 'number'
                ? ` — ${shownPoint} ${focused.anchors.find((a) => a.score === shownPoint)?.label ?? ''}`
                : ''}
          </h3>
          {shownPoint === 'no-evidence' ? (
            <p className="muted">
              The interview gave no evidence for this dimension. This is kept apart from a low score and never counts as
              one.
            </p>
          ) : typeof shownPoint === 'number' ? (
            (() => {
              const anchor = focused.anchors.find((a) => a.score === shownPoint);
              return anchor ? (
                <>
                  <p>{anchor.summary}</p>
                  <ul>
                    {anchor.examples.map((ex) => (
                      <li key={ex}>{ex}</li>
                    ))}
                  </ul>
                </>
              ) : null;
            })()
          ) : (
            <ul className="anchor-summaries">
              {focused.anchors.map((a) => (
                <li key={a.score}>
                  <strong>
                    {a.score} {a.label}:
                  </strong>{' '}
                  {a.summary}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}, ratingPanelPropsEqual);

/** Dexie returns new rating objects on every query; re-render only when a value changed. */
function ratingPanelPropsEqual(a: RatingPanelProps, b: RatingPanelProps): boolean {
  if (a.dimensions !== b.dimensions || a.isReadOnly !== b.isReadOnly || a.onRate !== b.onRate) return false;
  if (a.ratings.length !== b.ratings.length) return false;
  return a.ratings.every((r, i) => {
    const o = b.ratings[i]!;
    return (
      r.dimensionId === o.dimensionId &&
      r.state === o.state &&
      (r.state !== 'rated' || (o.state === 'rated' && r.score === o.score))
    );
  });
}
