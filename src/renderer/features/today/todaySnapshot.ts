/**
 * Today as the last visit left it, kept in localStorage so the first screen paints before
 * IndexedDB has opened. One snapshot for the machine, of the profile that was current when it
 * was written; it holds only what Today shows (names left out for a blind-mode profile), never
 * anything of the demo workspace, and is rewritten on every change to Today's data — an erased
 * candidate leaves it with the next write.
 */
import { appWorkspace } from '../../db/workspace';
import { todayScheduledText, type TodayList } from './todayView';

export interface TodaySnapshot {
  profileId: string;
  profileName: string;
  writtenAt: number;
  lists: TodayList[];
}

const snapshotKey = 'loopdesk:todaySnapshot';
/** Rows kept per list: the first screenful; the counts say how many more the live list has. */
const rowsPerList = 30;

export interface TodaySnapshotList extends TodayList {
  count: number;
}

const isDemoWindow = () => appWorkspace() === 'demo';

export function todaySnapshotRead(): (Omit<TodaySnapshot, 'lists'> & { lists: TodaySnapshotList[] }) | null {
  if (isDemoWindow()) return null;
  try {
    const raw = localStorage.getItem(snapshotKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<TodaySnapshot> & { lists?: TodaySnapshotList[] };
    if (typeof value.profileId !== 'string' || typeof value.profileName !== 'string' || !Array.isArray(value.lists))
      return null;
    // A snapshot written before the rows kept their time as text gets it here.
    for (const row of value.lists.flatMap((list) => list.rows))
      row.scheduledText ??= todayScheduledText(row.scheduledAt);
    return value as Omit<TodaySnapshot, 'lists'> & { lists: TodaySnapshotList[] };
  } catch {
    return null;
  }
}

/** Writes the snapshot of `profileId`'s Today (the demo workspace never writes one). */
export function todaySnapshotWrite(snapshot: TodaySnapshot, isBlind: boolean): void {
  if (isDemoWindow()) return;
  const lists: TodaySnapshotList[] = snapshot.lists.map((list) => ({
    ...list,
    count: list.rows.length,
    rows: list.rows.slice(0, rowsPerList).map((row) => (isBlind ? { ...row, candidateName: null } : row)),
  }));
  try {
    localStorage.setItem(snapshotKey, JSON.stringify({ ...snapshot, lists }));
  } catch {
    // Storage full or disabled: the next start waits for the database, as it always could.
  }
}

/** No profile (or a fresh database): nothing of anyone's Today stays behind. */
export function todaySnapshotClear(): void {
  if (isDemoWindow()) return;
  try {
    localStorage.removeItem(snapshotKey);
  } catch {
    // Nothing stored.
  }
}
