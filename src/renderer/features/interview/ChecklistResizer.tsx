import { useState, type KeyboardEvent, type PointerEvent } from 'react';

const minWidth = 220;
const maxWidth = 640;
const storageKey = 'loopdesk:artifactChecklistWidth';

function clampWidth(width: number): number {
  return Math.round(Math.max(minWidth, Math.min(maxWidth, width)));
}

/** The defect checklist's width beside the code, kept for the next review on this machine. */
export function useChecklistWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => {
    const stored = Number(localStorage.getItem(storageKey));
    return Number.isFinite(stored) && stored > 0 ? clampWidth(stored) : 300;
  });
  const set = (next: number) => {
    const clamped = clampWidth(next);
    localStorage.setItem(storageKey, String(clamped));
    setWidth(clamped);
  };
  return [width, set];
}

/**
 * The splitter between the code and the checklist: drag it, or focus it and use ←/→ (Home/End
 * for the limits) — the WAI-ARIA window splitter pattern.
 */
export function ChecklistResizer({ width, onResize }: { width: number; onResize: (width: number) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    const to = { ArrowLeft: width + step, ArrowRight: width - step, Home: maxWidth, End: minWidth }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    onResize(to);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onResize(startWidth - (e.clientX - startX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className="checklist-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Checklist width"
      aria-valuemin={minWidth}
      aria-valuemax={maxWidth}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
