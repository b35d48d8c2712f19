/** A loop's sealed versions as the anchoring audit reads them: ratings out of each version's snapshot. */
import { snapshotObjectOf } from '../audit/snapshotObject';
import type { Interview, InterviewVersion } from '../model/records';
import type { AnchoringSeal } from './anchoringAudit';

type SnapshotRatings = { ok: true; ratings: AnchoringSeal['ratings'] } | { ok: false; message: string };

/**
 * Each rating's score (null when rated "no evidence") by dimension, out of a snapshot's text. The
 * records were checked by their schemas when sealed or imported (`evidenceFromSnapshot`); this
 * reads the three fields the audit needs and names a rating where they are not what a rating holds.
 */
function snapshotRatingsOf(snapshot: string): SnapshotRatings {
  const read = snapshotObjectOf(snapshot);
  if (!read.ok) return read;
  const list = read.value['ratings'] ?? [];
  if (!Array.isArray(list)) return { ok: false, message: "the snapshot's ratings is not a list" };
  const ratings: Record<string, number | null> = {};
  for (let i = 0; i < list.length; i++) {
    const { dimensionId, state, score } = (list[i] ?? {}) as Record<string, unknown>;
    const isRated = state === 'rated' && typeof score === 'number';
    if (typeof dimensionId !== 'string' || (!isRated && state !== 'no-evidence'))
      return { ok: false, message: `the snapshot's ratings[${i}] is not a valid record` };
    ratings[dimensionId] = isRated ? score : null;
  }
  return { ok: true, ratings };
}

/**
 * One `AnchoringSeal` per sealed version of the given interviews (pass one loop's). A version whose
 * interview is not given is skipped; one whose snapshot cannot be read is left out and named in
 * `problems`, so the audit never silently treats it as "no ratings".
 */
export function anchoringSealsFrom(
  interviews: readonly Interview[],
  versions: readonly InterviewVersion[],
): { seals: AnchoringSeal[]; problems: string[] } {
  const byId = new Map(interviews.map((i) => [i.id, i]));
  const seals: AnchoringSeal[] = [];
  const problems: string[] = [];
  for (const v of versions) {
    const interview = byId.get(v.interviewId);
    if (!interview) continue;
    const read = snapshotRatingsOf(v.snapshot);
    if (!read.ok) {
      problems.push(`interview ${v.interviewId} version ${v.version}: ${read.message}`);
      continue;
    }
    seals.push({
      interviewId: v.interviewId,
      interviewerId: interview.interviewerId,
      version: v.version,
      sealedAt: v.sealedAt,
      reason: v.version === 1 ? '' : v.reason,
      ratings: read.ratings,
    });
  }
  return { seals, problems };
}
