/**
 * The pool's sealed ratings of a rubric pack in a compact form (ratings only: no notes, tags or
 * findings), stored beside the pool statistics and brought up to date from the audit entries
 * appended since it was stored: a seal, an amendment or a re-opening names the one interview it
 * changed, so after a seal only that interview's evidence row is read, not the 25,000 rows of the
 * pool with their notes. Any other change to sealed evidence (an import, an erasure, a purge, a
 * restore, a conflict taken) or a log that does not continue the stored head rebuilds it from
 * every sealed interview of the pack.
 *
 * The ratings come out in the order the whole-pool read gives them (interviews by id, each
 * interview's ratings in dimension order), so the statistics computed from them are exactly those
 * of a full recomputation.
 */
import {
  poolRatingsEncode,
  poolRatingsPatched,
  poolInterviewOf,
  type PoolInterview,
  type PoolRatingsEntry,
  POOL_RATINGS_FORMAT,
} from '../../core/calibration/poolRatingsEntry';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import type { AuditAction } from '../../core/audit/auditSchema';
import type { Interview } from '../../core/model/records';
import type { AppDb } from './appDb';
import { auditEntriesSinceHead } from './auditSinceHead';
import { evidenceRowsInSlices, evidenceRowsOf, type EvidenceRow } from './evidenceRows';
import { poolStatsKey, type PoolStatsPack } from './poolStatsKey';
import { packSealedInterviews } from './packInterviews';

/** Settings key prefix of the stored pool ratings (one entry per pack). */
export const poolRatingsSettingPrefix = 'poolRatings:';
export const poolRatingsSettingKey = (packId: string) => `${poolRatingsSettingPrefix}${packId}`;

/**
 * Audit actions that change no sealed rating (of any interview): the pool is unchanged by them.
 * Anything not listed here and not in `oneInterviewActions` rebuilds the pool.
 */
const ratingNeutralActions: ReadonlySet<string> = new Set<AuditAction>([
  'candidate.created',
  'loop.created',
  'loop.closed',
  'loop.reopened',
  'decision.recorded',
  'report.exported',
  'note.deleted',
  'note.restored',
  'key.trusted',
  'key.confirmed',
  'key.replaced',
]);
/** Audit actions whose subject is the one interview whose sealed ratings they changed. */
const oneInterviewActions: ReadonlySet<string> = new Set<AuditAction>([
  'interview.submitted',
  'interview.amended',
  'interview.reopened',
]);

/** The stored pool ratings of a pack, of whichever state they were stored at. */
export async function poolRatingsStored(db: AppDb, packId: string): Promise<PoolRatingsEntry | undefined> {
  const value = (await db.settings.get(poolRatingsSettingKey(packId)))?.value as PoolRatingsEntry | undefined;
  return value?.format === POOL_RATINGS_FORMAT ? value : undefined;
}

/** Every sealed interview of the pack's loops, read whole (each evidence row once). */
async function poolRatingsRebuild(db: AppDb, packId: string): Promise<Map<string, PoolInterview>> {
  const interviews = await packSealedInterviews(db, packId);
  return poolOf(interviews, await evidenceRowsOf(db, interviews.map((i) => i.id)));
}

function poolOf(interviews: readonly Interview[], rows: readonly EvidenceRow[]): Map<string, PoolInterview> {
  const rowById = new Map(rows.map((r) => [r.interviewId, r]));
  return new Map(interviews.map((i) => [i.id, poolInterviewOf(i, rowById.get(i.id)?.ratings ?? [])]));
}

/**
 * The interviews whose sealed ratings changed after `stored` (null: something else changed, or
 * the log does not continue the stored head: rebuild).
 */
async function poolRatingsChangedSince(
  db: AppDb,
  stored: PoolRatingsEntry,
  headSeq: number,
): Promise<Set<string> | null> {
  const entries = await auditEntriesSinceHead(db, stored, headSeq);
  if (!entries) return null;
  const changed = new Set<string>();
  for (const entry of entries) {
    if (oneInterviewActions.has(entry.action)) changed.add(entry.subject);
    else if (!ratingNeutralActions.has(entry.action)) return null;
  }
  return changed;
}

