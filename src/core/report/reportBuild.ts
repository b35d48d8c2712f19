/**
 * The candidate report (SPEC §6): one pure function from the pack, the candidate's sealed
 * evidence and the pool's calibration to everything a committee reads — calibrated profile beside
 * raw, per-interviewer breakdown, signals with their evidence (red flags first), exercise and
 * incident outcomes, reliability, and the level recommendation with its reasons. Reports are never
 * stored: they are recomputed, and `inputsHash` names exactly what they were computed from.
 */
import { canonicalJson } from '../canonical/canonicalJson';
import { calibrateColumns, type Calibration, type RatingObservation } from '../calibration/calibrateRatings';
import type { CandidateCalibration } from '../calibration/calibrationTypes';
import { calibrationColumnsBuilder, type CalibrationColumns } from '../calibration/calibrationColumns';
import { sha256Hex } from '../crypto/sha256';
import { defectReviewSummary } from '../exercise/defectScore';
import { incidentOutcome, incidentReplayEndMs, type IncidentOutcome } from '../incident/outcome';
import type { IncidentRun } from '../incident/runSchema';
import { interviewIsSealed } from '../interview/interviewLifecycle';
import { levelRecommend, type LevelRecommendation } from '../levels/levelRecommend';
import type {
  Candidate,
  Decision,
  DefectFinding,
  Interview,
  Interviewer,
  InterviewVersion,
  Loop,
  Note,
  OverallRecommendation,
  Rating,
  SignalTag,
} from '../model/records';
import type { RubricPack, Severity, SignalPolarity } from '../rubric/schema';
import { reportAnchoring, type ReportAnchoring } from './reportAnchoring';
import { reportDecisions, type ReportDecision } from './reportDecision';
import { reportEvidenceIndexOf } from './reportEvidenceIndex';
import { reportOverall } from './reportOverall';
import { reportReliability } from './reportReliability';
import { reportSignalsCollect, reportSignalsOf } from './reportSignals';
import { byCodeUnits } from '../text/codeUnitOrder';

export type ReportAudience = 'committee' | 'recruiter';

export interface ReportEvidence {
  candidates: Candidate[];
  loops: Loop[];
  interviews: Interview[];
  interviewers: Interviewer[];
  ratings: Rating[];
  notes: Note[];
  signalTags: SignalTag[];
  defectFindings: DefectFinding[];
  incidentRuns: IncidentRun[];
  /** The committee's decisions, when known: carried beside the report, never among its inputs. */
  decisions?: Decision[];
  /**
   * Sealed versions, when known: the report's anchoring audit reads who sealed when from them.
   * Not among the inputs (each interview's version and seal time already are).
   */
  interviewVersions?: InterviewVersion[];
}

export interface ReportInput {
  pack: RubricPack;
  candidateId: string;
  /** Everything known; the report keeps what belongs to the candidate and is sealed. */
  evidence: ReportEvidence;
  /** Calibration over the pool (see {@link reportPoolCalibration}); computed once for many reports. */
  calibration: Calibration;
  audience: ReportAudience;
}

export interface ReportProfileRow {
  dimensionId: string;
  title: string;
  raw: number | null;
  calibrated: number | null;
  raters: number;
  noEvidence: number;
  spread: { sd: number | null; min: number; max: number } | null;
  interval: [number, number] | null;
  flags: string[];
  /** Minimum the pack expects at the candidate's target level. */
  expectedAtTarget: number | null;
}

export interface ReportInterviewerRating {
  dimensionId: string;
  raw: number | 'no-evidence';
  calibrated: number | null;
  /** The anchor of the point given ("3 · Strong: …"), so the number reads as behaviour. */
  anchor: string | null;
}

export interface ReportInterviewer {
  interviewId: string;
  interviewerId: string;
  name: string;
  kitId: string;
  kitTitle: string;
  version: number;
  submittedAt: number | null;
  amendReason: string;
  /** Overall leniency offset of this interviewer over the pool, and how many comparisons it rests on. */
  offset: number;
  offsetRestsOn: number;
  /** Standard error of the offset; `null` when it cannot be estimated (no comparisons). */
  offsetSe: number | null;
  /** offset ± 1.96 SE: where the interviewer's true leniency lies with about 95 % confidence. */
  offsetInterval: [number, number] | null;
  ratings: ReportInterviewerRating[];
  /** The interviewer's overall recommendation and key takeaways (null on scorecards sealed before it was asked). */
  overall: ReportOverall | null;
}

