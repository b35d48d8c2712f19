/**
 * The anchoring audit of a candidate's loop as the report carries it: the audit of
 * `core/anchoring` with names and titles in place of ids, so the screen, the print route and the
 * CLI show the same words and the audience policy can redact them like any other report text.
 */
import { anchoringAudit, type AnchoringDirection } from '../anchoring/anchoringAudit';
import { anchoringSealsFrom } from '../anchoring/anchoringSeals';
import type { Interview, InterviewVersion } from '../model/records';

export interface ReportAnchoringSeal {
  /** 1-based position among all seals of the loop. */
  order: number;
  interviewId: string;
  interviewerName: string;
  kitTitle: string;
  version: number;
  sealedAt: number;
  /** A first seal made while its author could already read another panelist's sealed scorecard. */
  sawOthers: boolean;
}

export interface ReportAnchoringAmendment {
  interviewId: string;
  interviewerName: string;
  version: number;
  sealedAt: number;
  reason: string;
  /** Panelists whose sealed scorecards the author could read when amending, in sealing order. */
  othersSealedBefore: string[];
  /** Whose first sealed scorecard the changes are compared with. */
  anchorInterviewerName: string | null;
  changes: Array<{ dimensionTitle: string; from: number | null; to: number | null; anchor: number | null; direction: AnchoringDirection }>;
  movedToward: number;
  movedAway: number;
}

export interface ReportAnchoring {
  seals: ReportAnchoringSeal[];
  amendmentsAfterOthers: ReportAnchoringAmendment[];
  isIndependent: boolean;
  /** The audit in sentences, in reading order. */
  facts: string[];
  /** Sealed versions whose snapshot could not be read (left out of the audit, named here). */
  problems: string[];
}

export interface ReportAnchoringNames {
  interviewerName: (interviewerId: string) => string;
  kitTitle: (kitId: string) => string;
  dimensionTitle: (dimensionId: string) => string;
}

/** The anchoring audit over `interviews` (one candidate's loop) and their sealed versions. */
export function reportAnchoring(
  interviews: readonly Interview[],
  versions: readonly InterviewVersion[],
  names: ReportAnchoringNames,
): ReportAnchoring {
  const ids = new Set(interviews.map((i) => i.id));
  const { seals, problems } = anchoringSealsFrom(interviews, versions.filter((v) => ids.has(v.interviewId)));
  const audit = anchoringAudit(seals, names.interviewerName);
  const interviewOf = new Map(interviews.map((i) => [i.id, i]));
  const nameOfInterview = (id: string | null) => (id === null ? null : names.interviewerName(interviewOf.get(id)!.interviewerId));
  return {
    seals: audit.seals.map((e) => ({
      order: e.order,
      interviewId: e.interviewId,
      interviewerName: names.interviewerName(e.interviewerId),
      kitTitle: names.kitTitle(interviewOf.get(e.interviewId)!.kitId),
      version: e.version,
      sealedAt: e.sealedAt,
      sawOthers: e.sawOthers,
    })),
    amendmentsAfterOthers: audit.amendmentsAfterOthers.map((a) => ({
      interviewId: a.interviewId,
      interviewerName: names.interviewerName(a.interviewerId),
      version: a.version,
      sealedAt: a.sealedAt,
      reason: a.reason,
      othersSealedBefore: a.othersSealedBefore.map(names.interviewerName),
      anchorInterviewerName: nameOfInterview(a.anchorInterviewId),
      changes: a.changes.map((c) => ({ dimensionTitle: names.dimensionTitle(c.dimensionId), from: c.from, to: c.to, anchor: c.anchor, direction: c.direction })),
      movedToward: a.movedToward,
      movedAway: a.movedAway,
    })),
    isIndependent: audit.isIndependent,
    facts: audit.facts,
    problems,
  };
}
