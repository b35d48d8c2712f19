/**
 * Watches the exchange folder while the app is open, on every screen: a round (write what this
 * profile owes its outbox, take up what is new) one at a time, when the folder changes (desktop:
 * main's watcher) or every few seconds where changes cannot be watched (a browser). With no folder
 * chosen, or access waiting for the person, nothing runs until they act (`exchangeFolderNudge`).
 * The round's state is UI state for the Data screen, kept here beside the loop that makes it.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { bundlePackDimensionsOf } from '../../../core/bundle/bundleDimensions';
import { appDb } from '../../db/dbContext';
import { useMe } from '../../db/hooks';
import { exchangeFolderRecall, exchangeRound, type ExchangeSendResult } from '../../db/actions/exchangeActions';
import {
  exchangeFolderPermission,
  exchangeFolderRoundMs,
  exchangeFolderWatch,
  type ExchangeFolder,
} from '../../platform/exchangeFolderAccess';
import { useAppStore } from '../../stores/appStore';

export type ExchangeFolderStatus =
  | { state: 'none' }
  | { state: 'permission'; folderName: string }
  | { state: 'checking'; folderName: string }
  | { state: 'idle'; folderName: string; checkedAt: number; kept: ExchangeSendResult['kept'] }
  | { state: 'error'; folderName: string; message: string };

let status: ExchangeFolderStatus = { state: 'none' };
const listeners = new Set<() => void>();
let wake: (() => void) | null = null;

function statusSet(next: ExchangeFolderStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

/** The folder's state as the last round left it. */
export function useExchangeFolderStatus(): ExchangeFolderStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

/** Runs a round now (after a folder was chosen, access allowed again, or a key trusted). */
export function exchangeFolderNudge(): void {
  wake?.();
}

export function useExchangeFolderUpkeep(): void {
  const me = useMe();
  // The profile as of now; the loop restarts only when the profile itself changes.
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  }, [me]);
  const profileId = me?.id ?? null;
  useEffect(() => {
    if (!profileId) return;
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isRunning = false;
    let isWanted = false;
    let watched: ExchangeFolder | null = null;
    let unwatch: () => void = () => undefined;
    const watch = (folder: ExchangeFolder | null) => {
      if (folder === watched) return;
      unwatch();
      watched = folder;
      unwatch = folder
        ? exchangeFolderWatch(folder, () => void round(), (error) => console.error('Exchange folder: watching failed', error))
        : () => undefined;
    };
    const round = async () => {
      if (isStopped) return;
      if (isRunning) {
        isWanted = true;
        return;
      }
      const me = meRef.current;
      if (!me || me.id !== profileId) return;
      isRunning = true;
      isWanted = false;
      clearTimeout(timer);
      const db = appDb();
      const folder = await exchangeFolderRecall(db).catch(() => null);
      // Null: idle until the person chooses a folder or allows access again (a nudge).
      let nextInMs: number | null = null;
      try {
        if (!folder) statusSet({ state: 'none' });
        else if ((await exchangeFolderPermission(folder)) !== 'granted') statusSet({ state: 'permission', folderName: folder.name });
        else {
          nextInMs = exchangeFolderRoundMs(folder);
          if (status.state !== 'idle') statusSet({ state: 'checking', folderName: folder.name });
          const packs = bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
          const result = await exchangeRound(db, folder, me, { now: Date.now, packs, isCancelled: () => isStopped });
          statusSet({ state: 'idle', folderName: folder.name, checkedAt: Date.now(), kept: result.send.kept });
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
    wake = () => void round();
    void round();
    return () => {
      isStopped = true;
      clearTimeout(timer);
      unwatch();
      wake = null;
    };
  }, [profileId]);
}
