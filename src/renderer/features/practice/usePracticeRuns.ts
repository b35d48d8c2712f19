import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import type { PracticeRunRow } from '../../db/rows/practiceRunRow';
import type { LoadedPack } from '../../hooks/usePacks';
import type { PracticeCase } from '../../../core/rubric/practiceSchema';

/** This interviewer's practice runs, newest first; `undefined` while loading. */
export function usePracticeRuns(interviewerId: string | undefined): PracticeRunRow[] | undefined {
  return useLiveQuery(
    async () =>
      interviewerId
        ? (await appDb().practiceRuns.where('interviewerId').equals(interviewerId).toArray()).sort(
            (a, b) => b.startedAt - a.startedAt,
          )
        : [],
    [interviewerId],
  );
}

/** The loaded pack and practice case a run is of (either may be gone since). */
export function practiceCaseOf(
  packs: readonly LoadedPack[],
  run: Pick<PracticeRunRow, 'packId' | 'caseId'>,
): { pack: LoadedPack | undefined; practiceCase: PracticeCase | undefined } {
  const pack = packs.find((p) => p.manifest.id === run.packId);
  return { pack, practiceCase: pack?.practiceCases?.find((c) => c.id === run.caseId) };
}
