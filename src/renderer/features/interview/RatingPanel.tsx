import { memo, useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { isTextField } from '../../components/keyboard';
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
  /** Before Start nothing here is focusable; a rating key says why it did nothing. */
  isPrepared: boolean;
  /** Letters belong to the incident console (its action keys), so only ↑/↓ move between dimensions outside this panel. */
  isLettersTaken: boolean;
  /** Dimensions the submit check found unrated: marked, and the first one focused. */
  missing: string[];
  onRate: (dimensionId: string, value: RatingValue) => void;
  onRefused: (message: string) => void;
}

/**
 * One anchored radio group per dimension. Keys: `1`-`4` rate the current dimension, `0` marks
 * "no evidence" — from anywhere on the runner except a text field; ←/→ move along the scale,
 * ↑/↓ or `k`/`j` move between dimensions. Focus follows the chosen value. The anchors of the
 * current (or hovered) point are shown without a click.
 */
export const RatingPanel = memo(function RatingPanel({
  dimensions,
  ratings,
  isReadOnly,
  isPrepared,
  isLettersTaken,
  missing,
  onRate,
  onRefused,
}: RatingPanelProps) {
  const [focusedDim, setFocusedDim] = useState<string | null>(dimensions[0]?.id ?? null);
  const [preview, setPreview] = useState<RatingValue>(null);
  const groupRefs = useRef(new Map<string, HTMLDivElement>());
  const byDim = new Map(ratings.map((r) => [r.dimensionId, r]));
  const isLocked = isReadOnly || isPrepared;

  const focusPoint = (dimId: string, value: RatingValue) => {
    const group = groupRefs.current.get(dimId);
    const key = points.find((p) => p.value === value)?.key;
    const target =
      (key && group?.querySelector<HTMLElement>(`[data-point="${key}"]`)) ||
      group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    target?.focus();
  };

  const moveTo = (index: number, shouldFocus: boolean) => {
    const dim = dimensions[Math.max(0, Math.min(dimensions.length - 1, index))];
    if (!dim) return;
    setFocusedDim(dim.id);
    setPreview(null);
    if (shouldFocus) focusPoint(dim.id, ratingValue(byDim.get(dim.id)));
    else groupRefs.current.get(dim.id)?.scrollIntoView({ block: 'nearest' });
  };

  const rate = (dim: Dimension, value: RatingValue) => {
    setFocusedDim(dim.id);
    setPreview(value);
    if (isPrepared) return onRefused('Press Start to begin the interview: ratings open when the clock starts.');
    if (isReadOnly) return onRefused('This interview is sealed: start an amendment to change a rating.');
    onRate(dim.id, value);
    // Focus follows the chosen value, so the focus ring shows what was rated.
    focusPoint(dim.id, value);
  };

  const onKeyDown = (event: KeyboardEvent, dim: Dimension, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = ratingValue(byDim.get(dim.id));
    const point = points.find((p) => p.key === event.key);
    if (point) {
      event.preventDefault();
      rate(dim, point.value);
      return;
    }
    const moveBetween = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (moveBetween) {
      event.preventDefault();
      moveTo(index + moveBetween, true);
      return;
    }
    const along = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (along && !isLocked) {
      event.preventDefault();
      const at = points.findIndex((p) => p.value === current);
      const next = points[Math.max(0, Math.min(points.length - 1, (at < 0 ? 0 : at) + along))]!;
      rate(dim, next.value);
    }
  };

  // The same keys from anywhere on the runner that is not a text field (or a dialog): the
  // interviewer listens, not aims at a widget. Read through a ref so the listener is added once.
  const onGlobalKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (isTextField(target) || target?.closest('dialog, [role="radiogroup"], [role="tablist"]')) return;
    const index = Math.max(0, dimensions.findIndex((d) => d.id === focusedDim));
    const dim = dimensions[index];
    if (!dim) return;
    const point = points.find((p) => p.key === event.key);
    if (point) {
      event.preventDefault();
      rate(dim, point.value);
      return;
    }
    const moveBetween = isLettersTaken ? undefined : { j: 1, k: -1 }[event.key];
    if (moveBetween) {
      event.preventDefault();
      moveTo(index + moveBetween, false);
    }
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onGlobalKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // "Back to the interview" from the submit check: the first missing row takes focus.
  const focusMissing = useEffectEvent((first: string) => {
    setFocusedDim(first);
    focusPoint(first, null);
  });
  useEffect(() => {
    if (missing[0]) focusMissing(missing[0]);
  }, [missing]);

  const focused = dimensions.find((d) => d.id === focusedDim) ?? dimensions[0];
  const focusedValue = focused ? ratingValue(byDim.get(focused.id)) : null;
  const shownPoint = preview ?? focusedValue;

  return (
    <section className="rating-panel" aria-labelledby="ratings-title">
      <h2 id="ratings-title">
        Ratings{' '}
        <span className="muted kbd-hint">
          {isPrepared
            ? 'open when the interview starts'
            : isLettersTaken
              ? '1-4 rate · 0 no evidence · ↑/↓ move · ? all keys'
              : '1-4 rate · 0 no evidence · j/k move · ? all keys'}
        </span>
      </h2>
      <div className="rating-rows">
        {dimensions.map((dim, index) => {
          const value = ratingValue(byDim.get(dim.id));
          const tabbable = isPrepared ? undefined : (value ?? 'no-evidence');
          const isCurrent = focused?.id === dim.id;
          const isMissing = value === null && missing.includes(dim.id);
          return (
            <div
              key={dim.id}
              className={`rating-row${isCurrent ? ' is-focused' : ''}${isMissing ? ' is-missing' : ''}`}
              data-testid={`rating-${dim.id}`}
              data-current={isCurrent || undefined}
            >
              <span className="rating-title" id={`dim-${dim.id}`}>
                {isCurrent && (
                  <span className="rating-current-mark" aria-hidden="true">
                    ▸{' '}
                  </span>
                )}
                {dim.title}
                {isMissing && <span className="rating-missing"> — needs a rating or “no evidence”</span>}
              </span>
              <div
                role="radiogroup"
                aria-labelledby={`dim-${dim.id}`}
                aria-readonly={isLocked || undefined}
                aria-current={isCurrent ? 'true' : undefined}
                aria-invalid={isMissing || undefined}
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
                      aria-disabled={isLocked || undefined}
                      data-point={p.key}
                      tabIndex={isPrepared ? undefined : p.value === tabbable ? 0 : -1}
                      className={`rating-point${isChecked ? ' is-checked' : ''}${p.value === 'no-evidence' ? ' is-none' : ''}`}
                      onClick={() => rate(dim, p.value)}
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
  if (
    a.dimensions !== b.dimensions ||
    a.isReadOnly !== b.isReadOnly ||
    a.isPrepared !== b.isPrepared ||
    a.isLettersTaken !== b.isLettersTaken ||
    a.missing !== b.missing ||
    a.onRate !== b.onRate ||
    a.onRefused !== b.onRefused
  ) {
    return false;
  }
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
