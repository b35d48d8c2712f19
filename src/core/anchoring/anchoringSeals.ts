/** A loop's sealed versions as the anchoring audit reads them: ratings out of each version's snapshot. */
import { evidenceFromSnapshot } from '../audit/evidenceSeal';
import type { Interview, InterviewVersion } from '../model/records';
import type { AnchoringSeal } from './anchoringAudit';

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
    const read = evidenceFromSnapshot(v.snapshot);
    if (!read.ok) {
      problems.push(`interview ${v.interviewId} version ${v.version}: ${read.message}`);
      continue;
    }
    const ratings: Record<string, number | null> = {};
    for (const r of read.evidence.ratings) ratings[r.dimensionId] = r.state === 'rated' ? r.score : null;
    seals.push({
      interviewId: v.interviewId,
      interviewerId: interview.interviewerId,
      version: v.version,
      sealedAt: v.sealedAt,
      reason: v.version === 1 ? '' : v.reason,
      ratings,
    });
  }
  return { seals, problems };
}
