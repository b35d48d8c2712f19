import { useDbLive } from './useDbLive';
import { profileCurrent } from './profileRead';
import type { Interviewer } from '../../core/model/records';

/** The current machine's interviewer profile; `undefined` while loading, `null` when none. */
export function useMe(): Interviewer | null | undefined {
  return useDbLive(profileCurrent, []);
}
