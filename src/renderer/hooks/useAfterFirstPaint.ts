import { startTransition, useEffect, useState } from 'react';

/** A window hidden before its next frame gets no frame callback: the rest shows after this at most. */
const hiddenFallbackMs = 250;

/**
 * False until the frame holding the component's first render has been painted, then true (at
 * once when `isDeferred` is false): a long screen renders what is above the fold in its first
 * frame and the rest in the task after that frame, as a transition, instead of creating, styling
 * and laying out everything before anything shows. Stays true through later renders.
 */
export function useAfterFirstPaint(isDeferred: boolean): boolean {
  const [isPainted, setPainted] = useState(!isDeferred);
  useEffect(() => {
    if (isPainted) return;
    const show = () => startTransition(() => setPainted(true));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's rAF callbacks run before its paint; a task queued from one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(show, 0);
    });
    const fallback = setTimeout(show, document.visibilityState === 'hidden' ? 0 : hiddenFallbackMs);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [isPainted]);
  return isPainted;
}
