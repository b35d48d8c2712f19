import { watch, mkdirSync, type FSWatcher } from 'node:fs';
import type { BrowserWindow, IpcMain } from 'electron';
import { desktopChannels } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { rubricReportLoad, rubricUserFilesWrite, rubricUserPackRemove } from '../rubrics/rubricFolders';

/**
 * Built-in packs ship with the app; the user's folder is loaded too and watched, so an author
 * sees their pack (or its errors) as soon as they save.
 */
export function registerRubricIpc(
  ipcMain: IpcMain,
  isTrustedSender: (url: string) => boolean,
  dirs: { builtIn: string; user: string },
  windows: () => BrowserWindow[],
): () => void {
  mkdirSync(dirs.user, { recursive: true });
  const load = async () => rubricReportLoad(dirs.builtIn, dirs.user, Date.now());
  ipcMain.handle(
    desktopChannels.loadRubrics,
    ipcHandler<'loadRubrics'>(desktopChannels.loadRubrics, ipcSchemas.loadRubrics, load, isTrustedSender),
  );
  ipcMain.handle(
    desktopChannels.addUserRubricFiles,
    ipcHandler<'addUserRubricFiles'>(
      desktopChannels.addUserRubricFiles,
      ipcSchemas.addUserRubricFiles,
      async (files) => {
        rubricUserFilesWrite(dirs.user, files);
        return load();
      },
      isTrustedSender,
    ),
  );
  ipcMain.handle(
    desktopChannels.removeUserRubricPack,
    ipcHandler<'removeUserRubricPack'>(
      desktopChannels.removeUserRubricPack,
      ipcSchemas.removeUserRubricPack,
      async (packDir) => {
        rubricUserPackRemove(dirs.user, packDir);
        return load();
      },
      isTrustedSender,
    ),
  );

  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirs.user, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const win of windows()) win.webContents.send(desktopChannels.onRubricsChanged);
      }, 200);
    });
  } catch {
    // Recursive watching is unavailable on some file systems; reload still works on demand.
  }
  return () => watcher?.close();
}
