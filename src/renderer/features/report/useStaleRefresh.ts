import { useEffect, useState } from 'react';

/**
 * While `staleKey` names a state newer than the stored derived data (pool statistics, committee
 * rows), runs `refresh` once for it, then `onRefreshed` (a worker wrote the entry in another
 * context: the caller's live query reads it again). `refresh` is told whether the caller still
 * shows that state (`isCurrent`), so work for a screen already left is skipped. Returns why the
 * last refresh failed, if it did.
 */
export function useStaleRefresh(
  staleKey: string | null,
  refresh: (isCurrent: () => boolean) => Promise<void>,
  onRefreshed: () => void,
): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (staleKey === null) return;
    let isCurrent = true;
    refresh(() => isCurrent).then(
      () => {
        if (!isCurrent) return;
        setError(null);
        onRefreshed();
      },
      (failure: unknown) => {
        if (isCurrent) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      isCurrent = false;
    };
    // The callbacks are new closures each render; the stale state they are for is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staleKey]);
  return error;
}
