/**
 * A Dexie `liveQuery` shared by whoever asks for the same key, so a screen's read can start when
 * the route changes — while the screen's own code is still loading — and the screen then picks up
 * the same query, with its result if it has arrived, instead of starting it only after its first
 * render. A screen may also wait for the first result (`first`, for React's Suspense) so that the
 * screen before stays until it can show itself whole.
 *
 * The shared query lives only while someone subscribes (a prefetch holds it for a few seconds):
 * a value is never kept without the live query that keeps it current.
 */
import { liveQuery, type Subscription } from 'dexie';

/** What `useObservable` (dexie-react-hooks) reads: a current value when there is one, then updates. */
export interface SharedLive<T> {
  subscribe(onNext: (value: T) => void, onError?: (error: unknown) => void): Subscription;
  hasValue(): boolean;
  getValue(): T | undefined;
  /** Settles with the first result (or failure); the same promise on every call. */
  first(): Promise<T>;
}

interface Shared<T> extends SharedLive<T> {
  /** Subscribers, the prefetch's hold included. */
  count: number;
  /** Lets go of a prefetch's hold (when someone else subscribes, or its time is up). */
  holdRelease?: () => void;
}

/** How long a prefetch keeps the query alive for a screen that has not subscribed yet. */
const prefetchHoldMs = 5000;
/** How long the query outlives its last subscriber (a re-render resubscribing keeps it). */
const lingerMs = 1000;

const shared = new Map<string, Shared<unknown>>();

interface SharedObserver<T> {
  next(value: T): void;
  error(error: unknown): void;
}
/** Where a shared read's results come from: Dexie's live query, or one read (a snapshot). */
type SharedSource = <T>(query: () => Promise<T>) => { subscribe(observer: SharedObserver<T>): Subscription };

const liveSource: SharedSource = (query) => liveQuery(query);
const onceSource: SharedSource = (query) => ({
  subscribe(observer) {
    let isClosed = false;
    query().then(
      (value) => !isClosed && observer.next(value),
      (error: unknown) => !isClosed && observer.error(error),
    );
    return {
      get closed() {
        return isClosed;
      },
      unsubscribe() {
        isClosed = true;
      },
    };
  },
});

/**
 * `value` shared under `key` as a read that never changes, unless a read of `key` is shared
 * already: a print window's snapshot (`printPageRead`), which the screen then picks up as it
 * would a live read.
 */
export function sharedSnapshot<T>(key: string, value: T): SharedLive<T> {
  return sharedLive(key, () => Promise.resolve(value), onceSource);
}

/** The live query of `key` (one per key while anyone holds it), reading with `query`. */
export function sharedLive<T>(key: string, query: () => Promise<T>, source: SharedSource = liveSource): SharedLive<T> {
  const existing = shared.get(key) as Shared<T> | undefined;
  if (existing) return existing;

  const listeners = new Set<{ onNext: (value: T) => void; onError?: (error: unknown) => void }>();
  let value: { data: T } | undefined;
  let failure: { error: unknown } | undefined;
  let subscription: Subscription | undefined;
  let lingering: ReturnType<typeof setTimeout> | undefined;
  let first: Promise<T> | undefined;

  const release = () => {
    entry.count--;
    if (entry.count > 0) return;
    lingering = setTimeout(() => {
      if (entry.count > 0) return;
      subscription?.unsubscribe();
      if (shared.get(key) === entry) shared.delete(key);
    }, lingerMs);
  };
  const entry: Shared<T> = {
    count: 0,
    hasValue: () => value !== undefined,
    getValue: () => value?.data,
    first() {
      if (first) return first;
      let settle!: { resolve: (data: T) => void; reject: (error: Error) => void };
      const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
      first = promise;
      // Held until it settles, then let go (the screen that waited subscribes itself). Marked
      // settled as React's `use` reads a thenable, so a screen reading a result that is already in
      // does not suspend for a tick.
      const hold = entry.subscribe(
        (data) => {
          Object.assign(promise, { status: 'fulfilled', value: data });
          settle.resolve(data);
          queueMicrotask(() => hold.unsubscribe());
        },
        (error) => {
          const reason = error instanceof Error ? error : new Error(String(error));
          Object.assign(promise, { status: 'rejected', reason });
          settle.reject(reason);
          queueMicrotask(() => hold.unsubscribe());
        },
      );
      return promise;
    },
    subscribe(onNext, onError) {
      const listener = { onNext, onError };
      listeners.add(listener);
      entry.count++;
      clearTimeout(lingering);
      // The screen has taken over: a prefetch's hold would keep the query alive (and re-reading on
      // every change) for seconds after the screen is left.
      const held = entry.holdRelease;
      entry.holdRelease = undefined;
      held?.();
      subscription ??= source(query).subscribe({
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
  shared.set(key, entry as Shared<unknown>);
  return entry;
}

/**
 * Starts `live` now, held until its screen takes over (its first other subscriber), for a few
 * seconds at most (a route that leaves before the screen mounts just lets it lapse). A read
 * someone holds already is left alone.
 */
export function sharedLivePrefetch(live: SharedLive<unknown>): void {
  const entry = live as Shared<unknown>;
  if (entry.count > 0) return;
  const hold = live.subscribe(() => {});
  const timer = setTimeout(() => release(), prefetchHoldMs);
  const release = () => {
    clearTimeout(timer);
    if (entry.holdRelease === release) entry.holdRelease = undefined;
    hold.unsubscribe();
  };
  entry.holdRelease = release;
}
