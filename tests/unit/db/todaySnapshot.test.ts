/**
 * Today's start-up snapshot keeps only what Today shows: no names for a blind-mode profile,
 * nothing in the demo workspace, a first screenful of rows with the counts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dateTimeText } from '../../../src/core/text/dateTimeText';

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k: string) => map.get(k) ?? null,
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    setItem: (k: string, v: string) => void map.set(k, String(v)),
  };
}

beforeEach(() => {
  globalThis.localStorage = fakeStorage();
  globalThis.sessionStorage = fakeStorage();
});

const { todaySnapshotRead, todaySnapshotWrite, todaySnapshotClear } = await import(
  '../../../src/renderer/features/today/todaySnapshot'
);

const row = (n: number) => ({
  interviewId: `i${n}`,
  candidateName: `Candidate ${n}`,
  kitTitle: 'Terraform / IaC review',
  scheduledAt: null,
  scheduledText: '',
  status: 'planned' as const,
  version: 0,
  daysOverdue: null,
});
const snapshot = (rows: number) => ({
  profileId: 'grace',
  profileName: 'Grace Hopper',
  writtenAt: 1,
  lists: [{ title: 'Upcoming', action: 'Start', rows: Array.from({ length: rows }, (_, i) => row(i)) }],
});

describe('todaySnapshot', () => {
  it('keeps the names of a profile not in blind mode, and reads back what was written', () => {
    todaySnapshotWrite(snapshot(2), false);
    const read = todaySnapshotRead()!;
    expect(read.profileId).toBe('grace');
    expect(read.lists[0]!.rows.map((r) => r.candidateName)).toEqual(['Candidate 0', 'Candidate 1']);
  });

  it('writes no candidate name for a blind-mode profile', () => {
    todaySnapshotWrite(snapshot(2), true);
    expect(localStorage.getItem('loopdesk:todaySnapshot')).not.toContain('Candidate');
    expect(todaySnapshotRead()!.lists[0]!.rows.map((r) => r.candidateName)).toEqual([null, null]);
  });

  it('keeps a first screenful of rows and the count of all', () => {
    todaySnapshotWrite(snapshot(100), false);
    const list = todaySnapshotRead()!.lists[0]!;
    expect(list.rows).toHaveLength(30);
    expect(list.count).toBe(100);
  });

  it('is neither read, written nor cleared in the demo workspace', () => {
    todaySnapshotWrite(snapshot(1), false);
    sessionStorage.setItem('loopdesk:workspace', 'demo');
    expect(todaySnapshotRead()).toBeNull();
    todaySnapshotWrite({ ...snapshot(1), profileName: 'Demo recruiter' }, false);
    todaySnapshotClear();
    sessionStorage.removeItem('loopdesk:workspace');
    // The real workspace's snapshot is as it was.
    expect(todaySnapshotRead()!.profileName).toBe('Grace Hopper');
  });

  it('shows the scheduled time of a snapshot written before rows kept it as text', () => {
    const at = Date.UTC(2026, 11, 3, 9, 30);
    const { scheduledText: _, ...older } = { ...row(0), scheduledAt: at };
    localStorage.setItem(
      'loopdesk:todaySnapshot',
      JSON.stringify({ ...snapshot(0), lists: [{ title: 'Upcoming', action: 'Start', rows: [older], count: 1 }] }),
    );
    expect(todaySnapshotRead()!.lists[0]!.rows[0]!.scheduledText).toBe(dateTimeText(at));
  });

  it('is cleared when there is no profile', () => {
    todaySnapshotWrite(snapshot(1), false);
    todaySnapshotClear();
    expect(todaySnapshotRead()).toBeNull();
  });
});