export interface ReportOverall {
  recommendation: OverallRecommendation;
  /** "Strong no", "No", "Yes", "Strong yes". */
  label: string;
  takeaways: string;
  /** Mean of this interviewer's own raw ratings (null when they rated nothing). */
  ratingsMean: number | null;
  /** Set when the overall recommendation and the interviewer's own ratings point far apart. */
  disagreement: string | null;
}

/** One note as the report shows it (private notes are left out of a recruiter report when built). */
export interface ReportNote {
  id: string;
  interviewId: string;
  interviewerName: string;
  at: number;
  text: string;
  dimensionId: string | null;
  isPrivate: boolean;
  /** Signals that cite this note as their evidence. */
  signalIds: string[];
}

/** Under one dimension, what one interviewer recorded: their rating, the notes and signals behind it. */
export interface ReportDimensionEvidence {
  interviewId: string;
  interviewerName: string;
  kitTitle: string;
  rating: number | 'no-evidence' | null;
  anchor: string | null;
  /** Notes linked to this dimension (ids into `notes`), in time order. */
  noteIds: string[];
  /** Signals of the catalogue that evidence this dimension, with the notes they cite. */
  signals: Array<{ signalId: string; title: string; polarity: SignalPolarity; noteIds: string[] }>;
}

export interface ReportSignalEvidence {
  /** Interview time (ms since its start) or sim time for incident signals. */
  at: number;
  text: string;
  isPrivate: boolean;
  /** The note this evidence is, when it is one. */
  noteId: string | null;
}

export interface ReportSignal {
  signalId: string;
  title: string;
  description: string;
  polarity: SignalPolarity;
  severity: 'low' | 'medium' | 'high';
  levelCap: string | null;
  /** Who raised it: the interviewer's tag, the incident simulation's rules, or both (one entry). */
  sources: Array<'interviewer' | 'incident'>;
  interviewId: string;
  interviewerName: string;
  kitTitle: string;
  evidence: ReportSignalEvidence[];
}

export interface ReportExercise {
  interviewId: string;
  exerciseId: string;
  title: string;
  interviewerName: string;
  found: number;
  total: number;
  weightedScore: number;
  foundDefects: Array<{ title: string; severity: Severity; foundAt: number }>;
  missedDefects: Array<{ title: string; severity: Severity }>;
}

export interface ReportIncident {
  interviewId: string;
  scenarioId: string;
  title: string;
  interviewerName: string;
  outcome: IncidentOutcome;
}

export interface ReportReliabilityRow {
  dimensionId: string;
  title: string;
  candidates: number;
  raters: number;
  alphaOrdinal: number | null;
  alphaReason: string | null;
  alphaBand: string | null;
  icc2: number | null;
  iccReason: string | null;
  iccBand: string | null;
  /** The row in plain words: how well the panel agreed on this dimension, or why it cannot be said. */
  meaning: string;
}

export interface ReportReliability {
  rows: ReportReliabilityRow[];
  sources: string[];
  /** Plain words beside the figures: agreed on, not agreed on, how far to trust them, why ICC is missing. */
  summary: { agreed: string; notAgreed: string; trust: string; iccMissing: string | null };
}

export interface CandidateReport {
  audience: ReportAudience;
  candidate: { id: string; name: string; email: string; targetLevel: string; targetLevelTitle: string };
  pack: { id: string; title: string; role: string; version: string; hash: string };
  /** The ladder, lowest first, for titles. */
  levels: Array<{ id: string; title: string }>;
  /** SHA-256 of the canonical JSON of every input the report used. Same inputs → same hash. */
  inputsHash: string;
  interviewCount: number;
  /** Interviews planned but not sealed yet: the report may change when they come in. */
  pendingInterviews: number;
  score: { raw: number | null; calibrated: number | null };
  profile: ReportProfileRow[];
  interviewers: ReportInterviewer[];
  /** Every note of the sealed scorecards this audience may read, in interviewer then time order. */
  notes: ReportNote[];
  /** Per dimension (pack order), per interviewer: the rating and the words behind it. */
  evidenceByDimension: Array<{ dimensionId: string; title: string; entries: ReportDimensionEvidence[] }>;
  /** Per interviewer, the notes linked to no dimension (ids into `notes`). */
  generalNotes: Array<{ interviewId: string; interviewerName: string; noteIds: string[] }>;
  signals: { redFlag: ReportSignal[]; strong: ReportSignal[]; weak: ReportSignal[] };
  exercises: ReportExercise[];
  incidents: ReportIncident[];
  reliability: ReportReliability;
  /** The committee's decisions on this candidate, newest first (empty: none recorded yet). Not an input. */
  decisions: ReportDecision[];
  /** Who sealed when, amendments after others had sealed, independence as facts; `null` when the sealed versions were not given. */
  anchoring: ReportAnchoring | null;
  recommendation: LevelRecommendation & { levelTitle: string | null; cappedFromTitle: string | null; provisionalLevelTitle: string | null };
}

