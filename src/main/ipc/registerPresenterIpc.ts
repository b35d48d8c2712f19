import type { BrowserWindow, IpcMain } from 'electron';
import { desktopChannels } from '../../shared/desktopApi';
import { workspaceRouted } from '../../shared/workspaceRoute';
import { ipcHandler } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { createAppWindow, type WindowContext } from '../windows';

/** The presenter is a second window on the same origin; BroadcastChannel keeps it in sync. */
export function registerPresenterIpc(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean, ctx: WindowContext): void {
  const open = new Map<string, BrowserWindow>();
  ipcMain.handle(
    desktopChannels.openPresenter,
    ipcHandler<'openPresenter'>(
      desktopChannels.openPresenter,
      ipcSchemas.openPresenter,
      async (interviewId, isDemo) => {
        const existing = open.get(interviewId);
        if (existing && !existing.isDestroyed()) {
          existing.focus();
          return;
        }
        // A new window starts without the opener's session: its route names the demo workspace.
        const route = workspaceRouted(`#/presenter/${interviewId}`, isDemo);
        const win = createAppWindow(ctx, route, { title: 'Loopdesk — presenter' });
        open.set(interviewId, win);
        win.on('closed', () => open.delete(interviewId));
      },
      isTrustedSender,
    ),
  );
}
