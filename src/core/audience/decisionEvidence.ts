/**
 * Decisions know their evidence: a decision keeps what the report showed when it was made (inputs
 * hash, sealed interviews and their versions, calibrated numbers), and is later compared with the
 * report as it stands. An amendment, an import, or another candidate's erasure (which recomputes
 * every calibrated number) makes it "made on earlier evidence", with what changed.
 */
import type { Decision } from '../model/records';
import type { CandidateReport, ReportInterviewer, ReportProfileRow } from '../report/reportBuild';

export type DecisionEvidence = NonNullable<Decision['evidence']>;

/** The parts of a report a decision's evidence is read from. */
export type DecisionEvidenceReport = Pick<CandidateReport, 'audience' | 'inputsHash' | 'score'> & {
  profile: ReadonlyArray<Pick<ReportProfileRow, 'dimensionId' | 'title' | 'calibrated'>>;
  interviewers: ReadonlyArray<Pick<ReportInterviewer, 'interviewId' | 'version' | 'kitTitle' | 'name'>>;
};

/** Numbers that moved by no more than this are calibration noise, not a change worth naming. */
export const DECISION_NUMBER_TOLERANCE = 0.1;

/** What a decision made on `report` rests on. */
export function decisionEvidenceOf(report: DecisionEvidenceReport): DecisionEvidence {
  return {
    audience: report.audience,
    inputsHash: report.inputsHash,
    interviews: report.interviewers.map((i) => ({ interviewId: i.interviewId, version: i.version, label: `${i.kitTitle} by ${i.name}` })),
    numbers: [
      { key: 'score', title: 'Calibrated score', value: report.score.calibrated },
      ...report.profile.map((p) => ({ key: p.dimensionId, title: p.title, value: p.calibrated })),
    ],
  };
}

export interface DecisionEvidenceCheck {
  /** True when the report the decision was made on is the report as it stands. */
  isCurrent: boolean;
  /** Interviews added, amended or gone since, e.g. "Terraform / IaC review by Ngozi Adeyemi: amended (v1 → v2)". */
  interviews: string[];
  /** Calibrated numbers that moved by more than {@link DECISION_NUMBER_TOLERANCE}. */
  numbers: Array<{ title: string; from: number | null; to: number | null }>;
  /** One line for screens, packets and JSON; null when current. */
  text: string | null;
}

const numberText = (v: number | null) => (v === null ? 'no evidence' : v.toFixed(2));

/** Compares what a decision rested on with the report now. Pure. */
export function decisionEvidenceCheck(recorded: DecisionEvidence, report: DecisionEvidenceReport): DecisionEvidenceCheck {
  const now = decisionEvidenceOf(report);
  const before = new Map(recorded.interviews.map((i) => [i.interviewId, i]));
  const after = new Map(now.interviews.map((i) => [i.interviewId, i]));
  const interviews: string[] = [];
  for (const [id, i] of after) {
    const was = before.get(id);
    if (!was) interviews.push(`${i.label}: added`);
    else if (was.version !== i.version) interviews.push(`${i.label}: amended (v${was.version} → v${i.version})`);
  }
  for (const [id, i] of before) if (!after.has(id)) interviews.push(`${i.label}: no longer in the report`);

  const was = new Map(recorded.numbers.map((n) => [n.key, n]));
  const numbers: DecisionEvidenceCheck['numbers'] = [];
  for (const n of now.numbers) {
    const from = was.get(n.key)?.value ?? null;
    const moved = from === null || n.value === null ? from !== n.value : Math.abs(n.value - from) > DECISION_NUMBER_TOLERANCE;
    if (moved) numbers.push({ title: n.title, from, to: n.value });
  }

  const sameInputs = recorded.audience === now.audience ? recorded.inputsHash === now.inputsHash : interviews.length === 0 && numbers.length === 0;
  if (sameInputs) return { isCurrent: true, interviews: [], numbers: [], text: null };
  const parts = [
    ...interviews,
    ...numbers.map((n) => `${n.title} ${numberText(n.from)} → ${numberText(n.to)}`),
  ];
  return {
    isCurrent: false,
    interviews,
    numbers,
    text: `Made on earlier evidence: ${parts.length > 0 ? parts.join('; ') : `the report's inputs changed, no number moved by more than ${DECISION_NUMBER_TOLERANCE}`}.`,
  };
}
