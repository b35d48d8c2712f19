/**
 * The exchange folder's upkeep loop as a plain function of its dependencies (the hook
 * `useExchangeFolderUpkeep` gives it the database, the folder seam and the clock): one round at a
 * time; the next one after `roundMs` of the folder, at once when woken or told of a change (a
 * wake during a round runs one more after it), and none at all while there is no folder or access
 * waits for the person.
 */
import type { ExchangeSendResult } from '../../db/actions/exchangeActions';
import type { ExchangeFolder } from '../../platform/exchangeFolderAccess';

export type ExchangeFolderStatus =
  | { state: 'none' }
  | { state: 'permission'; folderName: string }
  | { state: 'checking'; folderName: string }
  | { state: 'idle'; folderName: string; checkedAt: number; kept: ExchangeSendResult['kept'] }
  | { state: 'error'; folderName: string; message: string };

export interface ExchangeUpkeepDeps {
  recall(): Promise<ExchangeFolder | null>;
  permission(folder: ExchangeFolder): Promise<PermissionState>;
  /** One round (write what is owed, take up what is new); what stays unsent. `isCancelled` stops it between files. */
  round(folder: ExchangeFolder, isCancelled: () => boolean): Promise<ExchangeSendResult['kept']>;
  roundMs(folder: ExchangeFolder): number;
  /** Calls `onChange` when the folder changes, where that can be known; returns the function that stops it. */
  watch(folder: ExchangeFolder, onChange: () => void): () => void;
  status(next: ExchangeFolderStatus): void;
  now(): number;
}

export function exchangeUpkeepStart(deps: ExchangeUpkeepDeps): { wake: () => void; stop: () => void } {
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isRunning = false;
  let isWanted = false;
  let state: ExchangeFolderStatus['state'] = 'none';
  let watched: ExchangeFolder | null = null;
  let unwatch: () => void = () => undefined;
  const statusSet = (next: ExchangeFolderStatus) => {
    deps.status(next);
    state = next.state;
  };
  const watch = (folder: ExchangeFolder | null) => {
    if (folder === watched) return;
    unwatch();
    watched = folder;
    unwatch = folder ? deps.watch(folder, () => void round()) : () => undefined;
  };
  const round = async (): Promise<void> => {
    if (isStopped) return;
    if (isRunning) {
      isWanted = true;
      return;
    }
    isRunning = true;
    isWanted = false;
    clearTimeout(timer);
    const folder = await deps.recall().catch(() => null);
    // Null: idle until the person chooses a folder or allows access again (a wake).
    let nextInMs: number | null = null;
    try {
      if (!folder) statusSet({ state: 'none' });
      else if ((await deps.permission(folder)) !== 'granted') statusSet({ state: 'permission', folderName: folder.name });
      else {
        nextInMs = deps.roundMs(folder);
        if (state !== 'idle') statusSet({ state: 'checking', folderName: folder.name });
        const kept = await deps.round(folder, () => isStopped);
        statusSet({ state: 'idle', folderName: folder.name, checkedAt: deps.now(), kept });
      }
    } catch (error) {
      statusSet({ state: 'error', folderName: folder?.name ?? 'the folder', message: error instanceof Error ? error.message : String(error) });
    } finally {
      isRunning = false;
      if (!isStopped) {
        watch(nextInMs === null ? null : folder);
        if (isWanted || nextInMs !== null) timer = setTimeout(() => void round(), isWanted ? 0 : nextInMs!);
      }
    }
  };
  void round();
  return {
    wake: () => void round(),
    stop: () => {
      isStopped = true;
      clearTimeout(timer);
      unwatch();
    },
  };
}
