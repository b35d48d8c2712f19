/**
 * One candidate's line in the committee's comparison: what the table, its sorting and the overlaid
 * profiles read of a report, and nothing else. Rows are computed when evidence changes (with the
 * pool statistics) and stored compactly (`committeeRowsPacked`: numbers per dimension in the pack's
 * order, each string once) so the committee screen opens on 5,000 candidates from one small read.
 * Names and contact details are not stored: the screen joins them from the live candidate records
 * (an erasure or a rename shows at once). The latest decision as of the rows' audit head is kept
 * in the row; decisions recorded since are read on top of it (`committeeRows.ts`).
 */
import { audienceBlindLabel } from '../audience/audiencePolicy';
import type { Decision } from '../model/records';
import type { CandidateReport, ReportInterviewer, ReportOverall, ReportProfileRow } from './reportBuild';
import { decisionSummary } from './reportDecision';

type Recommendation = CandidateReport['recommendation'];

/** What the committee's views read of a report. */
export interface CommitteeView {
  audience: CandidateReport['audience'];
  candidate: CandidateReport['candidate'] & { blindLabel: string };
  levels: CandidateReport['levels'];
  score: CandidateReport['score'];
  /** The pack's dimensions (one array shared by every view of a screen), and per dimension in that order the raw and calibrated means. */
  dimensions: CommitteePackWords['dimensions'];
  raw: Array<number | null>;
  calibrated: Array<number | null>;
  recommendation: Pick<Recommendation, 'status' | 'level' | 'levelTitle' | 'committeeReview'>;
  interviewers: Array<
    Pick<ReportInterviewer, 'interviewerId' | 'name' | 'kitTitle' | 'version'> & {
      overall: Pick<ReportOverall, 'recommendation' | 'label' | 'disagreement'> | null;
    }
  >;
  redFlagCount: number;
  /** The committee's latest decision ("Hire at Staff"), or null; earlier ones are in the report. */
  decision: CommitteeViewDecision | null;
}

/** The latest decision of a candidate as the committee table shows and sorts it. */
export type CommitteeDecision = Pick<Decision, 'id' | 'outcome' | 'level' | 'decidedAt'>;
export type CommitteeViewDecision = CommitteeDecision & { summary: string };

/** A stored row: the view without names, contact details and the pack's own words. */
export interface CommitteeRow {
  candidateId: string;
  /** `audienceBlindLabel` of the candidate, computed once here rather than on every open. */
  blindLabel: string;
  targetLevel: string;
  audience: CandidateReport['audience'];
  score: CandidateReport['score'];
  /** Raw and calibrated mean per dimension, in the pack's dimension order. */
  raw: Array<number | null>;
  calibrated: Array<number | null>;
  recommendation: CommitteeView['recommendation'];
  interviewers: CommitteeView['interviewers'];
  redFlagCount: number;
  /** The latest decision when the row was computed (the report lists decisions newest first). */
  decision: CommitteeDecision | null;
}

/** The figures of a row that move with the pool statistics: the score, the profile and the recommendation. */
export type CommitteeRowFigures = Pick<CommitteeRow, 'score' | 'raw' | 'calibrated' | 'recommendation'>;

export function committeeRowFiguresOf(
  report: Pick<CandidateReport, 'score' | 'profile' | 'recommendation'>,
): CommitteeRowFigures {
  const { status, level, levelTitle, committeeReview } = report.recommendation;
  return {
    score: report.score,
    raw: report.profile.map((p) => p.raw),
    calibrated: report.profile.map((p) => p.calibrated),
    recommendation: { status, level, levelTitle, committeeReview },
  };
}

export function committeeRowOf(report: CandidateReport): CommitteeRow {
  const latest = report.decisions[0];
  return {
    candidateId: report.candidate.id,
    blindLabel: audienceBlindLabel(report.candidate.id),
    targetLevel: report.candidate.targetLevel,
    audience: report.audience,
    ...committeeRowFiguresOf(report),
    interviewers: report.interviewers.map(({ interviewerId, name, kitTitle, version, overall }) => ({
      interviewerId,
      name,
      kitTitle,
      version,
      overall: overall && {
        recommendation: overall.recommendation,
        label: overall.label,
        disagreement: overall.disagreement,
      },
    })),
    redFlagCount: report.signals.redFlag.length,
    decision: latest
      ? { id: latest.id, outcome: latest.outcome, level: latest.level, decidedAt: latest.decidedAt }
      : null,
  };
}

/** What a row needs of its pack to be read: the dimensions and the ladder, in the pack's order. */
export interface CommitteePackWords {
  dimensions: ReadonlyArray<{ id: string; title: string }>;
  levels: ReadonlyArray<{ id: string; title: string }>;
}

/** A stored row as the screens read it, with the pack's words, the candidate's live record and the latest decision. */
export function committeeViewOf(
  row: CommitteeRow,
  pack: CommitteePackWords,
  candidate: { name: string; email: string },
  decision: CommitteeDecision | null,
  levels: CommitteeView['levels'] = committeeLevelsOf(pack),
): CommitteeView {
  return {
    audience: row.audience,
    candidate: {
      id: row.candidateId,
      name: candidate.name,
      email: candidate.email,
      blindLabel: row.blindLabel,
      targetLevel: row.targetLevel,
      targetLevelTitle: levels.find((l) => l.id === row.targetLevel)?.title ?? row.targetLevel,
    },
    levels,
    score: row.score,
    dimensions: pack.dimensions,
    raw: row.raw,
    calibrated: row.calibrated,
    recommendation: row.recommendation,
    interviewers: row.interviewers,
    redFlagCount: row.redFlagCount,
    decision: decision && { ...decision, summary: decisionSummary(decision, levels) },
  };
}

/** A view's calibrated profile as the profile charts read it (built only for the few charted). */
export function committeeProfileOf(
  view: Pick<CommitteeView, 'dimensions' | 'raw' | 'calibrated'>,
): Array<Pick<ReportProfileRow, 'dimensionId' | 'title' | 'raw' | 'calibrated'>> {
  return view.dimensions.map((d, i) => ({
    dimensionId: d.id,
    title: d.title,
    raw: view.raw[i] ?? null,
    calibrated: view.calibrated[i] ?? null,
  }));
}

/** The pack's ladder as views carry it (one array shared by every view of a screen). */
export function committeeLevelsOf(pack: CommitteePackWords): CommitteeView['levels'] {
  return pack.levels.map(({ id, title }) => ({ id, title }));
}
