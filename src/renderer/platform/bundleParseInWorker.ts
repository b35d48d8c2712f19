import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import type { BundleParseResult } from '../../core/bundle/bundleSchema';
import type { BundleParseMessage, BundleParseRequest } from '../workers/bundleParse.worker';
import { bundleHandOverReceiver } from '../workers/bundleHandOver';

/**
 * Validates a bundle file in a worker; `cancel()` stops the work and rejects the promise. With
 * `packs`, every rating must be of a dimension of its loop's pack version. `onRead` hears the share
 * of the file read so far (0-1) while it is read. `newWorker` starts the checking worker (the
 * benchmark hands in the built app's own).
 */
export function bundleParseInWorker(
  file: File,
  packs?: readonly BundlePackDimensions[],
  onRead?: (fraction: number) => void,
  newWorker: () => Worker = () =>
    new Worker(new URL('../workers/bundleParse.worker.ts', import.meta.url), { type: 'module' }),
): { result: Promise<BundleParseResult>; cancel: () => void } {
  const worker = newWorker();
  let cancel = () => {};
  const handOver = bundleHandOverReceiver();
  const result = new Promise<BundleParseResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BundleParseMessage>) => {
      if (event.data.kind === 'read') {
        onRead?.(event.data.fraction);
        return;
      }
      const checked = handOver.take(event.data);
      if (!checked) return;
      worker.terminate();
      resolve(checked);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the checking worker failed'));
    };
    cancel = () => {
      worker.terminate();
      reject(new DOMException('Cancelled', 'AbortError'));
    };
  });
  worker.postMessage({ file, packs } satisfies BundleParseRequest);
  return { result, cancel };
}
