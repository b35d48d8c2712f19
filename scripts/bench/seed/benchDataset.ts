/**
 * The benchmark's database: a deterministic, realistic Loopdesk dataset for one rubric pack.
 *
 * Shape (per candidate): one loop of five interviews with five different interviewers and five of
 * the pack's six kits. Every opened interview carries a rating record for each of the pack's ten
 * dimensions — the kit's dimensions scored (7 % "no evidence"), the others scored when observed
 * (55 %) and otherwise marked "no evidence" — so 5,000 candidates give 25,000 interviews and
 * ≈ 250,000 ratings. About 10 time-stamped notes per interview (40–260 characters, a tenth private,
 * most linked to a dimension), about 2 catalogue signals per interview linked to their notes
 * (red flags rare), defect findings for the artifact reviews, an incident run (strong or weak
 * exemplar path with jittered timing) for the incident simulations, a sealed version snapshot per
 * submission (amendments keep two), decisions for closed loops and the hash-chained audit log of
 * all of it.
 *
 * Scores come from a simple rater model: candidate ability per dimension + interviewer leniency +
 * noise, rounded onto 1–4; interviewers work in teams of ten so panels overlap the way calibration
 * needs. The newest 2 % of loops are open: interviews planned, in progress (draft) or submitted.
 * The first interviewer is "me" on this machine, with drafts and planned interviews of their own.
 */
import { auditAppend } from '../../../src/core/audit/auditChain';
import type { AuditEntry, AuditEvent } from '../../../src/core/audit/auditSchema';
import type { BundleContent } from '../../../src/core/bundle/bundleSchema';
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import { incidentExemplarLog, incidentReplayEndMs } from '../../../src/core/incident/outcome';
import type { IncidentLogEntry, IncidentRun } from '../../../src/core/incident/runSchema';
import type {
  Candidate,
  Decision,
  DefectFinding,
  Interview,
  InterviewVersion,
  Interviewer,
  Loop,
  Note,
  Rating,
  SignalTag,
} from '../../../src/core/model/records';
import type { Kit, RubricPack, Signal } from '../../../src/core/rubric/schema';
import { benchRandom, type BenchRandom } from './benchRandom';
import {
  benchAmendReasons,
  benchCandidateNotes,
  benchEmail,
  benchNoteText,
  benchPersonName,
  benchRationale,
} from './benchText';

export interface BenchDatasetOptions {
  candidates: number;
  /** Epoch ms the data is "as of": open interviews are around this time. */
  now: number;
  seed?: number;
  /** false: only candidates, interviewers, loops, interviews and ratings (for core statistics). */
  withEvidence?: boolean;
}

export interface BenchDataset {
  content: BundleContent;
  /** The interviewer who is "me" on the seeded machine (settings key `me`). */
  me: Interviewer;
  /** My interviews in progress: where the notes benchmark types. */
  myDraftIds: string[];
  /** Candidates with a closed loop, all scorecards sealed: what the report benchmarks open. */
  reportCandidateIds: string[];
}

const day = 86_400_000;
const minute = 60_000;
const interviewsPerLoop = 5;
const teamSize = 10;

interface RaterModel {
  leniency: number;
  noise: number;
}

function clampScore(x: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, Math.round(x))) as 1 | 2 | 3 | 4;
}

function levelFor(random: BenchRandom): string {
  const x = random.next();
  return x < 0.15 ? 'mid' : x < 0.45 ? 'senior' : x < 0.9 ? 'staff' : 'principal';
}

