/**
 * The audience policy for bundle export: independence has no side door. A panelist who has not
 * sealed their own interview of a candidate must not read colleagues' evidence for that candidate,
 * so a bundle they export carries none of it. A whole-database export cannot be thinned without
 * breaking its audit chain, so it is refused for them, with the reason.
 */
import type { BundleContent, BundleScope } from '../bundle/bundleSchema';
import { interviewPeersVisible } from '../interview/interviewLifecycle';

export type AudienceBundleResult =
  | {
      ok: true;
      content: BundleContent;
      /** Candidates whose colleagues' evidence was left out, and how many interviews that was. */
      withheld: { candidates: number; interviews: number };
    }
  | { ok: false; reason: string };

/** Candidates on whose panel `viewerId` sits without having sealed (independence still applies). */
export function audienceUnsealedCandidates(
  interviews: BundleContent['interviews'],
  viewerId: string | null,
): Set<string> {
  const out = new Set<string>();
  if (!viewerId) return out;
  const byCandidate = new Map<string, BundleContent['interviews']>();
  for (const i of interviews) byCandidate.set(i.candidateId, [...(byCandidate.get(i.candidateId) ?? []), i]);
  for (const [candidateId, own] of byCandidate) if (!interviewPeersVisible(viewerId, own)) out.add(candidateId);
  return out;
}

/**
 * What `viewerId` may carry out in a bundle of `scope` made from `content` (the scope's selection,
 * made from the whole database so every panelist's interviews are seen). Pure.
 */
export function audienceBundleContent(
  content: BundleContent,
  scope: BundleScope,
  viewerId: string | null,
  allInterviews: BundleContent['interviews'] = content.interviews,
): AudienceBundleResult {
  const unsealed = audienceUnsealedCandidates(allInterviews, viewerId);
  if (unsealed.size === 0) return { ok: true, content, withheld: { candidates: 0, interviews: 0 } };
  if (scope.kind === 'all') {
    return {
      ok: false,
      reason: `Export of everything refused: you have not sealed your own interview of ${unsealed.size} candidate${
        unsealed.size === 1 ? '' : 's'
      }, and everything would carry colleagues' evidence for them. Seal your scorecard first, or export your own interviews.`,
    };
  }
  const withheldInterviews = new Set(
    content.interviews.filter((i) => unsealed.has(i.candidateId) && i.interviewerId !== viewerId).map((i) => i.id),
  );
  const keep = <T extends { interviewId: string }>(rows: T[]) => rows.filter((r) => !withheldInterviews.has(r.interviewId));
  const interviews = content.interviews.filter((i) => !withheldInterviews.has(i.id));
  const interviewerIds = new Set(interviews.map((i) => i.interviewerId));
  return {
    ok: true,
    content: {
      ...content,
      interviewers: content.interviewers.filter((p) => interviewerIds.has(p.id)),
      interviews,
      ratings: keep(content.ratings),
      notes: keep(content.notes),
      signalTags: keep(content.signalTags),
      defectFindings: keep(content.defectFindings),
      interviewVersions: keep(content.interviewVersions),
      incidentRuns: keep(content.incidentRuns),
      // A decision is made on colleagues' evidence: it waits for the seal too.
      decisions: content.decisions.filter((d) => !unsealed.has(d.candidateId)),
    },
    withheld: {
      candidates: new Set(content.interviews.filter((i) => withheldInterviews.has(i.id)).map((i) => i.candidateId)).size,
      interviews: withheldInterviews.size,
    },
  };
}
