/**
 * DesktopApi for web mode: built-in packs are loaded at build time and shipped as JSON; packs the
 * user adds are kept
 * in the browser's IndexedDB; PDFs go through the browser's print dialog; the presenter opens
 * in a second tab.
 */
import { Dexie, type EntityTable } from 'dexie';
import builtIn from 'virtual:loopdesk-builtin-rubrics';
import type { DesktopApi, RubricLoadReport } from '../../shared/desktopApi';
import { fileDownload } from './fileDownload';
import { webPdfExport, webPdfExportCancel, webPdfExportProgressListen } from './webPdfExport';
import { workspaceRouted } from '../../shared/workspaceRoute';
import { backupFileName } from '../../shared/backupFileName';
import { idbReadOnce, idbRequested } from '../db/rowsReadIdb';

interface UserRubricFile {
  path: string;
  text: string;
}

type UserRubricDb = Dexie & { files: EntityTable<UserRubricFile, 'path'> };

const userRubricDbName = 'loopdesk-user-rubrics';

let userDb: UserRubricDb | undefined;
function userRubricDb(): UserRubricDb {
  if (!userDb) {
    userDb = new Dexie(userRubricDbName, { chromeTransactionDurability: 'strict' }) as UserRubricDb;
    userDb.version(1).stores({ files: 'path' });
  }
  return userDb;
}

/**
 * The files of the packs the user added, read in one bare transaction — no Dexie start-up in a
 * print window, which loads the packs before its report — and without creating the database,
 * which does not exist before the first pack is added.
 */
async function userRubricFilesRead(): Promise<UserRubricFile[]> {
  const files = await idbReadOnce(userRubricDbName, ['files'], (tx) => idbRequested(tx.objectStore('files').getAll()));
  return (files ?? []) as UserRubricFile[];
}

const listeners = new Set<(report: RubricLoadReport) => void>();
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('loopdesk-rubrics') : null;
channel?.addEventListener('message', () => void listenersNotify());

/** Reads the packs once and hands the same report to every listener. */
async function listenersNotify(): Promise<void> {
  if (listeners.size === 0) return;
  const report = await loadRubrics();
  listeners.forEach((l) => l(report));
}

async function loadRubrics(): Promise<RubricLoadReport> {
  const userFiles = await userRubricFilesRead();
  // The YAML loader is only fetched when the user has added packs of their own.
  const user =
    userFiles.length === 0
      ? { packs: [], errors: [] }
      : (await import('../../core/rubric/loader')).rubricPacksLoad(userFiles);
  return {
    packs: [
      ...builtIn.packs.map((p) => ({ ...p, origin: 'built-in' as const })),
      ...user.packs.map((p) => ({ ...p, origin: 'user' as const })),
    ],
    errors: [
      ...builtIn.errors.map((e) => ({ ...e, origin: 'built-in' as const })),
      ...user.errors.map((e) => ({ ...e, origin: 'user' as const })),
    ],
    loadedAt: Date.now(),
  };
}

function notifyChanged(): void {
  channel?.postMessage('changed');
  void listenersNotify();
}

export const webDesktopApi: DesktopApi = {
  getAppInfo: async () => ({ name: 'Loopdesk', version: __LOOPDESK_VERSION__, host: 'web', userRubricDir: null }),
  loadRubrics,
  onRubricsChanged: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  addUserRubricFiles: async (files) => {
    const safe = files.filter((f) => !f.path.startsWith('/') && !f.path.split('/').includes('..'));
    await userRubricDb().files.bulkPut(safe);
    notifyChanged();
    return loadRubrics();
  },
  removeUserRubricPack: async (packDir) => {
    await userRubricDb()
      .files.filter((f) => f.path.startsWith(`${packDir}/`))
      .delete();
    notifyChanged();
    return loadRubrics();
  },
  exportPdf: (request) => webPdfExport(request),
  onPdfExportProgress: webPdfExportProgressListen,
  cancelPdfExport: webPdfExportCancel,
  openPresenter: async (interviewId, isDemo) => {
    const route = workspaceRouted(`#/presenter/${interviewId}`, isDemo);
    window.open(`${location.pathname}${route}`, `loopdesk-presenter-${interviewId}`);
  },
  writeBackup: async (text) => {
    const name = backupFileName(Date.now());
    fileDownload(name, text);
    return { savedTo: `your downloads (${name})` };
  },
  listBackups: async () => [],
  readBackup: async () => {
    throw new Error('Web mode keeps no automatic backups; restore from a downloaded file.');
  },
  // Web mode reaches the exchange folder through the File System Access API and keeps signing keys
  // as non-extractable WebCrypto keys (platform/exchangeFolderAccess.ts, db/actions/signingActions.ts).
  chooseExchangeFolder: async () => {
    throw new Error('In a browser the exchange folder is chosen with the browser\'s folder picker.');
  },
  watchExchangeFolder: async () => undefined,
  onExchangeFolderChanged: () => () => undefined,
  listExchangeFolder: async () => {
    throw new Error('In a browser the exchange folder is read through the File System Access API.');
  },
  readExchangeFile: async () => {
    throw new Error('In a browser the exchange folder is read through the File System Access API.');
  },
  writeExchangeFile: async () => {
    throw new Error('In a browser the exchange folder is written through the File System Access API.');
  },
  ensureProfileKey: async () => ({ ok: false, reason: 'a browser keeps signing keys itself, non-extractable, in IndexedDB' }),
  signAsProfile: async () => {
    throw new Error('In a browser the profile signs with its own non-extractable WebCrypto key.');
  },
  openExternal: async (url) => {
    if (!/^https:\/\//.test(url)) return false;
    window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  },
};