export function benchDataset(pack: RubricPack, options: BenchDatasetOptions): BenchDataset {
  const random = benchRandom(options.seed ?? 20_260_302);
  const withEvidence = options.withEvidence ?? true;
  const now = options.now;
  const dimensionIds = pack.dimensions.map((d) => d.id);
  const kits = pack.kits;
  const signalsByPolarity = {
    strong: pack.signals.filter((s) => s.polarity === 'strong'),
    weak: pack.signals.filter((s) => s.polarity === 'weak'),
    'red-flag': pack.signals.filter((s) => s.polarity === 'red-flag'),
  };

  const content: BundleContent = {
    candidates: [],
    interviewers: [],
    loops: [],
    interviews: [],
    ratings: [],
    notes: [],
    signalTags: [],
    defectFindings: [],
    decisions: [],
    interviewVersions: [],
    incidentRuns: [],
    audit: [],
  };
  const events: AuditEvent[] = [];

  // Interviewers, in teams; each with a leniency and a noise level.
  const interviewerCount = Math.max(teamSize, Math.round(options.candidates / 25));
  const raters = new Map<string, RaterModel>();
  for (let i = 0; i < interviewerCount; i++) {
    const name = benchPersonName(random);
    const interviewer: Interviewer = {
      id: random.uuid(),
      name,
      email: benchEmail(name, i),
      createdAt: now - 800 * day + random.int(0, 30) * day,
    };
    content.interviewers.push(interviewer);
    raters.set(interviewer.id, { leniency: random.normal(0, 0.35), noise: 0.35 + random.next() * 0.35 });
  }
  const me = content.interviewers[0]!;
  const teams: Interviewer[][] = [];
  for (let i = 0; i < interviewerCount; i += teamSize) teams.push(content.interviewers.slice(i, i + teamSize));
  if (teams.length > 1 && teams.at(-1)!.length < interviewsPerLoop) teams.pop();

  const openLoops = Math.max(3, Math.round(options.candidates * 0.02));
  const myDraftIds: string[] = [];
  const reportCandidateIds: string[] = [];
  let myOpenLoops = 0;
  let myOpenInterviews = 0;

  for (let c = 0; c < options.candidates; c++) {
    const isOpen = c >= options.candidates - openLoops;
    const name = benchPersonName(random);
    const createdAt = isOpen
      ? now - random.int(1, 10) * day
      : now - 730 * day + Math.floor((c / options.candidates) * 700 * day);
    const targetLevel = levelFor(random);
    const candidate: Candidate = {
      id: random.uuid(),
      name,
      email: benchEmail(name, c),
      phone: random.chance(0.6) ? `+44 20 7946 ${String(random.int(0, 9999)).padStart(4, '0')}` : '',
      packId: pack.manifest.id,
      targetLevel,
      notes: random.pick(benchCandidateNotes),
      createdAt,
      updatedAt: createdAt,
    };
    content.candidates.push(candidate);
    events.push({ at: createdAt, actor: 'Recruiting', action: 'candidate.created', subject: candidate.id });

    const base = random.normal(2.6, 0.55);
    const ability = new Map(dimensionIds.map((d) => [d, base + random.normal(0, 0.45)]));

    const loop: Loop = {
      id: random.uuid(),
      candidateId: candidate.id,
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      packHash: pack.hash,
      targetLevel,
      status: isOpen ? 'open' : 'closed',
      createdAt: createdAt + minute * random.int(5, 600),
      closedAt: null,
    };
    content.loops.push(loop);
    events.push({
      at: loop.createdAt,
      actor: 'Recruiting',
      action: 'loop.created',
      subject: loop.id,
      details: { interviews: interviewsPerLoop },
    });

    // "Me" sits on the panels of eighteen open loops (drafts and planned interviews on Today: the
    // full run's report metric seals ten of my drafts) and, like any teammate, on a share of the
    // closed ones.
    const team = teams[c % teams.length]!;
    const panel = random.sample(team, interviewsPerLoop);
    const hasMe = isOpen && myOpenLoops < 18;
    if (hasMe) {
      myOpenLoops++;
      if (!panel.includes(me)) panel[random.int(0, interviewsPerLoop - 1)] = me;
    }
    const loopKits = random.sample(kits, interviewsPerLoop);
    let lastSubmitted = loop.createdAt;

    for (let k = 0; k < interviewsPerLoop; k++) {
      const interviewer = panel[k]!;
      const kit = loopKits[k]!;
      let status: 'planned' | 'draft' | 'submitted';
      let scheduledAt: number;
      if (!isOpen) {
        status = 'submitted';
        scheduledAt = loop.createdAt + (k + 1) * day + random.int(0, 8) * 60 * minute;
      } else if (interviewer.id === me.id) {
        status = myOpenInterviews++ % 3 === 2 ? 'planned' : 'draft';
        scheduledAt = status === 'draft' ? now - random.int(10, 40) * minute : now + random.int(1, 72) * 60 * minute;
      } else {
        status = k < 2 ? 'submitted' : k === 2 ? 'draft' : 'planned';
        scheduledAt = now + (k - 2) * day + random.int(-3, 3) * 60 * minute;
        if (status === 'draft') scheduledAt = now - random.int(10, 40) * minute;
      }
      const startedAt =
        status === 'planned'
          ? null
          : status === 'draft'
            ? scheduledAt + random.int(0, 5) * minute
            : scheduledAt + random.int(0, 5) * minute;
      const submittedAt =
        status === 'submitted'
          ? Math.min(now - 10 * minute, startedAt! + random.int(50, 70) * minute + random.int(0, 24) * 60 * minute)
          : null;
      const isAmended = status === 'submitted' && !isOpen && random.chance(0.05);
      const lastSection = kit.sections.at(-1)!;
      const interview: Interview = {
        id: random.uuid(),
        loopId: loop.id,
        candidateId: candidate.id,
        interviewerId: interviewer.id,
        kitId: kit.id,
        status: isAmended ? 'amended' : status,
        version: status === 'submitted' ? (isAmended ? 2 : 1) : 0,
        scheduledAt,
        startedAt,
        submittedAt: isAmended ? submittedAt! + random.int(1, 3) * day : submittedAt,
        updatedAt: isAmended ? submittedAt! + random.int(1, 3) * day : (submittedAt ?? startedAt ?? loop.createdAt),
        amendReason: isAmended ? random.pick(benchAmendReasons) : '',
        sectionId:
          status === 'planned'
            ? null
            : status === 'draft'
              ? kit.sections[random.int(0, kit.sections.length - 1)]!.id
              : lastSection.id,
        sectionStartedAt: status === 'planned' ? null : (startedAt ?? 0) + random.int(5, 45) * minute,
      };
      if (status === 'draft' && interview.sectionStartedAt! > now) interview.sectionStartedAt = startedAt;
      content.interviews.push(interview);
      if (interview.status === 'draft' && interviewer.id === me.id) myDraftIds.push(interview.id);
      if (status === 'planned') continue;

      const ratings = rateInterview(
        random,
        interview,
        kit,
        dimensionIds,
        ability,
        raters.get(interviewer.id)!,
        status === 'draft',
      );
      content.ratings.push(...ratings);
      if (submittedAt) lastSubmitted = Math.max(lastSubmitted, interview.submittedAt!);
      if (!withEvidence) continue;

      const elapsed = status === 'draft' ? now - startedAt! : random.int(45, 60) * minute;
      const notes = noteInterview(random, interview, kit, elapsed, status === 'draft' ? 0.4 : 1);
      content.notes.push(...notes);
      const tags = tagInterview(random, interview, kit, notes, base, signalsByPolarity);
      content.signalTags.push(...tags);
      const findings = findDefects(random, pack, interview, kit, base, elapsed);
      content.defectFindings.push(...findings);
      const run = runIncident(random, pack, interview, kit, base, startedAt!, status === 'draft', now);
      if (run) content.incidentRuns.push(run);

      if (status === 'submitted') {
        const evidence = { ratings, notes, signalTags: tags, defectFindings: findings, incidentRun: run ?? null };
        const v1 = {
          ...interview,
          status: 'submitted' as const,
          version: 1,
          submittedAt,
          updatedAt: submittedAt!,
          amendReason: '',
        };
        content.interviewVersions.push(version(random, v1, evidence, submittedAt!, ''));
        events.push({
          at: submittedAt!,
          actor: interviewer.name,
          action: 'interview.submitted',
          subject: interview.id,
          details: { version: 1 },
        });
        if (isAmended) {
          content.interviewVersions.push(
            version(random, interview, evidence, interview.submittedAt!, interview.amendReason),
          );
          events.push({
            at: interview.submittedAt!,
            actor: interviewer.name,
            action: 'interview.amended',
            subject: interview.id,
            details: { version: 2, reason: interview.amendReason },
          });
        }
      }
    }

    if (!isOpen) {
      loop.closedAt = lastSubmitted + random.int(2, 7) * day;
      reportCandidateIds.push(candidate.id);
      if (withEvidence) {
        const outcome =
          base > 2.9 ? 'hire' : base < 2.3 ? 'no-hire' : random.pick(['hire', 'no-hire', 'more-evidence'] as const);
        const decision: Decision = {
          id: random.uuid(),
          candidateId: candidate.id,
          loopId: loop.id,
          outcome,
          level: outcome === 'hire' ? targetLevel : null,
          rationale: benchRationale(random, outcome),
          decidedBy: 'Hiring committee',
          decidedAt: loop.closedAt - day,
        };
        content.decisions.push(decision);
        events.push({
          at: decision.decidedAt,
          actor: decision.decidedBy,
          action: 'decision.recorded',
          subject: decision.id,
          details: { outcome: decision.outcome, level: decision.level, reportInputsHash: '0'.repeat(64) },
        });
      }
      events.push({ at: loop.closedAt, actor: 'Recruiting', action: 'loop.closed', subject: loop.id });
    }
  }

  if (withEvidence) {
    events.sort((a, b) => a.at - b.at);
    let head: AuditEntry | null = null;
    for (const event of events) {
      head = auditAppend(head, event);
      content.audit.push(head);
    }
  }
  return { content, me, myDraftIds, reportCandidateIds: reportCandidateIds.reverse() };
}

