/**
 * A SHA-256 fed piece by piece from another thread (the bundle check hands over the canonical text
 * of a bundle's content as it makes it, and goes on with its other checks meanwhile): each message
 * is a piece of bytes, until "digest", answered with the lower-case hex of everything fed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type Sha256WorkerMessage = Uint8Array | 'digest';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Sha256WorkerMessage>) => void) | null;
  postMessage: (hex: string) => void;
};

const hash = sha256.create();
scope.onmessage = (event) => {
  if (event.data === 'digest') scope.postMessage(bytesToHex(hash.digest()));
  else hash.update(event.data);
};
