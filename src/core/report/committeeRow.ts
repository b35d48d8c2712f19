/**
 * One candidate's line in the committee's comparison: what the table, its sorting, the overlaid
 * profiles and a decision's "made on earlier evidence" check read of a report, and nothing else.
 * Rows are computed when evidence changes (with the pool statistics) and stored compactly — numbers
 * per dimension in the pack's order, no text the pack already holds — so the committee screen opens
 * on 5,000 candidates from one small read. Names and contact details are not stored: the screen joins
 * them from the live candidate records (an erasure or a rename shows at once).
 */
import type { CandidateReport, ReportInterviewer, ReportOverall, ReportProfileRow } from './reportBuild';

type Recommendation = CandidateReport['recommendation'];

/** What the committee's views read of a report. */
export interface CommitteeView {
  audience: CandidateReport['audience'];
  candidate: CandidateReport['candidate'];
  levels: CandidateReport['levels'];
  inputsHash: string;
  score: CandidateReport['score'];
  profile: Array<Pick<ReportProfileRow, 'dimensionId' | 'title' | 'raw' | 'calibrated'>>;
  recommendation: Pick<Recommendation, 'status' | 'level' | 'levelTitle' | 'committeeReview'>;
  interviewers: Array<
    Pick<ReportInterviewer, 'interviewId' | 'interviewerId' | 'name' | 'kitTitle' | 'version'> & {
      overall: Pick<ReportOverall, 'recommendation' | 'label' | 'disagreement'> | null;
    }
  >;
  redFlagCount: number;
  decisions: CandidateReport['decisions'];
}

/** A stored row: the view without names, contact details, decisions and the pack's own words. */
export interface CommitteeRow {
  candidateId: string;
  targetLevel: string;
  audience: CandidateReport['audience'];
  inputsHash: string;
  score: CandidateReport['score'];
  /** Raw and calibrated mean per dimension, in the pack's dimension order. */
  raw: Array<number | null>;
  calibrated: Array<number | null>;
  recommendation: CommitteeView['recommendation'];
  interviewers: CommitteeView['interviewers'];
  redFlagCount: number;
}

export function committeeRowOf(report: CandidateReport): CommitteeRow {
  const { status, level, levelTitle, committeeReview } = report.recommendation;
  return {
    candidateId: report.candidate.id,
    targetLevel: report.candidate.targetLevel,
    audience: report.audience,
    inputsHash: report.inputsHash,
    score: report.score,
    raw: report.profile.map((p) => p.raw),
    calibrated: report.profile.map((p) => p.calibrated),
    recommendation: { status, level, levelTitle, committeeReview },
    interviewers: report.interviewers.map(({ interviewId, interviewerId, name, kitTitle, version, overall }) => ({
      interviewId,
      interviewerId,
      name,
      kitTitle,
      version,
      overall: overall && { recommendation: overall.recommendation, label: overall.label, disagreement: overall.disagreement },
    })),
    redFlagCount: report.signals.redFlag.length,
  };
}

/** What a row needs of its pack to be read: the dimensions and the ladder, in the pack's order. */
export interface CommitteePackWords {
  dimensions: ReadonlyArray<{ id: string; title: string }>;
  levels: ReadonlyArray<{ id: string; title: string }>;
}

/** A stored row as the screens read it, with the pack's words, the candidate's live record and the decisions. */
export function committeeViewOf(
  row: CommitteeRow,
  pack: CommitteePackWords,
  candidate: { name: string; email: string },
  decisions: CandidateReport['decisions'],
): CommitteeView {
  const levels = pack.levels.map(({ id, title }) => ({ id, title }));
  return {
    audience: row.audience,
    candidate: {
      id: row.candidateId,
      name: candidate.name,
      email: candidate.email,
      targetLevel: row.targetLevel,
      targetLevelTitle: levels.find((l) => l.id === row.targetLevel)?.title ?? row.targetLevel,
    },
    levels,
    inputsHash: row.inputsHash,
    score: row.score,
    profile: pack.dimensions.map((d, i) => ({ dimensionId: d.id, title: d.title, raw: row.raw[i] ?? null, calibrated: row.calibrated[i] ?? null })),
    recommendation: row.recommendation,
    interviewers: row.interviewers,
    redFlagCount: row.redFlagCount,
    decisions,
  };
}