function rateInterview(
  random: BenchRandom,
  interview: Interview,
  kit: Kit,
  dimensionIds: readonly string[],
  ability: ReadonlyMap<string, number>,
  rater: RaterModel,
  isDraft: boolean,
): Rating[] {
  const out: Rating[] = [];
  const updatedAt = interview.updatedAt;
  for (const dimensionId of dimensionIds) {
    const isKit = kit.dimensions.includes(dimensionId);
    if (isDraft && !isKit && random.chance(0.5)) continue;
    const isScored = isKit ? random.chance(0.93) : random.chance(0.55);
    if (isScored) {
      const score = clampScore(ability.get(dimensionId)! + rater.leniency + random.normal(0, rater.noise));
      out.push({ interviewId: interview.id, dimensionId, state: 'rated', score, updatedAt });
    } else {
      out.push({ interviewId: interview.id, dimensionId, state: 'no-evidence', updatedAt });
    }
  }
  return out;
}

function noteInterview(random: BenchRandom, interview: Interview, kit: Kit, elapsed: number, share: number): Note[] {
  const count = Math.max(1, Math.round(Math.min(24, 3 + random.poisson(7)) * share));
  const notes: Note[] = [];
  let at = random.int(30, 120) * 1000;
  const step = Math.max(1000, Math.floor(elapsed / (count + 1)));
  for (let i = 0; i < count; i++) {
    notes.push({
      id: random.uuid(),
      interviewId: interview.id,
      at: Math.min(at, 24 * 3600_000),
      text: benchNoteText(random),
      dimensionId: random.chance(0.65) ? random.pick(kit.dimensions) : null,
      simAt: null,
      isPrivate: random.chance(0.1),
    });
    at += random.int(Math.floor(step / 2), Math.floor(step * 1.5));
  }
  return notes;
}

