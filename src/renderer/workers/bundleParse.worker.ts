/**
 * Reads and validates a bundle off the main thread: a large bundle takes seconds to check, and the
 * app must stay responsive (and cancellable) meanwhile. The read is capped as bytes arrive, and
 * ratings are checked against the rubric packs the app has loaded.
 */
import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import { bundleParseAsync } from '../../core/bundle/bundleParse';
import type { BundleParseResult } from '../../core/bundle/bundleSchema';
import { BUNDLE_MAX_BYTES } from '../../core/limits/inputLimits';
import { fileTextBounded } from '../platform/fileTextBounded';

export interface BundleParseRequest {
  file: File;
  packs?: readonly BundlePackDimensions[];
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BundleParseRequest>) => void) | null;
  postMessage: (message: BundleParseResult) => void;
};

scope.onmessage = async (event) => {
  const { file, packs } = event.data;
  try {
    const read = await fileTextBounded(file, BUNDLE_MAX_BYTES);
    if (!read.ok) {
      scope.postMessage({
        ok: false,
        reason: { code: read.code === 'not-text' ? 'not-json' : read.code, message: read.message },
      });
      return;
    }
    scope.postMessage(await bundleParseAsync(read.text, {}, packs ? { packs } : {}));
  } catch {
    // The browser refused to read the file (moved, permissions); its own message names nothing useful.
    scope.postMessage({ ok: false, reason: { code: 'not-json', message: 'could not read the file' } });
  }
};