/**
 * The pack's pool ratings at the current audit head, from `stored` (read before, of whichever head
 * it names) and the interviews changed since (or rebuilt), and whether it was rebuilt. Run inside
 * a read transaction over audit, loops, interviews and evidence, so the result is of one state;
 * settings stay out of it, so a rebuild never holds up a setting's write.
 */
export async function poolRatingsCurrent(
  db: AppDb,
  packId: string,
  stored: PoolRatingsEntry | undefined,
): Promise<{ entry: PoolRatingsEntry; isRebuilt: boolean }> {
  return (await poolRatingsUpdated(db, packId, stored, true))!;
}

/** Rebuilds read in slices tried before one read of the whole pool in a single transaction. */
const slicedRebuildTries = 3;

/**
 * {@link poolRatingsCurrent} with its audit key, for background work (not inside a transaction):
 * a rebuild — after an import, an erasure, a restore — reads the pool's evidence rows a slice at a
 * time (`evidenceRowsInSlices`), so a report opened meanwhile waits for one slice, not for the
 * whole pool's rows with their notes; the result is kept only if the audit head did not move
 * during the read, else it is read again.
 */
export async function poolRatingsAtHead(
  db: AppDb,
  pack: PoolStatsPack,
  stored: PoolRatingsEntry | undefined,
): Promise<{ key: string; pool: { entry: PoolRatingsEntry; isRebuilt: boolean } }> {
  const tables = [db.audit, db.loops, db.interviews, db.evidence];
  for (let attempt = 0; attempt < slicedRebuildTries; attempt++) {
    const first = await db.transaction('r', tables, async () => {
      const key = await poolStatsKey(db, pack);
      const updated = await poolRatingsUpdated(db, pack.id, stored, false);
      if (updated) return { key, updated };
      return { key, head: await db.audit.orderBy('seq').last(), interviews: await packSealedInterviews(db, pack.id) };
    });
    if (first.updated) return { key: first.key, pool: first.updated };
    const rows = await evidenceRowsInSlices(db, first.interviews!.map((i) => i.id));
    if ((await db.transaction('r', db.audit, () => poolStatsKey(db, pack))) !== first.key) continue;
    const entry = poolRatingsEncode(poolOf(first.interviews!, rows), first.head?.seq ?? 0, first.head?.hash ?? '');
    return { key: first.key, pool: { entry, isRebuilt: true } };
  }
  return db.transaction('r', tables, async () => ({
    key: await poolStatsKey(db, pack),
    pool: await poolRatingsCurrent(db, pack.id, stored),
  }));
}

/**
 * `stored` brought to the current head from the interviews changed since; when it cannot be (see
 * `poolRatingsChangedSince`), rebuilt from every row if `mayRebuild`, else null. One function, not
 * two awaiting each other: Dexie keeps a transaction across only so many native awaits in a row.
 */
async function poolRatingsUpdated(
  db: AppDb,
  packId: string,
  stored: PoolRatingsEntry | undefined,
  mayRebuild: boolean,
): Promise<{ entry: PoolRatingsEntry; isRebuilt: boolean } | null> {
  const head = await db.audit.orderBy('seq').last();
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? '';
  if (stored && stored.auditSeq === headSeq && stored.auditHash === headHash) return { entry: stored, isRebuilt: false };
  const changed = stored ? await poolRatingsChangedSince(db, stored, headSeq) : null;
  if (!stored || !changed) {
    if (!mayRebuild) return null;
    return { entry: poolRatingsEncode(await poolRatingsRebuild(db, packId), headSeq, headHash), isRebuilt: true };
  }
  const ids = [...changed];
  const [interviews, rows] = await Promise.all([db.interviews.bulkGet(ids), evidenceRowsOf(db, ids)]);
  const loops = await db.loops.bulkGet(interviews.map((i) => i?.loopId ?? ''));
  const rowById = new Map(rows.map((r) => [r.interviewId, r]));
  const changes = new Map<string, PoolInterview | null>();
  ids.forEach((id, n) => {
    const interview = interviews[n];
    const isInPool = interview && interviewIsSealed(interview) && loops[n]?.packId === packId;
    changes.set(id, isInPool ? poolInterviewOf(interview, rowById.get(id)?.ratings ?? []) : null);
  });
  return { entry: poolRatingsPatched(stored, changes, headSeq, headHash), isRebuilt: false };
}
