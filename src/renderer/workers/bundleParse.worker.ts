/**
 * Reads and validates a bundle off the main thread: a large bundle takes seconds to check, and the
 * app must stay responsive (and cancellable) meanwhile.
 */
import { bundleParse } from '../../core/bundle/bundleParse';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = async (event) => {
  try {
    scope.postMessage(bundleParse(await event.data.text()));
  } catch (error) {
    scope.postMessage({
      ok: false,
      reason: {
        code: 'not-json',
        message: `could not read the file: ${error instanceof Error ? error.message : String(error)}`,
      },
    });
  }
};
