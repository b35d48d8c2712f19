/**
 * Evidence grouped by candidate and by interview, built once per evidence set. Reports for a
 * whole pool read their candidate's slice from it instead of filtering every table per candidate,
 * which kept the committee screen quadratic in the pool size (1,000 candidates took 50 s).
 */
import type { Candidate, Decision, DefectFinding, Interview, Interviewer, Loop, Note, Rating, SignalTag } from '../model/records';
import type { IncidentRun } from '../incident/runSchema';
import type { ReportEvidence } from './reportBuild';

export interface ReportEvidenceIndex {
  candidates: Map<string, Candidate>;
  interviewers: Map<string, Interviewer>;
  loopsByCandidate: Map<string, Loop[]>;
  interviewsByCandidate: Map<string, Interview[]>;
  ratingsByInterview: Map<string, Rating[]>;
  notesByInterview: Map<string, Note[]>;
  tagsByInterview: Map<string, SignalTag[]>;
  findingsByInterview: Map<string, DefectFinding[]>;
  runsByInterview: Map<string, IncidentRun[]>;
  decisionsByCandidate: Map<string, Decision[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The index of an evidence set, in one pass over each table. */
export function reportEvidenceIndexBuild(evidence: ReportEvidence): ReportEvidenceIndex {
  return {
    candidates: new Map(evidence.candidates.map((c) => [c.id, c])),
    interviewers: new Map(evidence.interviewers.map((p) => [p.id, p])),
    loopsByCandidate: groupBy(evidence.loops, (l) => l.candidateId),
    interviewsByCandidate: groupBy(evidence.interviews, (i) => i.candidateId),
    ratingsByInterview: groupBy(evidence.ratings, (r) => r.interviewId),
    notesByInterview: groupBy(evidence.notes, (n) => n.interviewId),
    tagsByInterview: groupBy(evidence.signalTags, (t) => t.interviewId),
    findingsByInterview: groupBy(evidence.defectFindings, (f) => f.interviewId),
    runsByInterview: groupBy(evidence.incidentRuns, (r) => r.interviewId),
    decisionsByCandidate: groupBy(evidence.decisions ?? [], (d) => d.candidateId),
  };
}

// Evidence sets are snapshots (a live query's result, a parsed bundle): index each once. The table
// sizes are kept with the index so a set that was appended to after indexing is indexed again.
const indexCache = new WeakMap<ReportEvidence, { sizes: string; index: ReportEvidenceIndex }>();

const sizesOf = (e: ReportEvidence) =>
  [e.candidates, e.interviewers, e.loops, e.interviews, e.ratings, e.notes, e.signalTags, e.defectFindings, e.incidentRuns, e.decisions ?? []]
    .map((t) => t.length)
    .join(',');

/** The index of `evidence`, built on first use and reused for every report of the same set. */
export function reportEvidenceIndexOf(evidence: ReportEvidence): ReportEvidenceIndex {
  const sizes = sizesOf(evidence);
  const cached = indexCache.get(evidence);
  if (cached?.sizes === sizes) return cached.index;
  const index = reportEvidenceIndexBuild(evidence);
  indexCache.set(evidence, { sizes, index });
  return index;
}
