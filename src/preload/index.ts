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
  openPresenter: (interviewId, isDemo) => ipcRenderer.invoke(ch.openPresenter, interviewId, isDemo),
  openExternal: (url) => ipcRenderer.invoke(ch.openExternal, url),
  writeBackup: (text, keep) => ipcRenderer.invoke(ch.writeBackup, text, keep),
  listBackups: () => ipcRenderer.invoke(ch.listBackups),
  readBackup: (name) => ipcRenderer.invoke(ch.readBackup, name),
  chooseExchangeFolder: () => ipcRenderer.invoke(ch.chooseExchangeFolder),
  watchExchangeFolder: (path) => ipcRenderer.invoke(ch.watchExchangeFolder, path),
  onExchangeFolderChanged: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(ch.onExchangeFolderChanged, handler);
    return () => {
      ipcRenderer.removeListener(ch.onExchangeFolderChanged, handler);
    };
  },
  listExchangeFolder: (path) => ipcRenderer.invoke(ch.listExchangeFolder, path),
  readExchangeFile: (path, profileId, name) => ipcRenderer.invoke(ch.readExchangeFile, path, profileId, name),
  writeExchangeFile: (path, profileId, name, text) => ipcRenderer.invoke(ch.writeExchangeFile, path, profileId, name, text),
  ensureProfileKey: (profileId) => ipcRenderer.invoke(ch.ensureProfileKey, profileId),
  signAsProfile: (profileId, message) => ipcRenderer.invoke(ch.signAsProfile, profileId, message),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktopApi', desktopApi);
