import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import type {
  BundleCheckedView,
  BundleImportMessage,
  BundleImportOutcome,
  BundleImportRequest,
} from '../workers/bundleImport.worker';

/** The check's verdict: refused with its reason, or the preview of a checked bundle. */
export type BundleCheckResult = { ok: false; message: string } | { ok: true; view: BundleCheckedView };

/** What the page asks of a write. */
export type BundleApplyRequest = Omit<Extract<BundleImportRequest, { kind: 'apply' }>, 'kind'>;

/** A write that did not happen: cancelled, or failed with the database unchanged. */
export class BundleApplyError extends Error {
  constructor(
    message: string,
    readonly isCancelled: boolean,
  ) {
    super(message);
  }
}

export interface BundleImportSession {
  /** The check; rejects with an `AbortError` when closed before it ends. */
  checked: Promise<BundleCheckResult>;
  /** Writes the checked bundle; rejects with a `BundleApplyError` (nothing written). */
  apply(request: BundleApplyRequest, onPercent?: (percent: number) => void): Promise<BundleImportOutcome>;
  /** Stops a write between chunks (its `apply` rejects as cancelled); the bundle stays for another try. */
  cancelWrite(): void;
  /** Ends the session: stops a check at once; a write in progress finishes first. */
  close(): void;
}

/**
 * Checks a bundle file in a worker that keeps it (`workers/bundleImport.worker.ts`) and, when
 * asked, writes it into the database `dbName`: the checked records never come to this thread.
 * With `packs`, every rating must be of a dimension of its loop's pack version. `onRead` hears the
 * share of the file read so far (0-1). `newWorker` starts the worker (the benchmark hands in the
 * built app's own).
 */
export function bundleImportInWorker(
  file: File,
  dbName: string,
  packs?: readonly BundlePackDimensions[],
  onRead?: (fraction: number) => void,
  newWorker: () => Worker = () =>
    new Worker(new URL('../workers/bundleImport.worker.ts', import.meta.url), { type: 'module' }),
): BundleImportSession {
  const worker = newWorker();
  /** Whoever waits for the worker's next answer (the check, then each write in turn). */
  let waiting: { take: (message: BundleImportMessage) => void; fail: (error: Error) => void } | null = null;
  let onPercent: ((percent: number) => void) | undefined;
  let isWriting = false;
  let isClosed = false;
  const end = () => {
    isClosed = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<BundleImportMessage>) => {
    const message = event.data;
    if (message.kind === 'read') onRead?.(message.fraction);
    else if (message.kind === 'percent') onPercent?.(message.percent);
    else waiting?.take(message);
  };
  worker.onerror = (event) => {
    end();
    waiting?.fail(new Error(event.message || 'the import worker failed'));
  };
  const answer = () =>
    new Promise<BundleImportMessage>((resolve, reject) => {
      waiting = { take: resolve, fail: reject };
    });

  const checked = answer().then((message): BundleCheckResult => {
    if (message.kind === 'checked') return { ok: true, view: message.view };
    end();
    return { ok: false, message: message.kind === 'refused' ? message.message : 'the check ended unexpectedly' };
  });
  worker.postMessage({ kind: 'check', file, dbName, ...(packs ? { packs } : {}) } satisfies BundleImportRequest);

  return {
    checked,
    async apply(request, percent) {
      if (isClosed || isWriting) throw new BundleApplyError('this import was closed', false);
      isWriting = true;
      onPercent = percent;
      const done = answer();
      worker.postMessage({ kind: 'apply', ...request } satisfies BundleImportRequest);
      try {
        const message = await done;
        if (message.kind === 'applied') return message.outcome;
        throw new BundleApplyError(message.kind === 'failed' ? message.message : 'the import ended unexpectedly', message.kind === 'failed' && message.isCancelled);
      } finally {
        isWriting = false;
        onPercent = undefined;
        if (isClosed) worker.terminate();
      }
    },
    cancelWrite() {
      if (isWriting) worker.postMessage({ kind: 'cancel' } satisfies BundleImportRequest);
    },
    close() {
      if (isClosed) return;
      if (isWriting) {
        // The write finishes (or is cancelled) first; the worker ends after it.
        isClosed = true;
        return;
      }
      end();
      waiting?.fail(new DOMException('Cancelled', 'AbortError'));
    },
  };
}
