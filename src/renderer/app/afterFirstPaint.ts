/**
 * Work that the first screen does not need (the database code, the background upkeep) starts
 * after the window's first paint, so it neither delays that paint nor runs in the same task.
 */
let painted: Promise<void> | undefined;

/**
 * Resolves after the first frame (at once in a hidden window, which paints no frames), each caller
 * in a task of its own: what they start together would otherwise be one long task.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise((resolve) => {
    if (document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    // A task queued from a frame's callback runs after that frame has painted.
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A window hidden before its first frame gets no frame callback.
    setTimeout(resolve, 250);
  });
  return painted.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
