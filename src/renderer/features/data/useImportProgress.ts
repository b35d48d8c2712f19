import { useRef, useState } from 'react';
import type { WriteProgress } from '../../db/actions/writeProgress';

/**
 * The state of an import or restore being written: its percentage while it runs (null otherwise)
 * and the Cancel that aborts it. `begin` hands the write its progress callback and signal.
 */
export function useImportProgress() {
  const [percent, setPercent] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const begin = (): WriteProgress & { signal: AbortSignal } => {
    controller.current = new AbortController();
    setPercent(0);
    return { signal: controller.current.signal, onPercent: setPercent };
  };
  const end = () => {
    controller.current = null;
    setPercent(null);
  };
  const cancel = () => controller.current?.abort();
  return { percent, begin, end, cancel };
}
