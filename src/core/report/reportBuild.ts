/**
 * The candidate report (SPEC §6): one pure function from the pack, the candidate's sealed
 * evidence and the pool's calibration to everything a committee reads — calibrated profile beside
 * raw, per-interviewer breakdown, signals with their evidence (red flags first), exercise and
 * incident outcomes, reliability, and the level recommendation with its reasons. Reports are never
 * stored: they are recomputed, and `inputsHash` names exactly what they were computed from.
 */
import { canonicalJson } from '../canonical/canonicalJson';
import { calibrateRatings, type Calibration, type RatingObservation } from '../calibration/calibrateRatings';
import {
  iccInterpret,
  iccBands,
  krippendorffAlphaBands,
  krippendorffAlphaInterpret,
} from '../calibration/reliabilityBands';
import { sha256Hex } from '../crypto/sha256';
import { defectReviewSummary } from '../exercise/defectScore';
import { incidentOutcome, incidentReplayEndMs, type IncidentOutcome } from '../incident/outcome';
import type { IncidentRun } from '../incident/runSchema';
import { interviewIsSealed } from '../interview/interviewLifecycle';
import { levelRecommend, type LevelRecommendation } from '../levels/levelRecommend';
import type {
  Candidate,
  DefectFinding,
  Interview,
  Interviewer,
  Loop,
  Note,
  Rating,
  SignalTag,
} from '../model/records';
import type { RubricPack, Severity, SignalPolarity } from '../rubric/schema';

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
  ratings: Array<{ dimensionId: string; raw: number | 'no-evidence'; calibrated: number | null }>;
}

export interface ReportSignalEvidence {
  /** Interview time (ms since its start) or sim time for incident signals. */
  at: number;
  text: string;
  isPrivate: boolean;
}

export interface ReportSignal {
  signalId: string;
  title: string;
  description: string;
  polarity: SignalPolarity;
  severity: 'low' | 'medium' | 'high';
  levelCap: string | null;
  source: 'interviewer' | 'incident';
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
  signals: { redFlag: ReportSignal[]; strong: ReportSignal[]; weak: ReportSignal[] };
  exercises: ReportExercise[];
  incidents: ReportIncident[];
  reliability: { rows: ReportReliabilityRow[]; sources: string[] };
  recommendation: LevelRecommendation & { levelTitle: string | null; cappedFromTitle: string | null };
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
  return calibrateRatings(reportObservations(interviews, evidence.ratings), {
    dimensionIds: pack.dimensions.map((d) => d.id),
  });
}

const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits + 0);

