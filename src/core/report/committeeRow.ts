/**
 * One candidate's line in the committee's comparison: what the table, its sorting, the overlaid
 * profiles and a decision's "made on earlier evidence" check read of a report, and nothing else.
 * Rows are computed when evidence changes (with the pool statistics) and stored, so the committee
 * screen opens on 5,000 candidates without reading their ratings. Names and contact details are not
 * stored: the screen joins them from the live candidate records (an erasure or a rename shows at once).
 */
import type { CandidateReport, ReportInterviewer } from './reportBuild';

/** What the committee's views read of a report. */
export type CommitteeView = Pick<CandidateReport, 'audience' | 'candidate' | 'levels' | 'inputsHash' | 'score' | 'profile' | 'decisions' | 'recommendation'> & {
  interviewers: Array<Pick<ReportInterviewer, 'interviewId' | 'interviewerId' | 'name' | 'kitTitle' | 'version' | 'overall'>>;
  redFlagCount: number;
};

/** A stored row: the view without names, contact details and decisions. */
export type CommitteeRow = Omit<CommitteeView, 'candidate' | 'decisions'> & {
  candidate: Omit<CandidateReport['candidate'], 'name' | 'email'>;
};

export function committeeRowOf(report: CandidateReport): CommitteeRow {
  const { id, targetLevel, targetLevelTitle } = report.candidate;
  return {
    audience: report.audience,
    candidate: { id, targetLevel, targetLevelTitle },
    levels: report.levels,
    inputsHash: report.inputsHash,
    score: report.score,
    profile: report.profile,
    recommendation: report.recommendation,
    interviewers: report.interviewers.map(({ interviewId, interviewerId, name, kitTitle, version, overall }) => ({
      interviewId,
      interviewerId,
      name,
      kitTitle,
      version,
      overall,
    })),
    redFlagCount: report.signals.redFlag.length,
  };
}

/** A stored row as the screens read it, with the candidate's live record and the decisions. */
export function committeeViewOf(
  row: CommitteeRow,
  candidate: { name: string; email: string },
  decisions: CandidateReport['decisions'],
): CommitteeView {
  return { ...row, candidate: { ...row.candidate, name: candidate.name, email: candidate.email }, decisions };
}
