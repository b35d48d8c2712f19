import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { profileCurrent } from '../../db/profileRead';
import { blindModeIsOn } from '../../db/actions/audienceActions';
import { usePacks, usePacksLoaded } from '../../hooks/usePacks';
import { todayKitTitleOf, todayRead, todayView } from './todayView';
import { todaySnapshotClear, todaySnapshotWrite } from './todaySnapshot';

/**
 * Keeps Today's start-up snapshot current on every screen: whatever changes Today's data — a
 * seal, a new loop, an erasure, a profile switch, blind mode — rewrites it from the database.
 */
export function useTodaySnapshotUpkeep(): void {
  const packs = usePacks();
  const isPacksLoaded = usePacksLoaded();
  const state = useLiveQuery(async () => {
    const db = appDb();
    const me = await profileCurrent(db);
    if (!me) return { me: null };
    return { me, data: await todayRead(db, me.id), isBlind: await blindModeIsOn(db) };
  }, []);
  useEffect(() => {
    if (!state || !isPacksLoaded) return;
    if (!state.me) {
      todaySnapshotClear();
      return;
    }
    const lists = todayView(state.data, todayKitTitleOf(packs), Date.now());
    todaySnapshotWrite({ profileId: state.me.id, profileName: state.me.name, writtenAt: Date.now(), lists }, state.isBlind);
  }, [state, packs, isPacksLoaded]);
}
