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
import { exchangeFolderRecall } from '../../db/exchangeFolderChoice';
import { exchangeFolderPermission, exchangeFolderRoundMs, exchangeFolderWatch } from '../../platform/exchangeFolderAccess';
import { useAppStore } from '../../stores/appStore';
import { exchangeUpkeepStart, type ExchangeFolderStatus } from './exchangeUpkeepLoop';

export type { ExchangeFolderStatus };

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
    const db = appDb();
    const loop = exchangeUpkeepStart({
      recall: () => exchangeFolderRecall(db),
      permission: (folder) => exchangeFolderPermission(folder),
      round: async (folder, isCancelled) => {
        const me = meRef.current;
        if (!me || me.id !== profileId) return [];
        const packs = bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
        // Bundles, signatures and the record schemas are loaded only once there is a folder to work with.
        const { exchangeRound } = await import('../../db/actions/exchangeActions');
        return (await exchangeRound(db, folder, me, { now: Date.now, packs, isCancelled })).send.kept;
      },
      roundMs: exchangeFolderRoundMs,
      watch: (folder, onChange) => exchangeFolderWatch(folder, onChange, (error) => console.error('Exchange folder: watching failed', error)),
      status: statusSet,
      now: Date.now,
    });
    wake = loop.wake;
    return () => {
      loop.stop();
      wake = null;
    };
  }, [profileId]);
}
