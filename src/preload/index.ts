/**
 * Exposes exactly one object, `window.desktopApi`, to the isolated renderer. No generic invoke:
 * each method maps to one channel, so the renderer can ask for nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { desktopChannels as ch, type DesktopApi, type PdfExportProgress, type RubricLoadReport } from '../shared/desktopApi';

const desktopApi = {
  getAppInfo: () => ipcRenderer.invoke(ch.getAppInfo),
  loadRubrics: () => ipcRenderer.invoke(ch.loadRubrics),
  onRubricsChanged: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, report: RubricLoadReport) => listener(report);
    ipcRenderer.on(ch.onRubricsChanged, handler);
    return () => {
      ipcRenderer.removeListener(ch.onRubricsChanged, handler);
    };
  },
  addUserRubricFiles: (files) => ipcRenderer.invoke(ch.addUserRubricFiles, files),
  removeUserRubricPack: (packDir) => ipcRenderer.invoke(ch.removeUserRubricPack, packDir),
  exportPdf: (request) => ipcRenderer.invoke(ch.exportPdf, request),
  onPdfExportProgress: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, progress: PdfExportProgress) => listener(progress);
    ipcRenderer.on(ch.onPdfExportProgress, handler);
    return () => {
      ipcRenderer.removeListener(ch.onPdfExportProgress, handler);
    };
  },
  cancelPdfExport: (exportId) => ipcRenderer.invoke(ch.cancelPdfExport, exportId),
  openPresenter: (interviewId) => ipcRenderer.invoke(ch.openPresenter, interviewId),
  openExternal: (url) => ipcRenderer.invoke(ch.openExternal, url),
  writeBackup: (text, keep) => ipcRenderer.invoke(ch.writeBackup, text, keep),
  listBackups: () => ipcRenderer.invoke(ch.listBackups),
  readBackup: (name) => ipcRenderer.invoke(ch.readBackup, name),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktopApi', desktopApi);
