import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import type { BundleParseResult } from '../../core/bundle/bundleSchema';
import type { BundleParseRequest } from '../workers/bundleParse.worker';

/**
 * Validates a bundle file in a worker; `cancel()` stops the work and rejects the promise. With
 * `packs`, every rating must be of a dimension of its loop's pack version.
 */
export function bundleParseInWorker(
  file: File,
  packs?: readonly BundlePackDimensions[],
): { result: Promise<BundleParseResult>; cancel: () => void } {
  const worker = new Worker(new URL('../workers/bundleParse.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const result = new Promise<BundleParseResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BundleParseResult>) => {
      worker.terminate();
      resolve(event.data);
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
