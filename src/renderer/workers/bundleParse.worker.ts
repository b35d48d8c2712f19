/**
 * Reads and validates a bundle off the main thread: a large bundle takes seconds to check, and the
 * app must stay responsive (and cancellable) meanwhile. The file is read as a stream and parsed as
 * it arrives (its whole text is never held), capped as bytes arrive, with the share read so far
 * reported; the content checksum is hashed on a worker of its own beside the other checks; ratings
 * are checked against the rubric packs the app has loaded.
 */
import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import { bundleParseBytes } from '../../core/bundle/bundleParse';
import type { BundleParseResult } from '../../core/bundle/bundleSchema';
import { BUNDLE_MAX_BYTES } from '../../core/limits/inputLimits';
import { workerSha256 } from '../platform/workerSha256';
import { bundleHandOverMessages, type BundleHandOverMessage } from './bundleHandOver';

export interface BundleParseRequest {
  file: File;
  packs?: readonly BundlePackDimensions[];
}

/** The share of the file read (0-1), as it is read, then the result in slices (`bundleHandOver`). */
export type BundleParseMessage = { kind: 'read'; fraction: number } | BundleHandOverMessage;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BundleParseRequest>) => void) | null;
  postMessage: (message: BundleParseMessage) => void;
};

/** How often the share read is reported, at most (a 350 MB file arrives in thousands of chunks). */
const readReportEveryMs = 100;

/** The file's bytes as they arrive, reporting the share read. */
async function* fileBytes(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let read = 0;
  let reportedAt = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        scope.postMessage({ kind: 'read', fraction: 1 });
        return;
      }
      read += value.length;
      if (file.size > 0 && Date.now() - reportedAt >= readReportEveryMs) {
        reportedAt = Date.now();
        scope.postMessage({ kind: 'read', fraction: Math.min(1, read / file.size) });
      }
      yield value;
    }
  } finally {
    // Stopped early (a refusal at the size cap, bytes that are not UTF-8): the rest is not read.
    await reader.cancel().catch(() => {});
  }
}

scope.onmessage = async (event) => {
  const { file, packs } = event.data;
  let result: BundleParseResult;
  try {
    result = await bundleParseBytes(fileBytes(file), BUNDLE_MAX_BYTES, {}, {
      hasher: workerSha256,
      ...(packs ? { packs } : {}),
    });
  } catch {
    // The browser refused to read the file (moved, permissions); its own message names nothing useful.
    result = { ok: false, reason: { code: 'not-json', message: 'could not read the file' } };
  }
  for (const message of bundleHandOverMessages(result)) scope.postMessage(message);
};