/** Sealed ratings as calibration observations ("no evidence" = null, never a number). */
export function reportObservations(interviews: readonly Interview[], ratings: readonly Rating[]): RatingObservation[] {
  const sealed = new Map(interviews.filter(interviewIsSealed).map((i) => [i.id, i]));
  const out: RatingObservation[] = [];
  for (const r of ratings) {
    const interview = sealed.get(r.interviewId);
    if (!interview) continue;
    out.push({
      candidateId: interview.candidateId,
      interviewerId: interview.interviewerId,
      dimensionId: r.dimensionId,
      score: r.state === 'rated' ? r.score : null,
    });
  }
  return out;
}

/**
 * Calibration over the pool of sealed ratings for one pack: leniency offsets are estimated from
 * every candidate the interviewers rated, not only the one being reported.
 */
export function reportPoolCalibration(pack: RubricPack, evidence: Pick<ReportEvidence, 'interviews' | 'ratings' | 'loops'>): Calibration {
  const loopsOfPack = new Set(evidence.loops.filter((l) => l.packId === pack.manifest.id).map((l) => l.id));
  const interviews = evidence.interviews.filter((i) => loopsOfPack.has(i.loopId));
  return calibrateColumns(
    reportColumns(
      interviews,
      evidence.ratings,
      pack.dimensions.map((d) => d.id),
    ),
  );
}

/**
 * The sealed ratings as calibration columns, straight from the rows (no object per rating): the
 * same ratings, in the same order, as `calibrationColumnsFrom(reportObservations(…))`.
 */
export function reportColumns(
  interviews: readonly Interview[],
  ratings: readonly Rating[],
  dimensionIds: readonly string[],
): CalibrationColumns {
  const sealed = new Map<string, Interview>();
  for (const i of interviews) if (interviewIsSealed(i)) sealed.set(i.id, i);
  const builder = calibrationColumnsBuilder(dimensionIds);
  for (const r of ratings) {
    const interview = sealed.get(r.interviewId);
    if (!interview) continue;
    builder.add(interview.candidateId, interview.interviewerId, r.dimensionId, r.state === 'rated' ? r.score : null);
  }
  return builder.build();
}

/** z of a two-sided 95 % interval around a leniency offset. */
const OFFSET_Z95 = 1.96;

const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits + 0);

/** "3 · Strong: summary" for a rating, from the dimension's anchored scale. */
function anchorText(pack: RubricPack, dimensionId: string, score: number): string | null {
  const anchor = pack.dimensions.find((d) => d.id === dimensionId)?.anchors.find((a) => a.score === score);
  return anchor ? `${score} · ${anchor.label}: ${anchor.summary}` : null;
}

/** The candidate's profile (pack order) from their calibration (undefined: nothing rated). */
export function reportProfileOf(
  pack: Pick<RubricPack, 'dimensions'>,
  cal: CandidateCalibration | undefined,
  targetLevel: string,
): ReportProfileRow[] {
  return pack.dimensions.map((d) => {
    const s = cal?.dimensions[d.id];
    return {
      dimensionId: d.id,
      title: d.title,
      raw: round(s?.raw ?? null),
      calibrated: round(s?.calibrated ?? null),
      raters: s?.raters ?? 0,
      noEvidence: s?.noEvidence ?? 0,
      spread: s?.spread ? { sd: round(s.spread.sd), min: s.spread.min, max: s.spread.max } : null,
      // A t interval from two raters can run far past the scale; the scale's ends are what is possible.
      interval: s?.interval ? [round(Math.max(1, s.interval[0]))!, round(Math.min(4, s.interval[1]))!] : null,
      flags: s ? [...s.flags] : ['no-evidence'],
      expectedAtTarget: d.expectations[targetLevel] ?? null,
    };
  });
}

