import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from './dbContext';
import { profileCurrent } from './profileRead';
import type { Interviewer } from '../../core/model/records';

/** The current machine's interviewer profile; `undefined` while loading, `null` when none. */
export function useMe(): Interviewer | null | undefined {
  return useLiveQuery(() => profileCurrent(appDb()), [], undefined);
}
