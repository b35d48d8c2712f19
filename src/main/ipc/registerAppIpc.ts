import { app, shell, type IpcMain } from 'electron';
import { desktopChannels } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { isAllowedExternalUrl } from '../security';

export function registerAppIpc(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean, userRubricDir: string): void {
  ipcMain.handle(
    desktopChannels.getAppInfo,
    ipcHandler<'getAppInfo'>(
      desktopChannels.getAppInfo,
      ipcSchemas.getAppInfo,
      async () => ({ name: 'Loopdesk', version: app.getVersion(), host: 'desktop', userRubricDir }),
      isTrustedSender,
    ),
  );
  ipcMain.handle(
    desktopChannels.openExternal,
    ipcHandler<'openExternal'>(
      desktopChannels.openExternal,
      ipcSchemas.openExternal,
      async (url) => {
        if (!isAllowedExternalUrl(url)) return false;
        await shell.openExternal(url);
        return true;
      },
      isTrustedSender,
    ),
  );
}