/** The candidate's overall score, raw and calibrated. */
export function reportScoreOf(cal: CandidateCalibration | undefined): CandidateReport['score'] {
  return { raw: round(cal?.raw ?? null), calibrated: round(cal?.calibrated ?? null) };
}

/** The level recommendation from the profile, the red flags raised and the scorecards sealed of those planned. */
export function reportRecommendationOf(
  pack: RubricPack,
  profile: readonly ReportProfileRow[],
  redFlags: ReadonlyArray<{ signalId: string }>,
  scorecards: { sealed: number; planned: number },
): CandidateReport['recommendation'] {
  const levelTitle = (id: string | null | undefined) => (id ? (pack.levels.find((l) => l.id === id)?.title ?? id) : null);
  const levelProfile = Object.fromEntries(profile.map((p) => [p.dimensionId, { calibrated: p.calibrated, interval: p.interval }]));
  const recommendation = levelRecommend(pack, levelProfile, redFlags, scorecards);
  return {
    ...recommendation,
    levelTitle: levelTitle(recommendation.level),
    cappedFromTitle: levelTitle(recommendation.cappedFrom),
    provisionalLevelTitle: levelTitle(recommendation.provisionalLevel),
  };
}

export function reportBuild(input: ReportInput): CandidateReport {
  const { pack, candidateId, evidence, calibration, audience } = input;
  const index = reportEvidenceIndexOf(evidence);
  const candidate = index.candidates.get(candidateId);
  if (!candidate) throw new Error(`reportBuild: unknown candidate ${candidateId}`);
  const loopIds = new Set((index.loopsByCandidate.get(candidateId) ?? []).filter((l) => l.packId === pack.manifest.id).map((l) => l.id));
  const all = (index.interviewsByCandidate.get(candidateId) ?? []).filter((i) => loopIds.has(i.loopId));
  const interviews = all.filter(interviewIsSealed).sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || byCodeUnits(a.id, b.id));
  const interviewById = new Map(interviews.map((i) => [i.id, i]));
  const slice = <T,>(byInterview: Map<string, T[]>) => interviews.flatMap((i) => byInterview.get(i.id) ?? []);
  const ratings = slice(index.ratingsByInterview);
  const notes = slice(index.notesByInterview).sort((a, b) => a.at - b.at || byCodeUnits(a.id, b.id));
  const tags = slice(index.tagsByInterview);
  const findings = slice(index.findingsByInterview);
  const runs = slice(index.runsByInterview);
  const visibleNotes = audience === 'recruiter' ? notes.filter((n) => !n.isPrivate) : notes;

  const nameOf = (interviewerId: string) => index.interviewers.get(interviewerId)?.name ?? 'Unknown interviewer';
  const kitTitle = (kitId: string) => pack.kits.find((k) => k.id === kitId)?.title ?? kitId;
  const levelTitle = (id: string | null | undefined) => (id ? (pack.levels.find((l) => l.id === id)?.title ?? id) : null);
  const cal = calibration.candidates[candidateId];

  const profile = reportProfileOf(pack, cal, candidate.targetLevel);

  const reportInterviewers: ReportInterviewer[] = interviews.map((i) => {
    const rater = calibration.raters[i.interviewerId];
    const own = index.ratingsByInterview.get(i.id) ?? [];
    return {
      interviewId: i.id,
      interviewerId: i.interviewerId,
      name: nameOf(i.interviewerId),
      kitId: i.kitId,
      kitTitle: kitTitle(i.kitId),
      version: i.version,
      submittedAt: i.submittedAt,
      amendReason: i.amendReason,
      offset: round(rater?.overall.offset ?? 0)!,
      offsetRestsOn: rater?.overall.n ?? 0,
      offsetSe: round(rater?.overall.se ?? null, 3),
      offsetInterval:
        rater && rater.overall.se !== null
          ? [round(rater.overall.offset - OFFSET_Z95 * rater.overall.se)!, round(rater.overall.offset + OFFSET_Z95 * rater.overall.se)!]
          : null,
      ratings: pack.dimensions
        .map((d) => own.find((r) => r.dimensionId === d.id))
        .filter((r): r is Rating => !!r)
        .map((r) => {
          if (r.state === 'no-evidence') return { dimensionId: r.dimensionId, raw: 'no-evidence' as const, calibrated: null, anchor: null };
          const applied = rater?.dimensions[r.dimensionId]?.applied.offset ?? rater?.overall.offset ?? 0;
          return { dimensionId: r.dimensionId, raw: r.score, calibrated: round(r.score - applied), anchor: anchorText(pack, r.dimensionId, r.score) };
        }),
      overall: reportOverall(i, own),
    };
  });

  const incidents: ReportIncident[] = [];
  for (const run of runs) {
    const scenario = pack.scenarios.find((s) => s.id === run.scenarioId);
    const interview = interviewById.get(run.interviewId)!;
    if (!scenario) continue;
    const endMs = run.endedAt ?? incidentReplayEndMs(scenario, run.log);
    const outcome = incidentOutcome(scenario, run.seed, run.log, endMs);
    incidents.push({ interviewId: run.interviewId, scenarioId: scenario.id, title: scenario.title, interviewerName: nameOf(interview.interviewerId), outcome });
  }
  const signals = reportSignalsCollect(
    {
      pack,
      interviewOf: (id) => interviewById.get(id),
      interviewerName: nameOf,
      kitTitle,
      visibleNotes: new Map(visibleNotes.map((n) => [n.id, n])),
    },
    tags,
    incidents,
  );

  const exercises: ReportExercise[] = [];
  for (const interview of interviews) {
    const kit = pack.kits.find((k) => k.id === interview.kitId);
    const exercise = kit?.exercise ? pack.exercises.find((e) => e.id === kit.exercise) : undefined;
    if (!exercise || exercise.format !== 'artifact-review') continue;
    const own = index.findingsByInterview.get(interview.id) ?? [];
    const summary = defectReviewSummary(exercise.defects, own);
    exercises.push({
      interviewId: interview.id,
      exerciseId: exercise.id,
      title: exercise.title,
      interviewerName: nameOf(interview.interviewerId),
      found: summary.found,
      total: summary.total,
      weightedScore: round(summary.weightedScore, 3)!,
      foundDefects: own
        .map((f) => ({ f, d: exercise.defects.find((d) => d.id === f.defectId) }))
        .filter((x): x is { f: DefectFinding; d: NonNullable<typeof x.d> } => !!x.d)
        .sort((a, b) => a.f.foundAt - b.f.foundAt)
        .map(({ f, d }) => ({ title: d.title, severity: d.severity, foundAt: f.foundAt })),
      missedDefects: summary.missed.map((d) => ({ title: d.title, severity: d.severity })),
    });
  }

  const redFlags = signals.filter((s) => s.polarity === 'red-flag').map((s) => ({ signalId: s.signalId }));
  const trace = reportTrace(pack, interviews, visibleNotes, tags, index.ratingsByInterview, nameOf, kitTitle);

  const inputs = {
    audience,
    pack: pack.hash,
    candidate: { id: candidate.id, name: candidate.name, email: candidate.email, targetLevel: candidate.targetLevel },
    interviews,
    ratings: [...ratings].sort((a, b) => byCodeUnits(a.interviewId, b.interviewId) || byCodeUnits(a.dimensionId, b.dimensionId)),
    notes: visibleNotes,
    signalTags: [...tags].sort((a, b) => byCodeUnits(a.id, b.id)),
    defectFindings: [...findings].sort((a, b) => byCodeUnits(a.interviewId, b.interviewId) || byCodeUnits(a.defectId, b.defectId)),
    incidentRuns: [...runs].sort((a, b) => byCodeUnits(a.interviewId, b.interviewId)),
    calibration: { offsets: reportInterviewers.map((r) => [r.interviewerId, r.offset]), profile },
  };

  const report: Omit<CandidateReport, 'decisions'> = {
    anchoring: evidence.interviewVersions
      ? reportAnchoring(all, evidence.interviewVersions, { interviewerName: nameOf, kitTitle, dimensionTitle: (id) => pack.dimensions.find((d) => d.id === id)?.title ?? id })
      : null,
    audience,
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      targetLevel: candidate.targetLevel,
      targetLevelTitle: levelTitle(candidate.targetLevel) ?? candidate.targetLevel,
    },
    pack: { id: pack.manifest.id, title: pack.manifest.title, role: pack.manifest.role, version: pack.manifest.version, hash: pack.hash },
    levels: pack.levels.map((l) => ({ id: l.id, title: l.title })),
    inputsHash: sha256Hex(canonicalJson(inputs)),
    interviewCount: interviews.length,
    pendingInterviews: all.length - interviews.length,
    score: reportScoreOf(cal),
    profile,
    interviewers: reportInterviewers,
    ...trace,
    signals: { redFlag: reportSignalsOf(signals, 'red-flag'), strong: reportSignalsOf(signals, 'strong'), weak: reportSignalsOf(signals, 'weak') },
    exercises,
    incidents,
    reliability: reportReliability(pack.dimensions, calibration),
    recommendation: reportRecommendationOf(pack, profile, redFlags, { sealed: interviews.length, planned: all.length }),
  };
  // Decisions are checked against the finished report: each says whether it was made on it.
  return { ...report, decisions: reportDecisions(index.decisionsByCandidate.get(candidateId) ?? [], pack.levels, report) };
}

