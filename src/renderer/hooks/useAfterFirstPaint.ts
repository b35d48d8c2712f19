import { startTransition, useEffect, useState } from 'react';

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's rAF callbacks run before its paint; a task queued from one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [isPainted]);
  return isPainted;
}
