/**
 * One interviewer's sealed scorecard, read-only (SPEC §6 "Scorecards and evidence"): ratings with
 * the anchor that applied, every note (time, dimension, private marked), signals, defect findings,
 * incident outcome, overall recommendation and amendments with their reasons. Cut from the
 * candidate's report, so a scorecard and the report can never tell two stories.
 */
import { interviewIsAmending, interviewIsSealed } from '../interview/interviewLifecycle';
import type { Interview } from '../model/records';
import type {
  CandidateReport,
  ReportExercise,
  ReportIncident,
  ReportInterviewer,
  ReportNote,
  ReportSignal,
} from './reportBuild';

export interface ReportScorecard {
  candidate: CandidateReport['candidate'];
  interviewer: ReportInterviewer;
  ratings: Array<{ dimensionId: string; title: string; raw: number | 'no-evidence'; anchor: string | null }>;
  /** Every note of the interview this audience may read, in time order, with its dimension's title. */
  notes: Array<ReportNote & { dimensionTitle: string | null }>;
  signals: ReportSignal[];
  exercise: ReportExercise | null;
  incident: ReportIncident | null;
}

/** The scorecard of `interviewId` inside `report`, or null when the report holds no such sealed interview. */
export function reportScorecard(report: CandidateReport, interviewId: string): ReportScorecard | null {
  const interviewer = report.interviewers.find((i) => i.interviewId === interviewId);
  if (!interviewer) return null;
  const titleOf = (dimensionId: string | null) => report.profile.find((p) => p.dimensionId === dimensionId)?.title ?? null;
  const all = [...report.signals.redFlag, ...report.signals.strong, ...report.signals.weak];
  return {
    candidate: report.candidate,
    interviewer,
    ratings: interviewer.ratings.map((r) => ({ dimensionId: r.dimensionId, title: titleOf(r.dimensionId) ?? r.dimensionId, raw: r.raw, anchor: r.anchor })),
    notes: report.notes.filter((n) => n.interviewId === interviewId).map((n) => ({ ...n, dimensionTitle: titleOf(n.dimensionId) })),
    signals: all.filter((s) => s.interviewId === interviewId),
    exercise: report.exercises.find((e) => e.interviewId === interviewId) ?? null,
    incident: report.incidents.find((i) => i.interviewId === interviewId) ?? null,
  };
}

export type ScorecardAccess = { ok: true } | { ok: false; reason: string };

/**
 * Who may open a colleague's sealed scorecard: the committee (a viewer who is not on this
 * candidate's panel, or no profile at all) and a panelist once they have sealed their own
 * interview of the candidate. A panelist who has not sealed yet may not: independent scoring
 * means no peeking before one's own scores are in. A scorecard that is not sealed opens for no one.
 */
export function scorecardAccess(
  viewerId: string | null,
  interview: Pick<Interview, 'id' | 'interviewerId' | 'status'>,
  candidateInterviews: ReadonlyArray<Pick<Interview, 'interviewerId' | 'status' | 'version'>>,
): ScorecardAccess {
  if (!interviewIsSealed(interview)) {
    return { ok: false, reason: 'This scorecard is not sealed yet: it opens read-only once its interviewer submits it.' };
  }
  if (viewerId === null || viewerId === interview.interviewerId) return { ok: true };
  const own = candidateInterviews.filter((i) => i.interviewerId === viewerId);
  // Amending one's own sealed scorecard does not undo having scored independently.
  if (own.length > 0 && !own.every((i) => interviewIsSealed(i) || interviewIsAmending(i))) {
    return {
      ok: false,
      reason:
        "You are on this candidate's panel and have not sealed your own scorecard yet. Colleagues' scorecards open once yours is submitted, so your scores stay independent.",
    };
  }
  return { ok: true };
}