export function reportBuild(input: ReportInput): CandidateReport {
  const { pack, candidateId, evidence, calibration, audience } = input;
  const candidate = evidence.candidates.find((c) => c.id === candidateId);
  if (!candidate) throw new Error(`reportBuild: unknown candidate ${candidateId}`);
  const loopIds = new Set(evidence.loops.filter((l) => l.candidateId === candidateId && l.packId === pack.manifest.id).map((l) => l.id));
  const all = evidence.interviews.filter((i) => i.candidateId === candidateId && loopIds.has(i.loopId));
  const interviews = all.filter(interviewIsSealed).sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || a.id.localeCompare(b.id));
  const ids = new Set(interviews.map((i) => i.id));
  const ratings = evidence.ratings.filter((r) => ids.has(r.interviewId));
  const notes = evidence.notes.filter((n) => ids.has(n.interviewId)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const tags = evidence.signalTags.filter((t) => ids.has(t.interviewId));
  const findings = evidence.defectFindings.filter((f) => ids.has(f.interviewId));
  const runs = evidence.incidentRuns.filter((r) => ids.has(r.interviewId));
  const visibleNotes = audience === 'recruiter' ? notes.filter((n) => !n.isPrivate) : notes;

  const nameOf = (interviewerId: string) => evidence.interviewers.find((p) => p.id === interviewerId)?.name ?? 'Unknown interviewer';
  const kitTitle = (kitId: string) => pack.kits.find((k) => k.id === kitId)?.title ?? kitId;
  const levelTitle = (id: string | null | undefined) => (id ? (pack.levels.find((l) => l.id === id)?.title ?? id) : null);
  const cal = calibration.candidates[candidateId];

  const profile: ReportProfileRow[] = pack.dimensions.map((d) => {
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
      expectedAtTarget: d.expectations[candidate.targetLevel] ?? null,
    };
  });

  const reportInterviewers: ReportInterviewer[] = interviews.map((i) => {
    const rater = calibration.raters[i.interviewerId];
    const own = ratings.filter((r) => r.interviewId === i.id);
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
      ratings: pack.dimensions
        .map((d) => own.find((r) => r.dimensionId === d.id))
        .filter((r): r is Rating => !!r)
        .map((r) => {
          if (r.state === 'no-evidence') return { dimensionId: r.dimensionId, raw: 'no-evidence' as const, calibrated: null };
          const applied = rater?.dimensions[r.dimensionId]?.applied.offset ?? rater?.overall.offset ?? 0;
          return { dimensionId: r.dimensionId, raw: r.score, calibrated: round(r.score - applied) };
        }),
    };
  });

  const signals: ReportSignal[] = [];
  for (const tag of tags) {
    const signal = pack.signals.find((s) => s.id === tag.signalId);
    const interview = interviews.find((i) => i.id === tag.interviewId)!;
    if (!signal) continue;
    signals.push({
      signalId: signal.id,
      title: signal.title,
      description: signal.description,
      polarity: signal.polarity,
      severity: signal.severity,
      levelCap: signal.levelCap ?? null,
      source: 'interviewer',
      interviewId: interview.id,
      interviewerName: nameOf(interview.interviewerId),
      kitTitle: kitTitle(interview.kitId),
      evidence: tag.noteIds
        .map((id) => visibleNotes.find((n) => n.id === id))
        .filter((n): n is Note => !!n)
        .map((n) => ({ at: n.at, text: n.text, isPrivate: n.isPrivate })),
    });
  }

  const incidents: ReportIncident[] = [];
  for (const run of runs) {
    const scenario = pack.scenarios.find((s) => s.id === run.scenarioId);
    const interview = interviews.find((i) => i.id === run.interviewId)!;
    if (!scenario) continue;
    const endMs = run.endedAt ?? incidentReplayEndMs(scenario, run.log);
    const outcome = incidentOutcome(scenario, run.seed, run.log, endMs);
    incidents.push({ interviewId: run.interviewId, scenarioId: scenario.id, title: scenario.title, interviewerName: nameOf(interview.interviewerId), outcome });
    for (const derived of outcome.signals) {
      const signal = pack.signals.find((s) => s.id === derived.id);
      if (!signal) continue;
      signals.push({
        signalId: signal.id,
        title: signal.title,
        description: signal.description,
        polarity: signal.polarity,
        severity: signal.severity,
        levelCap: signal.levelCap ?? null,
        source: 'incident',
        interviewId: run.interviewId,
        interviewerName: nameOf(interview.interviewerId),
        kitTitle: kitTitle(interview.kitId),
        evidence: [{ at: derived.at, text: `Incident simulation: ${derived.reason}`, isPrivate: false }],
      });
    }
  }

  const exercises: ReportExercise[] = [];
  for (const interview of interviews) {
    const kit = pack.kits.find((k) => k.id === interview.kitId);
    const exercise = kit?.exercise ? pack.exercises.find((e) => e.id === kit.exercise) : undefined;
    if (!exercise || exercise.format !== 'artifact-review') continue;
    const own = findings.filter((f) => f.interviewId === interview.id);
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

  const bySeverity = { high: 0, medium: 1, low: 2 } as const;
  const group = (polarity: SignalPolarity) =>
    signals.filter((s) => s.polarity === polarity).sort((a, b) => bySeverity[a.severity] - bySeverity[b.severity] || a.title.localeCompare(b.title));

  const redFlags = signals.filter((s) => s.polarity === 'red-flag').map((s) => ({ signalId: s.signalId }));
  const levelProfile = Object.fromEntries(profile.map((p) => [p.dimensionId, { calibrated: p.calibrated, interval: p.interval }]));
  const recommendation = levelRecommend(pack, levelProfile, redFlags);

  const reliability: ReportReliabilityRow[] = pack.dimensions.map((d) => {
    const agreement = calibration.dimensions[d.id];
    const alpha = agreement?.krippendorffAlpha.ordinal;
    const icc = agreement?.icc;
    return {
      dimensionId: d.id,
      title: d.title,
      candidates: agreement?.candidates ?? 0,
      raters: agreement?.raters ?? 0,
      alphaOrdinal: round(alpha?.alpha ?? null, 3),
      alphaReason: alpha?.reason ?? (agreement ? null : 'no ratings in the pool'),
      alphaBand: krippendorffAlphaInterpret(alpha?.alpha ?? null)?.label ?? null,
      icc2: icc?.ok ? round(icc.value.ICC2, 3) : null,
      iccReason: icc && !icc.ok ? icc.reason : icc ? null : 'no ratings in the pool',
      iccBand: icc?.ok ? (iccInterpret(icc.value.ICC2)?.label ?? null) : null,
    };
  });

  const inputs = {
    audience,
    pack: pack.hash,
    candidate: { id: candidate.id, name: candidate.name, email: candidate.email, targetLevel: candidate.targetLevel },
    interviews,
    ratings: [...ratings].sort((a, b) => a.interviewId.localeCompare(b.interviewId) || a.dimensionId.localeCompare(b.dimensionId)),
    notes: visibleNotes,
    signalTags: [...tags].sort((a, b) => a.id.localeCompare(b.id)),
    defectFindings: [...findings].sort((a, b) => a.interviewId.localeCompare(b.interviewId) || a.defectId.localeCompare(b.defectId)),
    incidentRuns: [...runs].sort((a, b) => a.interviewId.localeCompare(b.interviewId)),
    calibration: { offsets: reportInterviewers.map((r) => [r.interviewerId, r.offset]), profile },
  };

  return {
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
    score: { raw: round(cal?.raw ?? null), calibrated: round(cal?.calibrated ?? null) },
    profile,
    interviewers: reportInterviewers,
    signals: { redFlag: group('red-flag'), strong: group('strong'), weak: group('weak') },
    exercises,
    incidents,
    reliability: { rows: reliability, sources: [krippendorffAlphaBands.citation, iccBands.citation] },
    recommendation: {
      ...recommendation,
      levelTitle: levelTitle(recommendation.level),
      cappedFromTitle: levelTitle(recommendation.cappedFrom),
    },
  };
}
