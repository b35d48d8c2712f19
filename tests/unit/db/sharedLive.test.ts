/**
 * A route's prefetch of a screen's read holds it only until the screen takes over: once the screen
 * is left, the read stops, instead of re-reading on every change for the seconds the prefetch
 * would have held it (after a seal, each report visited in those seconds read its evidence again
 * beside the report being opened).
 */
// Dexie's liveQuery runs only where a global indexedDB exists (set before Dexie loads).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sharedLive, sharedLivePrefetch } from '../../../src/renderer/db/sharedLive';
import { testDb } from './dbTestKit';

/** Longer than the time a read outlives its last subscriber (sharedLive's linger, 1 s). */
const afterLingerMs = 1300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function countedRead(name: string) {
  const db = testDb(undefined, name);
  const reads = { count: 0 };
  const live = sharedLive(`test\u0000${name}`, async () => {
    reads.count++;
    return (await db.settings.get('watched'))?.value ?? null;
  });
  return { db, reads, live };
}

describe('shared live read, prefetched', () => {
  it('stops re-reading once the screen that took it over is left', async () => {
    const { db, reads, live } = countedRead('shared-live-left');
    sharedLivePrefetch(live);
    await expect.poll(() => live.hasValue()).toBe(true);

    const screen = live.subscribe(() => {});
    screen.unsubscribe();
    await pause(afterLingerMs);
    const before = reads.count;
    await db.settings.put({ key: 'watched', value: 1 });
    await pause(200);
    expect(reads.count).toBe(before);
  });

  it('keeps the read live while the screen is on, and while only the prefetch holds it', async () => {
    const { db, reads, live } = countedRead('shared-live-held');
    sharedLivePrefetch(live);
    await expect.poll(() => live.hasValue()).toBe(true);

    // Held by the prefetch alone (the screen's code still loading): changes are followed.
    await db.settings.put({ key: 'watched', value: 1 });
    await expect.poll(() => live.getValue()).toBe(1);

    const seen: unknown[] = [];
    const screen = live.subscribe((value) => seen.push(value));
    await pause(afterLingerMs);
    await db.settings.put({ key: 'watched', value: 2 });
    await expect.poll(() => seen.at(-1)).toBe(2);
    screen.unsubscribe();
    expect(reads.count).toBeGreaterThanOrEqual(3);
  });
});
