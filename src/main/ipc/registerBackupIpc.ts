import type { IpcMain } from 'electron';
import { desktopChannels } from '../../shared/desktopApi';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { backupList, backupRead, backupWrite } from '../backups/backupFiles';

export function registerBackupIpc(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean, backupDir: string): void {
  ipcMain.handle(
    desktopChannels.writeBackup,
    ipcHandler<'writeBackup'>(
      desktopChannels.writeBackup,
      ipcSchemas.writeBackup,
      async (text, keep) => ({ savedTo: await backupWrite(backupDir, text, keep, Date.now()) }),
      isTrustedSender,
    ),
  );
  ipcMain.handle(
    desktopChannels.listBackups,
    ipcHandler<'listBackups'>(desktopChannels.listBackups, ipcSchemas.listBackups, async () => backupList(backupDir), isTrustedSender),
  );
  ipcMain.handle(
    desktopChannels.readBackup,
    ipcHandler<'readBackup'>(desktopChannels.readBackup, ipcSchemas.readBackup, async (name) => backupRead(backupDir, name), isTrustedSender),
  );
}
