/**
 * A dynamic import made once and kept: each `import()` of the build walks the chunk's preload list
 * again (a URL per dependency), which code that runs on every route change or mount would pay
 * every time. A failed load is not kept, so the next call tries again.
 */
export function importKept<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}
