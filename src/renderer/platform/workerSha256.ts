import type { BundleHasher } from '../../core/bundle/bundleChecksum';
import type { Sha256WorkerMessage } from '../workers/sha256.worker';

/**
 * A SHA-256 that hashes on a worker of its own (`workers/sha256.worker.ts`): pieces are transferred
 * to it as they are made, so the caller goes on while it hashes and no buffer of the whole input is
 * ever held. The worker ends with the digest.
 */
export function workerSha256(): BundleHasher {
  const worker = new Worker(new URL('../workers/sha256.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) => {
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the hashing worker failed'));
    };
  });
  void failed.catch(() => {});
  const post = (message: Sha256WorkerMessage) =>
    message === 'digest' ? worker.postMessage(message) : worker.postMessage(message, [message.buffer as ArrayBuffer]);
  return {
    update(bytes) {
      // Transferred whole: a piece that is a view into a larger buffer is copied out first.
      post(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
    },
    digest() {
      const answer = new Promise<string>((resolve) => {
        worker.onmessage = (event: MessageEvent<string>) => {
          worker.terminate();
          resolve(event.data);
        };
      });
      post('digest');
      return Promise.race([answer, failed]);
    },
  };
}
