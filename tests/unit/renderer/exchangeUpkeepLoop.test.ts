/**
 * The exchange folder's upkeep loop: idle with no folder or while access waits for a click, a
 * round per interval of the folder otherwise, at once on a change notice, never two at a time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exchangeUpkeepStart, type ExchangeFolderStatus, type ExchangeUpkeepDeps } from '../../../src/renderer/features/data/exchangeUpkeepLoop';
import type { ExchangeFolder } from '../../../src/renderer/platform/exchangeFolderAccess';

afterEach(() => vi.useRealTimers());

function harness(options: { folder?: ExchangeFolder | null; permission?: PermissionState; roundMs?: number } = {}) {
  const calls = { recall: 0, round: 0, watch: 0, unwatch: 0 };
  const statuses: ExchangeFolderStatus['state'][] = [];
  let folder = options.folder ?? null;
  let onChange: () => void = () => undefined;
  let release: (() => void) | null = null;
  let isRoundHeld = false;
  const deps: ExchangeUpkeepDeps = {
    recall: async () => (calls.recall++, folder),
    permission: async () => options.permission ?? 'granted',
    round: async () => {
      calls.round++;
      if (isRoundHeld) await new Promise<void>((r) => (release = r));
      return [];
    },
    roundMs: () => options.roundMs ?? 2_000,
    watch: (_f, change) => {
      calls.watch++;
      onChange = change;
      return () => void calls.unwatch++;
    },
    status: (next) => void statuses.push(next.state),
    now: () => Date.now(),
  };
  return {
    calls,
    statuses,
    deps,
    setFolder: (f: ExchangeFolder | null) => void (folder = f),
    change: () => onChange(),
    hold: (isHeld: boolean) => void (isRoundHeld = isHeld),
    release: () => release?.(),
  };
}

const folder = { kind: 'desktop', name: 'team-exchange', path: '/srv/team-exchange' } as const;

describe('exchange upkeep loop', () => {
  it('does nothing more while no folder is chosen, until woken', async () => {
    vi.useFakeTimers();
    const h = harness();
    const loop = exchangeUpkeepStart(h.deps);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls.recall).toBe(1);
    expect(h.statuses).toEqual(['none']);
    h.setFolder(folder);
    loop.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.round).toBe(1);
    expect(h.statuses.at(-1)).toBe('idle');
    loop.stop();
  });

  it('waits for the person while the browser wants permission again', async () => {
    vi.useFakeTimers();
    const h = harness({ folder, permission: 'prompt' });
    const loop = exchangeUpkeepStart(h.deps);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls).toMatchObject({ recall: 1, round: 0, watch: 0 });
    expect(h.statuses).toEqual(['permission']);
    loop.stop();
  });

  it('runs a round per interval of the folder, and at once when the folder reports a change', async () => {
    vi.useFakeTimers();
    const h = harness({ folder, roundMs: 30_000 });
    const loop = exchangeUpkeepStart(h.deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls).toMatchObject({ round: 1, watch: 1 });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(h.calls.round).toBe(1);
    h.change();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.round).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.calls.round).toBe(3);
    expect(h.calls.watch).toBe(1);
    // The folder is put away: no more rounds, and the watch stops.
    h.setFolder(null);
    await vi.advanceTimersByTimeAsync(30_000);
    const after = h.calls.round;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.calls.round).toBe(after);
    expect(h.calls.unwatch).toBe(1);
    loop.stop();
  });

  it('never runs two rounds at once: a change during a round runs one more after it', async () => {
    vi.useFakeTimers();
    const h = harness({ folder, roundMs: 30_000 });
    h.hold(true);
    const loop = exchangeUpkeepStart(h.deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.round).toBe(1);
    loop.wake();
    loop.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.round).toBe(1);
    h.hold(false);
    h.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.round).toBe(2);
    loop.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.calls.round).toBe(2);
  });
});
