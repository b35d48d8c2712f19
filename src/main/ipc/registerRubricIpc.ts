import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { BrowserWindow, IpcMain } from 'electron';
import { desktopChannels, type RubricLoadReport } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { rubricReportLoad, rubricUserFilesWrite, rubricUserPackRemove } from '../rubrics/rubricFolders';

/** Editors save in bursts (temp file, rename, chmod): one reload after the burst settles. */
export const rubricWatchDebounceMs = 200;

/**
 * Built-in packs ship with the app; the user's folder is loaded too and watched, so an author
 * sees their pack (or its errors) as soon as they save. The folders are read once per change:
 * the report is kept until the next change and pushed to every window with the change notice,
 * so windows asking for it again get the kept report instead of another read.
 */
export function registerRubricIpc(
  ipcMain: IpcMain,
  isTrustedSender: (url: string) => boolean,
  dirs: { builtIn: string; user: string },
  windows: () => BrowserWindow[],
): () => void {
  // A folder that cannot be created is reported by the load itself, as an issue at the user root.
  const userDirReady = mkdir(dirs.user, { recursive: true }).then(
    () => true,
    () => false,
  );
  let current: Promise<RubricLoadReport> | null = null;
  const load = (): Promise<RubricLoadReport> => {
    current ??= userDirReady.then(() => rubricReportLoad(dirs.builtIn, dirs.user, Date.now()));
    return current;
  };
  const reload = (): Promise<RubricLoadReport> => {
    current = null;
    return load();
  };

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
        await rubricUserFilesWrite(dirs.user, files);
        return reload();
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
        await rubricUserPackRemove(dirs.user, packDir);
        return reload();
      },
      isTrustedSender,
    ),
  );

  let timer: NodeJS.Timeout | undefined;
  const pushChange = async (): Promise<void> => {
    const report = await reload();
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(desktopChannels.onRubricsChanged, report);
  };
  let watcher: FSWatcher | undefined;
  let isClosed = false;
  void userDirReady.then(() => {
    if (isClosed) return;
    try {
      watcher = watch(dirs.user, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          pushChange().catch((error: unknown) =>
            console.error(`Rubric packs: reloading after a change failed (${error instanceof Error ? error.message : String(error)}).`),
          );
        }, rubricWatchDebounceMs);
      });
      watcher.on('error', (error) => {
        watcher?.close();
        console.error(`Rubric packs: stopped watching ${dirs.user} (${error.message}); changes show after the library is reloaded.`);
      });
    } catch (error) {
      // Recursive watching is unavailable on some file systems; reload still works on demand.
      console.error(`Rubric packs: cannot watch ${dirs.user} (${error instanceof Error ? error.message : String(error)}); changes show after the library is reloaded.`);
    }
  });
  return () => {
    isClosed = true;
    clearTimeout(timer);
    watcher?.close();
  };
}
