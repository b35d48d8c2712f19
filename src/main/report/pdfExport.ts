/**
 * Waits for the print route in a hidden window to finish, without ever waiting forever: the page
 * marks `<html data-print-ready>` when the report is on the page or `<html data-print-error="…">`
 * when it cannot be rendered, and the wait also ends when the page fails to load, its renderer
 * process dies, or {@link pdfExportTimeoutMs} passes.
 */
import type { WebContents } from 'electron';

/** A report that has not rendered in this long will not render. */
export const pdfExportTimeoutMs = 30_000;

/** Resolves `null` once the report is ready, or the reason the page gives for not rendering it. */
const printStateScript = `new Promise((resolve) => {
  const check = () => {
    const data = document.documentElement.dataset;
    if (data.printError !== undefined) resolve(data.printError || 'the report page could not render the report');
    else if (data.printReady !== undefined) resolve(null);
    else setTimeout(check, 50);
  };
  check();
})`;

export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

type PrintEvents = Pick<WebContents, 'once' | 'removeListener' | 'executeJavaScript'>;

/** Resolves when the page is ready to print; rejects with a reason a person can act on. */
export function pdfPageReady(webContents: PrintEvents, timeoutMs = pdfExportTimeoutMs): Promise<void> {
  return new Promise<void>((resolve, reject) => {
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
      webContents.removeListener('did-fail-load', onFailLoad as never);
      webContents.removeListener('render-process-gone', onGone as never);
      webContents.removeListener('did-finish-load', onLoaded);
      if (error) reject(error);
      else resolve();
    }
    webContents.once('did-fail-load', onFailLoad as never);
    webContents.once('render-process-gone', onGone as never);
    webContents.once('did-finish-load', onLoaded);
  });
}