/**
 * Every rating traced to its words: each visible note once (under its dimension, or among the
 * interviewer's general notes), and under each dimension the signals of the catalogue that
 * evidence it, with the notes they cite.
 */
function reportTrace(
  pack: RubricPack,
  interviews: readonly Interview[],
  visibleNotes: readonly Note[],
  tags: readonly SignalTag[],
  ratingsByInterview: ReadonlyMap<string, Rating[]>,
  nameOf: (interviewerId: string) => string,
  kitTitle: (kitId: string) => string,
): Pick<CandidateReport, 'notes' | 'evidenceByDimension' | 'generalNotes'> {
  const order = new Map(interviews.map((i, n) => [i.id, n]));
  const interviewOf = new Map(interviews.map((i) => [i.id, i]));
  const citedBy = new Map<string, string[]>();
  for (const tag of tags) for (const noteId of tag.noteIds) citedBy.set(noteId, [...(citedBy.get(noteId) ?? []), tag.signalId]);
  const notes: ReportNote[] = [...visibleNotes]
    .sort((a, b) => order.get(a.interviewId)! - order.get(b.interviewId)! || a.at - b.at || byCodeUnits(a.id, b.id))
    .map((n) => ({
      id: n.id,
      interviewId: n.interviewId,
      interviewerName: nameOf(interviewOf.get(n.interviewId)!.interviewerId),
      at: n.at,
      text: n.text,
      dimensionId: n.dimensionId,
      isPrivate: n.isPrivate,
      signalIds: [...new Set(citedBy.get(n.id) ?? [])],
    }));
  const visibleIds = new Set(notes.map((n) => n.id));
  const dimensionIds = new Set(pack.dimensions.map((d) => d.id));

  const evidenceByDimension = pack.dimensions.map((d) => ({
    dimensionId: d.id,
    title: d.title,
    entries: interviews.flatMap((i): ReportDimensionEvidence[] => {
      const rating = (ratingsByInterview.get(i.id) ?? []).find((r) => r.dimensionId === d.id);
      const noteIds = notes.filter((n) => n.interviewId === i.id && n.dimensionId === d.id).map((n) => n.id);
      const dimensionSignals = tags
        .filter((t) => t.interviewId === i.id)
        .flatMap((t) => {
          const signal = pack.signals.find((s) => s.id === t.signalId);
          return signal && signal.dimensions.includes(d.id)
            ? [{ signalId: signal.id, title: signal.title, polarity: signal.polarity, noteIds: t.noteIds.filter((id) => visibleIds.has(id)) }]
            : [];
        });
      if (!rating && noteIds.length === 0 && dimensionSignals.length === 0) return [];
      return [
        {
          interviewId: i.id,
          interviewerName: nameOf(i.interviewerId),
          kitTitle: kitTitle(i.kitId),
          rating: rating ? (rating.state === 'rated' ? rating.score : 'no-evidence') : null,
          anchor: rating?.state === 'rated' ? anchorText(pack, d.id, rating.score) : null,
          noteIds,
          signals: dimensionSignals,
        },
      ];
    }),
  }));

  const generalNotes = interviews
    .map((i) => ({
      interviewId: i.id,
      interviewerName: nameOf(i.interviewerId),
      // A note linked to a dimension the pack no longer has is shown here rather than lost.
      noteIds: notes.filter((n) => n.interviewId === i.id && (n.dimensionId === null || !dimensionIds.has(n.dimensionId))).map((n) => n.id),
    }))
    .filter((g) => g.noteIds.length > 0);
  return { notes, evidenceByDimension, generalNotes };
}