function tagInterview(
  random: BenchRandom,
  interview: Interview,
  kit: Kit,
  notes: readonly Note[],
  base: number,
  signals: Record<'strong' | 'weak' | 'red-flag', Signal[]>,
): SignalTag[] {
  const count = Math.min(6, random.poisson(2.2));
  const pStrong = 1 / (1 + Math.exp(-(base - 2.6) * 2.5));
  const tags: SignalTag[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const polarity = random.chance(0.04) ? 'red-flag' : random.chance(pStrong) ? 'strong' : 'weak';
    const pool = signals[polarity];
    const relevant = pool.filter((s) => s.dimensions.some((d) => kit.dimensions.includes(d)));
    const signal = random.pick(relevant.length > 0 ? relevant : pool);
    if (used.has(signal.id)) continue;
    used.add(signal.id);
    const evidence = random.sample(notes, Math.min(notes.length, random.int(1, 2)));
    tags.push({
      id: random.uuid(),
      interviewId: interview.id,
      signalId: signal.id,
      noteIds: evidence.map((n) => n.id),
      at: evidence[0]?.at ?? 0,
    });
  }
  return tags;
}

function findDefects(
  random: BenchRandom,
  pack: RubricPack,
  interview: Interview,
  kit: Kit,
  base: number,
  elapsed: number,
): DefectFinding[] {
  const exercise = kit.exercise ? pack.exercises.find((e) => e.id === kit.exercise) : undefined;
  if (!exercise || exercise.format !== 'artifact-review') return [];
  const share = Math.min(0.95, Math.max(0.1, 0.2 + (base - 1.5) * 0.3 + random.normal(0, 0.1)));
  const found = random.sample(exercise.defects, Math.round(exercise.defects.length * share));
  return found.map((defect) => ({
    interviewId: interview.id,
    exerciseId: exercise.id,
    defectId: defect.id,
    foundAt: random.int(10 * minute, Math.max(10 * minute, elapsed)),
  }));
}

