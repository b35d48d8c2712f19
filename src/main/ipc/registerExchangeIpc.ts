import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { desktopChannels, type DesktopApi } from '../../shared/desktopApi';
import { ipcHandler, type InvokeMethod } from './ipcHandler';
import { ipcSchemas } from './ipcSchemas';
import { exchangeFolderListFiles, exchangeFolderReadFile, exchangeFolderWatch, exchangeFolderWriteFile } from '../files/exchangeFolderFiles';
import { exchangeFolderChoicesCreate } from '../files/exchangeFolderChoices';
import { profileKeyStoreCreate, type SafeStorageLike } from '../files/profileKeyStore';

/** The window that asked: where change notices go, and what owns the folder dialog. */
export interface ExchangeSender {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface ExchangeIpcDeps {
  /** `<userData>`: key files under `profile-keys/`, chosen folders in `exchange-folders.json`. */
  dataDir: string;
  safeStorage: SafeStorageLike | null;
  platform: NodeJS.Platform;
  /** The native folder dialog, owned by the sender's window; the path chosen, or null. */
  folderDialog: (sender: ExchangeSender) => Promise<string | null>;
  now?: () => number;
  watchDebounceMs?: number;
}

type Handlers = { [K in InvokeMethod]?: (sender: ExchangeSender, ...args: Parameters<DesktopApi[K]>) => ReturnType<DesktopApi[K]> };

/**
 * The exchange folder and the profile key store on the desktop, as plain functions of the sender
 * and the validated arguments (tested in Node with `safeStorage` and the dialog injected). Main
 * reads and writes only inside folders the person chose in the dialog; change notices go only to
 * the window watching. `close` stops every watcher.
 */
export function exchangeIpcHandlers(deps: ExchangeIpcDeps): { handlers: Handlers; close: () => void } {
  const choices = exchangeFolderChoicesCreate(join(deps.dataDir, 'exchange-folders.json'));
  const keys = profileKeyStoreCreate({
    dir: join(deps.dataDir, 'profile-keys'),
    safeStorage: deps.safeStorage,
    platform: deps.platform,
    now: deps.now ?? Date.now,
  });
  const watching = new Map<number, () => void>();
  const heardOf = new Set<number>();
  const chosen = async (path: string): Promise<string> => {
    if (!(await choices.isAllowed(path))) throw new Error('that folder was not chosen in the folder dialog on this machine');
    return path;
  };
  const unwatch = (senderId: number) => {
    watching.get(senderId)?.();
    watching.delete(senderId);
  };

  const handlers: Handlers = {
    chooseExchangeFolder: async (sender) => {
      const path = await deps.folderDialog(sender);
      if (!path) return null;
      await choices.allow(path);
      return { path, name: path.split(/[/\\]/).filter(Boolean).pop() ?? path };
    },
    watchExchangeFolder: async (sender, path) => {
      unwatch(sender.id);
      if (path === null) return;
      const root = await chosen(path);
      if (!heardOf.has(sender.id)) {
        heardOf.add(sender.id);
        sender.once('destroyed', () => {
          heardOf.delete(sender.id);
          unwatch(sender.id);
        });
      }
      const stop = exchangeFolderWatch(
        root,
        () => {
          if (!sender.isDestroyed()) sender.send(desktopChannels.onExchangeFolderChanged);
        },
        (error) => console.error(`Exchange folder: stopped watching ${root} (${error.message}); the app still looks every 30 s.`),
        deps.watchDebounceMs,
      );
      watching.set(sender.id, stop);
    },
    listExchangeFolder: async (_sender, path) => exchangeFolderListFiles(await chosen(path)),
    readExchangeFile: async (_sender, path, profileId, name) => exchangeFolderReadFile(await chosen(path), profileId, name),
    writeExchangeFile: async (_sender, path, profileId, name, text) => exchangeFolderWriteFile(await chosen(path), profileId, name, text),
    ensureProfileKey: async (_sender, profileId) => keys.ensure(profileId),
    signAsProfile: async (_sender, profileId, message) => bytesToHex(await keys.sign(profileId, message)),
  };
  return {
    handlers,
    close: () => {
      for (const id of [...watching.keys()]) unwatch(id);
    },
  };
}

export function registerExchangeIpc(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean, deps: ExchangeIpcDeps): () => void {
  const { handlers, close } = exchangeIpcHandlers(deps);
  for (const [method, impl] of Object.entries(handlers) as Array<[InvokeMethod, (sender: ExchangeSender, ...args: unknown[]) => Promise<unknown>]>) {
    const channel = desktopChannels[method];
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...raw: unknown[]) =>
      ipcHandler(
        channel,
        ipcSchemas[method as keyof typeof ipcSchemas] as unknown as z.ZodType<never>,
        ((...args: unknown[]) => impl(event.sender, ...args)) as never,
        isTrustedSender,
      )(event, ...raw),
    );
  }
  return close;
}
