/**
 * The committee screen's live read (`committeeScreenRead` in a Dexie `liveQuery`), shared by
 * whoever asks for the same pack and database, so the read can start when the route changes —
 * while the screen's own code is still loading — and the screen then picks up the same query,
 * with its result if it has arrived, instead of starting it only after its first render.
 *
 * The shared query lives only while someone subscribes (a prefetch holds it for a few seconds):
 * a value is never kept without the live query that keeps it current.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';
import { committeeScreenRead, type CommitteeScreenData } from './committeeScreenRead';

/** What `useObservable` (dexie-react-hooks) reads: a current value when there is one, then updates. */
export interface CommitteeScreenLive {
  subscribe(onNext: (data: CommitteeScreenData) => void, onError?: (error: unknown) => void): Subscription;
  hasValue(): boolean;
  getValue(): CommitteeScreenData | undefined;
}

interface Shared extends CommitteeScreenLive {
  /** Subscribers, the prefetch's hold included. */
  count: number;
}

/** How long a prefetch keeps the query alive for a screen that has not subscribed yet. */
const prefetchHoldMs = 5000;
/** How long the query outlives its last subscriber (a re-render resubscribing keeps it). */
const lingerMs = 1000;

const shared = new Map<string, Shared>();

const keyOf = (db: AppDb, pack: RubricPack, generation: number) =>
  `${db.name}\u0000${pack.manifest.id}\u0000${pack.hash}\u0000${generation}`;

/**
 * The live read of `pack`'s committee screen. `generation` makes a new query (the screen bumps it
 * when a refresh of the rows has finished, to read them again whatever the change notification).
 */
export function committeeScreenLive(db: AppDb, pack: RubricPack, generation = 0): CommitteeScreenLive {
  const key = keyOf(db, pack, generation);
  const existing = shared.get(key);
  if (existing) return existing;

  const listeners = new Set<{ onNext: (data: CommitteeScreenData) => void; onError?: (error: unknown) => void }>();
  let value: { data: CommitteeScreenData } | undefined;
  let failure: { error: unknown } | undefined;
  let source: Subscription | undefined;
  let lingering: ReturnType<typeof setTimeout> | undefined;

  const release = () => {
    entry.count--;
    if (entry.count > 0) return;
    lingering = setTimeout(() => {
      if (entry.count > 0) return;
      source?.unsubscribe();
      if (shared.get(key) === entry) shared.delete(key);
    }, lingerMs);
  };
  const entry: Shared = {
    count: 0,
    hasValue: () => value !== undefined,
    getValue: () => value?.data,
    subscribe(onNext, onError) {
      const listener = { onNext, onError };
      listeners.add(listener);
      entry.count++;
      clearTimeout(lingering);
      source ??= liveQuery(() => committeeScreenRead(db, pack)).subscribe({
        next: (data) => {
          value = { data };
          failure = undefined;
          for (const l of listeners) l.onNext(data);
        },
        error: (error: unknown) => {
          failure = { error };
          for (const l of listeners) l.onError?.(error);
          // A failed query is not shared further: the next subscriber starts a new one.
          if (shared.get(key) === entry) shared.delete(key);
        },
      });
      if (value) onNext(value.data);
      else if (failure) onError?.(failure.error);
      let isClosed = false;
      return {
        get closed() {
          return isClosed;
        },
        unsubscribe() {
          if (isClosed) return;
          isClosed = true;
          listeners.delete(listener);
          release();
        },
      };
    },
  };
  shared.set(key, entry);
  return entry;
}

/**
 * Starts the committee screen's read of `pack` now, held for a few seconds for the screen to take
 * over (a route that leaves before the screen mounts just lets it lapse).
 */
export function committeeScreenPrefetch(db: AppDb, pack: RubricPack): void {
  const hold = committeeScreenLive(db, pack).subscribe(() => {});
  setTimeout(() => hold.unsubscribe(), prefetchHoldMs);
}
