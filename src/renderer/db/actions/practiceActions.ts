/**
 * Every write of a practice run (`practiceRuns` only: a practice run never touches interviews,
 * ratings, notes, the audit log or settings, so reports, bundles, backups and pool statistics never
 * see it). Each write re-reads the run in one transaction; a sealed run refuses changes.
 */
import { practiceScore, type PracticeRun, type PracticeScore } from '../../../core/practice/practiceScore';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../appDb';
import type { PracticeRunRow } from '../rows/practiceRunRow';
import type { RatingValue } from './interviewActions';

export class PracticeRunSealedError extends Error {
  override name = 'PracticeRunSealedError';
  constructor() {
    super('This practice run is sealed and compared with the key; start a new run to score the case again.');
  }
}

async function editableRun(db: AppDb, runId: string): Promise<PracticeRunRow> {
  const run = await db.practiceRuns.get(runId);
  if (!run) throw new Error('This practice run no longer exists.');
  if (run.sealedAt !== null) throw new PracticeRunSealedError();
  return run;
}

async function runChange(db: AppDb, runId: string, change: (run: PracticeRunRow) => PracticeRunRow): Promise<void> {
  await db.transaction('rw', db.practiceRuns, async () => {
    await db.practiceRuns.put(change(await editableRun(db, runId)));
  });
}

/** Opens a new practice run of `caseId` for the interviewer; returns its id. */
export async function practiceRunStart(
  db: AppDb,
  input: { interviewerId: string; packId: string; caseId: string },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.practiceRuns.add({ id, ...input, startedAt: now, sealedAt: null, ratings: {}, signalIds: [], notes: '' });
  return id;
}

/** Sets (or, with `null`, clears) the rating of one dimension; "no-evidence" is stored as null. */
export async function practiceRatingSet(
  db: AppDb,
  runId: string,
  dimensionId: string,
  value: RatingValue,
): Promise<void> {
  await runChange(db, runId, (run) => {
    const ratings = { ...run.ratings };
    if (value === null) delete ratings[dimensionId];
    else ratings[dimensionId] = value === 'no-evidence' ? null : value;
    return { ...run, ratings };
  });
}

export async function practiceSignalSet(db: AppDb, runId: string, signalId: string, isTagged: boolean): Promise<void> {
  await runChange(db, runId, (run) => ({
    ...run,
    signalIds: isTagged
      ? run.signalIds.includes(signalId)
        ? run.signalIds
        : [...run.signalIds, signalId]
      : run.signalIds.filter((s) => s !== signalId),
  }));
}

export async function practiceNotesSet(db: AppDb, runId: string, notes: string): Promise<void> {
  await runChange(db, runId, (run) => ({ ...run, notes }));
}

export async function practiceSectionSet(db: AppDb, runId: string, sectionId: string): Promise<void> {
  await runChange(db, runId, (run) => ({ ...run, sectionId }));
}

/** The run as `practiceScore` takes it: null ratings are "no-evidence". */
export function practiceRunOf(row: Pick<PracticeRunRow, 'caseId' | 'ratings' | 'signalIds'>): PracticeRun {
  return {
    caseId: row.caseId,
    ratings: Object.fromEntries(Object.entries(row.ratings).map(([d, v]) => [d, v === null ? 'no-evidence' : v])),
    signals: row.signalIds,
  };
}

export type PracticeSealResult = { ok: true; score: PracticeScore } | { ok: false; unrated: string[]; message: string };

/**
 * Seals the run and stores its comparison with the key. Every dimension the key rates needs a
 * rating or "no evidence" first (as a real scorecard does); a run already sealed keeps its score.
 */
export async function practiceRunSeal(
  db: AppDb,
  pack: RubricPack,
  runId: string,
  now: number,
): Promise<PracticeSealResult> {
  return db.transaction('rw', db.practiceRuns, async () => {
    const run = await db.practiceRuns.get(runId);
    if (!run) return { ok: false, unrated: [], message: 'This practice run no longer exists.' };
    if (run.sealedAt !== null && run.score) return { ok: true, score: run.score };
    const practiceCase = pack.practiceCases?.find((c) => c.id === run.caseId);
    const unrated = (practiceCase?.key.ratings ?? []).map((k) => k.dimension).filter((d) => !(d in run.ratings));
    if (unrated.length > 0) {
      return {
        ok: false,
        unrated,
        message: `Rate every dimension, or mark it “no evidence”, before sealing (${unrated.length} left).`,
      };
    }
    const scored = practiceScore(pack, practiceRunOf(run));
    if (!scored.ok) return { ok: false, unrated: [], message: scored.message };
    await db.practiceRuns.put({ ...run, sealedAt: now, score: scored.value });
    return { ok: true, score: scored.value };
  });
}

/** Deletes an open run (sealed runs are the history and stay). */
export async function practiceRunDiscard(db: AppDb, runId: string): Promise<void> {
  await db.transaction('rw', db.practiceRuns, async () => {
    await editableRun(db, runId);
    await db.practiceRuns.delete(runId);
  });
}
