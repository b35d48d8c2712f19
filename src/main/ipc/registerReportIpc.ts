import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { desktopChannels } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { createAppWindow, type WindowContext } from '../windows';
import { reportPdfOptions } from '../report/pdfOptions';

/**
 * PDF export renders the renderer's print route in a hidden window and prints it with
 * `printToPDF`; the page draws its footer (pack version, inputs hash, audit head, page numbers)
 * and sets `data-print-ready` on <html> when the report finished rendering.
 */
export function registerReportIpc(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean, ctx: WindowContext): void {
  ipcMain.handle(
    desktopChannels.exportPdf,
    ipcHandler<'exportPdf'>(
      desktopChannels.exportPdf,
      ipcSchemas.exportPdf,
      async ({ route, fileName }) => {
        const owner = BrowserWindow.getFocusedWindow() ?? undefined;
        const choice = owner
          ? await dialog.showSaveDialog(owner, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
          : await dialog.showSaveDialog({ defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
        if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled', message: 'Export cancelled' };
        const win = createAppWindow(ctx, route, { show: false });
        try {
          await new Promise<void>((resolve) => win.webContents.once('did-finish-load', () => resolve()));
          await win.webContents.executeJavaScript(
            'new Promise(r => { const t = () => document.documentElement.dataset.printReady ? r(true) : setTimeout(t, 50); t(); })',
          );
          const pdf = await win.webContents.printToPDF(reportPdfOptions);
          await writeFile(choice.filePath, pdf);
          return { ok: true, savedTo: choice.filePath };
        } catch (error) {
          return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
        } finally {
          win.destroy();
        }
      },
      isTrustedSender,
    ),
  );
}