function runIncident(
  random: BenchRandom,
  pack: RubricPack,
  interview: Interview,
  kit: Kit,
  base: number,
  startedAt: number,
  isDraft: boolean,
  now: number,
): IncidentRun | undefined {
  const scenario = kit.scenario ? pack.scenarios.find((s) => s.id === kit.scenario) : undefined;
  if (!scenario) return undefined;
  const which = random.chance(1 / (1 + Math.exp(-(base - 2.6) * 2))) ? 'strong' : 'weak';
  const stretch = 0.8 + random.next() * 0.5;
  const log: IncidentLogEntry[] = incidentExemplarLog(scenario, which).map((entry) => ({
    ...entry,
    id: random.uuid(),
    at: Math.round(entry.at * stretch),
  }));
  if (random.chance(0.5)) {
    const update: IncidentLogEntry = {
      id: random.uuid(),
      at: Math.round(5 * minute * stretch),
      kind: 'communication',
      text: 'Posted an update in the incident channel.',
      to: null,
    };
    log.push(update);
    log.sort((a, b) => a.at - b.at);
  }
  const end = incidentReplayEndMs(scenario, log);
  const simStart = startedAt + 15 * minute;
  return {
    interviewId: interview.id,
    scenarioId: scenario.id,
    seed: random.int(0, 0xffffffff),
    clock: {
      speed: 1,
      accumulatedMs: isDraft ? Math.min(end, Math.max(0, now - simStart)) : end,
      startedAtWall: simStart,
      resumedAtWall: null,
      pausedAt: simStart + end,
    },
    log,
    endedAt: isDraft ? null : end,
  };
}

function version(
  random: BenchRandom,
  interview: Interview,
  evidence: {
    ratings: Rating[];
    notes: Note[];
    signalTags: SignalTag[];
    defectFindings: DefectFinding[];
    incidentRun: IncidentRun | null;
  },
  sealedAt: number,
  reason: string,
): InterviewVersion {
  return {
    id: random.uuid(),
    interviewId: interview.id,
    version: interview.version,
    sealedAt,
    reason,
    snapshot: canonicalJson({ interview, ...evidence }),
  };
}

/** Record counts per table, for the run's header. */
export function benchDatasetCounts(content: BundleContent): Record<string, number> {
  return Object.fromEntries(Object.entries(content).map(([table, rows]) => [table, (rows as unknown[]).length]));
}
