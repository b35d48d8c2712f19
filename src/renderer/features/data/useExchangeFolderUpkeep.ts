/**
 * Watches the exchange folder while the app is open, on every screen: a round every few seconds
 * (write what this profile owes its outbox, take up what is new), one at a time. The round's
 * state is UI state for the Data screen, kept here beside the loop that makes it.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { bundlePackDimensionsOf } from '../../../core/bundle/bundleDimensions';
import { appDb } from '../../db/dbContext';
import { useMe } from '../../db/hooks';
import { exchangeFolderRecall, exchangeRound, type ExchangeSendResult } from '../../db/actions/exchangeActions';
import { exchangeFolderPermission } from '../../platform/exchangeFolderAccess';
import { useAppStore } from '../../stores/appStore';

/** How often the folder is looked at. A sync tool takes seconds to deliver a file anyway. */
export const exchangeRoundIntervalMs = 2_000;

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
      try {
        if (!folder) statusSet({ state: 'none' });
        else if ((await exchangeFolderPermission(folder)) !== 'granted') statusSet({ state: 'permission', folderName: folder.name });
        else {
          if (status.state !== 'idle') statusSet({ state: 'checking', folderName: folder.name });
          const packs = bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
          const result = await exchangeRound(db, folder, me, { now: Date.now, packs, isCancelled: () => isStopped });
          statusSet({ state: 'idle', folderName: folder.name, checkedAt: Date.now(), kept: result.send.kept });
        }
      } catch (error) {
        statusSet({ state: 'error', folderName: folder?.name ?? 'the folder', message: error instanceof Error ? error.message : String(error) });
      } finally {
        isRunning = false;
        if (!isStopped) timer = setTimeout(() => void round(), isWanted ? 0 : exchangeRoundIntervalMs);
      }
    };
    wake = () => void round();
    void round();
    return () => {
      isStopped = true;
      clearTimeout(timer);
      wake = null;
    };
  }, [profileId]);
}
