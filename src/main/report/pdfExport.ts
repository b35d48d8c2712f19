/**
 * Waits for the print route in a hidden window to finish, without ever waiting forever: the page
 * marks `<html data-print-ready>` when the report is on the page or `<html data-print-error="…">`
 * when it cannot be rendered, and the wait also ends when the page fails to load, its renderer
 * process dies, {@link pdfExportTimeoutMs} passes, or the export is cancelled.
 */
import type { WebContents } from 'electron';
import { pdfExportTimeoutMs } from '../../shared/desktopApi';

/**
 * Resolves `null` once the report is ready, or the reason the page gives for not rendering it, as
 * soon as the page marks it (an observer of `<html>`'s attributes, not a poll that would leave up
 * to its interval idle before printing). The bench waits on the print route with this same script.
 */
export const printStateScript = `new Promise((resolve) => {
  const root = document.documentElement;
  const state = () => {
    const data = root.dataset;
    if (data.printError !== undefined) return data.printError || 'the report page could not render the report';
    return data.printReady !== undefined ? null : undefined;
  };
  const now = state();
  if (now !== undefined) return resolve(now);
  const observer = new MutationObserver(() => {
    const next = state();
    if (next === undefined) return;
    observer.disconnect();
    resolve(next);
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-print-ready', 'data-print-error'] });
})`;

export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

/** The user stopped the export: not a failure to report, and nothing may be saved. */
export class PdfExportCancelledError extends Error {
  override name = 'PdfExportCancelledError';
}

/** `work`, unless `signal` aborts first (then a {@link PdfExportCancelledError}). */
export function pdfExportAbortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new PdfExportCancelledError('the export was cancelled'));
  const cancelled = new Promise<never>((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(new PdfExportCancelledError('the export was cancelled')), { once: true }),
  );
  // race() handles a late rejection of `work` (e.g. printing in a window destroyed by the cancel).
  return Promise.race([work, cancelled]);
}

type PrintEvents = Pick<WebContents, 'once' | 'removeListener' | 'executeJavaScript'>;

/**
 * Resolves when the page is ready to print; rejects with a reason a person can act on, or with
 * {@link PdfExportCancelledError} as soon as `signal` aborts.
 */
export function pdfPageReady(webContents: PrintEvents, timeoutMs = pdfExportTimeoutMs, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => finish(new PdfExportCancelledError('the export was cancelled'));
    const onFailLoad = (_event: unknown, code: number, description: string, _url: string, isMainFrame: boolean) => {
      if (isMainFrame) finish(new PdfExportError(`the report page did not load (${description || `error ${code}`})`));
    };
    const onGone = (_event: unknown, details: { reason: string }) =>
      finish(new PdfExportError(`the report page stopped before it finished (${details.reason})`));
    const onLoaded = () => {
      webContents.executeJavaScript(printStateScript).then(
        (reason: unknown) => finish(reason === null ? undefined : new PdfExportError(String(reason))),
        (error: unknown) => finish(new PdfExportError(`the report page could not be read (${error instanceof Error ? error.message : String(error)})`)),
      );
    };
    const timer = setTimeout(
      () => finish(new PdfExportError(`the report did not finish rendering within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    let isDone = false;
    function finish(error?: Error): void {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      webContents.removeListener('did-fail-load', onFailLoad as never);
      webContents.removeListener('render-process-gone', onGone as never);
      webContents.removeListener('did-finish-load', onLoaded);
      if (error) reject(error);
      else resolve();
    }
    webContents.once('did-fail-load', onFailLoad as never);
    webContents.once('render-process-gone', onGone as never);
    webContents.once('did-finish-load', onLoaded);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
