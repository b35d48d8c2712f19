/**
 * Dexie's `useLiveQuery` without Dexie on the start-up path: the database code (Dexie, the
 * schema, the upgrades) loads on the first subscription, after the first screen has painted, so a
 * screen that can paint without the database (Today, from its snapshot) does so at once.
 */
import { useEffect, useState, type DependencyList } from 'react';
import type { AppDb } from './appDb';
import { afterFirstPaint } from '../app/afterFirstPaint';
import { importKept } from '../app/importKept';

const dbLiveLoad = importKept(() => import('./dbLive'));

/** This window's database, loading its code first when needed. */
export async function appDbLoad(): Promise<AppDb> {
  return (await dbLiveLoad()).appDb();
}

/**
 * The querier's result, kept current as the database changes; `whileLoading` until the first
 * answer. Like `useLiveQuery`, a change of `deps` keeps the last answer until the new one comes,
 * and a failed read is thrown to the nearest error boundary.
 */
export function useDbLive<T>(querier: (db: AppDb) => Promise<T> | T, deps: DependencyList): T | undefined;
export function useDbLive<T, W>(querier: (db: AppDb) => Promise<T> | T, deps: DependencyList, whileLoading: W): T | W;
export function useDbLive<T, W>(querier: (db: AppDb) => Promise<T> | T, deps: DependencyList, whileLoading?: W): T | W {
  const [answer, setAnswer] = useState<{ value: T | W } | { error: unknown }>({ value: whileLoading as W });
  useEffect(() => {
    let isClosed = false;
    let subscription: { unsubscribe(): void } | undefined;
    void afterFirstPaint()
      .then(dbLiveLoad)
      .then(
        ({ dbLiveSubscribe }) => {
          if (isClosed) return;
          subscription = dbLiveSubscribe(
            querier,
            (value) => setAnswer({ value }),
            (error) => setAnswer({ error }),
          );
        },
        (error: unknown) => !isClosed && setAnswer({ error }),
      );
    return () => {
      isClosed = true;
      subscription?.unsubscribe();
    };
    // The querier is read afresh when `deps` change, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if ('error' in answer) throw answer.error;
  return answer.value;
}
