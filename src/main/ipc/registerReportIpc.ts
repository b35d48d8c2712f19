import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { desktopChannels, pdfExportTimeoutMs, type PdfExportPhase, type PdfExportResult } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { createAppWindow, type WindowContext } from '../windows';
import { reportPdfOptions } from '../report/pdfOptions';
import { PdfExportCancelledError, pdfExportAbortable, pdfPageReady } from '../report/pdfExport';
import { fileWriteAtomic } from '../files/fileStreams';

const cancelled: PdfExportResult = { ok: false, reason: 'cancelled', message: 'Export cancelled; no file was written.' };

/**
 * PDF export renders the renderer's print route in a hidden window and prints it with
 * `printToPDF`; the page draws its footer (pack version, inputs hash, audit head, page numbers)
 * and says when it is ready or why it cannot render. The export always ends — saved, failed with
 * a reason, or cancelled — and the hidden window is always destroyed. An export the renderer
 * names (`exportId`) reports its phases to the app's windows and can be cancelled; the file is
 * written to a temp name and renamed, so a cancelled or failed export leaves no partial PDF.
 */
export function registerReportIpc(
  ipcMain: IpcMain,
  isTrustedSender: (url: string) => boolean,
  ctx: WindowContext,
  timeoutMs = pdfExportTimeoutMs,
): void {
  const running = new Map<string, AbortController>();

  ipcMain.handle(
    desktopChannels.exportPdf,
    ipcHandler<'exportPdf'>(
      desktopChannels.exportPdf,
      ipcSchemas.exportPdf,
      async ({ route, fileName, exportId }): Promise<PdfExportResult> => {
        const owner = BrowserWindow.getFocusedWindow() ?? undefined;
        const saveOptions = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = owner ? await dialog.showSaveDialog(owner, saveOptions) : await dialog.showSaveDialog(saveOptions);
        if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled', message: 'Export cancelled' };
        const controller = new AbortController();
        if (exportId) running.set(exportId, controller);
        const win = createAppWindow(ctx, route, { show: false });
        const progress = (phase: PdfExportPhase) => {
          if (!exportId) return;
          for (const w of BrowserWindow.getAllWindows()) {
            if (w !== win && !w.isDestroyed()) w.webContents.send(desktopChannels.onPdfExportProgress, { exportId, phase });
          }
        };
        try {
          progress('rendering');
          await pdfPageReady(win.webContents, timeoutMs, controller.signal);
          progress('printing');
          const pdf = await pdfExportAbortable(win.webContents.printToPDF(reportPdfOptions), controller.signal);
          progress('saving');
          await fileWriteAtomic(choice.filePath, [pdf], controller.signal);
          return { ok: true, savedTo: choice.filePath };
        } catch (error) {
          if (error instanceof PdfExportCancelledError || controller.signal.aborted) return cancelled;
          const reason = error instanceof Error ? error.message : String(error);
          return { ok: false, reason: 'failed', message: `The PDF was not saved: ${reason}.` };
        } finally {
          if (exportId) running.delete(exportId);
          if (!win.isDestroyed()) win.destroy();
        }
      },
      isTrustedSender,
    ),
  );
  ipcMain.handle(
    desktopChannels.cancelPdfExport,
    ipcHandler<'cancelPdfExport'>(
      desktopChannels.cancelPdfExport,
      ipcSchemas.cancelPdfExport,
      async (exportId) => {
        running.get(exportId)?.abort(new PdfExportCancelledError('the export was cancelled'));
      },
      isTrustedSender,
    ),
  );
}
