/**
 * PDF export in web mode: the print route opens in a tab of its own (on the print page), which prints itself once the
 * report is on the page. The export watches that tab as main watches its hidden window: it ends
 * when the page is ready (the browser's print dialog takes over), when the page says why it
 * cannot render, when the tab is closed, when it is cancelled (the tab is closed) or after
 * {@link pdfExportTimeoutMs}.
 */
import {
  pdfExportTimeoutMs,
  printPageFile,
  type PdfExportProgress,
  type PdfExportRequest,
  type PdfExportResult,
} from '../../shared/desktopApi';

const progressListeners = new Set<(progress: PdfExportProgress) => void>();
/** Running exports by id: each entry closes its tab and ends the export as cancelled. */
const running = new Map<string, () => void>();
/** How often the opener looks at the print tab's state. */
const pollMs = 100;

export function webPdfExportProgressListen(listener: (progress: PdfExportProgress) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

export async function webPdfExportCancel(exportId: string): Promise<void> {
  running.get(exportId)?.();
}

export function webPdfExport({ route, exportId = crypto.randomUUID() }: PdfExportRequest, timeoutMs = pdfExportTimeoutMs): Promise<PdfExportResult> {
  const page = new URL(printPageFile, location.href).pathname;
  const tab = window.open(`${page}${route}${route.includes('?') ? '&' : '?'}autoprint=1`, '_blank');
  if (!tab) return Promise.resolve({ ok: false, reason: 'failed', message: 'The browser blocked the print tab; allow pop-ups for Loopdesk.' });
  const progress = (phase: PdfExportProgress['phase']) => progressListeners.forEach((l) => l({ exportId, phase }));
  progress('rendering');
  const startedAt = Date.now();
  return new Promise<PdfExportResult>((resolve) => {
    const finish = (result: PdfExportResult, isTabClosed: boolean) => {
      clearInterval(poll);
      running.delete(exportId);
      if (isTabClosed && !tab.closed) tab.close();
      resolve(result);
    };
    const failed = (reason: string) => finish({ ok: false, reason: 'failed', message: `The PDF was not saved: ${reason}.` }, true);
    running.set(exportId, () => finish({ ok: false, reason: 'cancelled', message: 'Export cancelled; nothing was printed.' }, true));
    const poll = setInterval(() => {
      if (tab.closed) {
        finish({ ok: false, reason: 'cancelled', message: 'The print tab was closed before the report was ready.' }, false);
        return;
      }
      // Between the blank page and the print route the tab has no document element for a moment.
      const state = tab.document.documentElement?.dataset ?? {};
      if (state['printError'] !== undefined) failed(state['printError'] || 'the report page could not render the report');
      else if (state['printReady'] !== undefined) {
        progress('printing');
        finish({ ok: true, savedTo: 'the browser print dialog' }, false);
      } else if (Date.now() - startedAt > timeoutMs) failed(`the report did not finish rendering within ${Math.round(timeoutMs / 1000)} s`);
    }, pollMs);
  });
}
