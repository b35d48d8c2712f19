/** Choosing what goes into a bundle: a self-contained slice of the database for one scope. */
import { bundleTables, type BundleContent, type BundleScope, type BundleTable } from './bundleSchema';

/**
 * The records a bundle of `scope` carries, taken from `all` (a dump of every table):
 * - `loop`: the loop, its candidate, its interviews and their interviewers, everything recorded
 *   in those interviews, and the loop's decisions;
 * - `candidate`: the candidate, all their loops, and the same for each loop;
 * - `interviewer`: that interviewer's interviews with their evidence, plus the loops and
 *   candidates they belong to (no decisions: those are the committee's);
 * - `all`: everything, audit log included (a backup).
 * Scoped bundles carry no audit entries: the log is one chain per machine, and a slice of it
 * would also carry events about other candidates. The importing machine records its own
 * `bundle.imported` event. An unknown id gives an empty selection.
 */
export function bundleContentForScope(all: BundleContent, scope: BundleScope): BundleContent {
  if (scope.kind === 'all') {
    const copy = {} as Record<BundleTable, unknown[]>;
    for (const table of bundleTables) copy[table] = [...all[table]];
    return copy as unknown as BundleContent;
  }
  let interviews: BundleContent['interviews'];
  let loopIds: Set<string>;
  let decisions: BundleContent['decisions'];
  if (scope.kind === 'interviewer') {
    interviews = all.interviews.filter((interview) => interview.interviewerId === scope.id);
    loopIds = new Set(interviews.map((interview) => interview.loopId));
    decisions = [];
  } else {
    loopIds = new Set(
      all.loops
        .filter((loop) => (scope.kind === 'loop' ? loop.id === scope.id : loop.candidateId === scope.id))
        .map((loop) => loop.id),
    );
    interviews = all.interviews.filter((interview) => loopIds.has(interview.loopId));
    decisions = all.decisions.filter((decision) => loopIds.has(decision.loopId));
  }
  const loops = all.loops.filter((loop) => loopIds.has(loop.id));
  const candidateIds = new Set([
    ...loops.map((loop) => loop.candidateId),
    ...interviews.map((interview) => interview.candidateId),
  ]);
  const interviewerIds = new Set(interviews.map((interview) => interview.interviewerId));
  const interviewIds = new Set(interviews.map((interview) => interview.id));
  const ofInterviews = <R extends { interviewId: string }>(records: readonly R[]): R[] =>
    records.filter((record) => interviewIds.has(record.interviewId));
  return {
    candidates: all.candidates.filter((candidate) => candidateIds.has(candidate.id)),
    interviewers: all.interviewers.filter((interviewer) => interviewerIds.has(interviewer.id)),
    loops,
    interviews,
    ratings: ofInterviews(all.ratings),
    notes: ofInterviews(all.notes),
    signalTags: ofInterviews(all.signalTags),
    defectFindings: ofInterviews(all.defectFindings),
    decisions,
    interviewVersions: ofInterviews(all.interviewVersions),
    incidentRuns: ofInterviews(all.incidentRuns),
    audit: [],
  };
}
