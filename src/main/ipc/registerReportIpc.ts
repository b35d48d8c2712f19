import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { desktopChannels, type PdfExportResult } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { createAppWindow, type WindowContext } from '../windows';
import { reportPdfOptions } from '../report/pdfOptions';
import { pdfExportTimeoutMs, pdfPageReady } from '../report/pdfExport';

/**
 * PDF export renders the renderer's print route in a hidden window and prints it with
 * `printToPDF`; the page draws its footer (pack version, inputs hash, audit head, page numbers)
 * and says when it is ready or why it cannot render. The export always ends — saved, or failed
 * with a reason — and the hidden window is always destroyed.
 */
export function registerReportIpc(
  ipcMain: IpcMain,
  isTrustedSender: (url: string) => boolean,
  ctx: WindowContext,
  timeoutMs = pdfExportTimeoutMs,
): void {
  ipcMain.handle(
    desktopChannels.exportPdf,
    ipcHandler<'exportPdf'>(
      desktopChannels.exportPdf,
      ipcSchemas.exportPdf,
      async ({ route, fileName }): Promise<PdfExportResult> => {
        const owner = BrowserWindow.getFocusedWindow() ?? undefined;
        const saveOptions = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = owner ? await dialog.showSaveDialog(owner, saveOptions) : await dialog.showSaveDialog(saveOptions);
        if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled', message: 'Export cancelled' };
        const win = createAppWindow(ctx, route, { show: false });
        try {
          await pdfPageReady(win.webContents, timeoutMs);
          const pdf = await win.webContents.printToPDF(reportPdfOptions);
          await writeFile(choice.filePath, pdf);
          return { ok: true, savedTo: choice.filePath };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return { ok: false, reason: 'failed', message: `The PDF was not saved: ${reason}.` };
        } finally {
          if (!win.isDestroyed()) win.destroy();
        }
      },
      isTrustedSender,
    ),
  );
}
