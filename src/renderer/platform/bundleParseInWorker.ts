import type { BundleParseResult } from '../../core/bundle/bundleSchema';

/** Validates a bundle file in a worker; `cancel()` stops the work and rejects the promise. */
export function bundleParseInWorker(file: File): { result: Promise<BundleParseResult>; cancel: () => void } {
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
  worker.postMessage(file);
  return { result, cancel };
}
