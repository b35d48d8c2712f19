/**
 * The demo loop (the "Open demo loop" button and `loopdesk demo`): three candidates for the Staff
 * DevOps role, four interviewers who rate with different leniency, and twelve submitted
 * interviews with ratings, time-stamped notes, signals, defect findings and incident runs — so a
 * newcomer sees every screen filled in, and the report shows a Staff, a Senior and a red-flag
 * candidate whose level is capped.
 */
import { auditAppend } from '../audit/auditChain';
import type { AuditEntry, AuditEvent } from '../audit/auditSchema';
import type { BundleContent } from '../bundle/bundleSchema';
import { canonicalJson } from '../canonical/canonicalJson';
import { incidentExemplarLog, incidentReplayEndMs } from '../incident/outcome';
import type { IncidentLogEntry, IncidentRun } from '../incident/runSchema';
import { incidentTimeParse } from '../incident/time';
import type {
  Candidate,
  DefectFinding,
  Interview,
  Interviewer,
  InterviewVersion,
  Loop,
  Note,
  Rating,
  SignalTag,
} from '../model/records';
import type { RubricPack } from '../rubric/schema';
import { DEMO_HISTORY_KITS, demoHistory } from './demoHistory';
import { demoId, demoNumber } from './demoId';
import {
  demoCandidates,
  demoInterviewers,
  demoInterviews,
  demoOverall,
  demoRecruiter,
  type DemoInterviewScript,
} from './demoScript';

/** The pack the demo is written for. */
export const DEMO_PACK_ID = 'staff-devops';
/** The level every demo candidate is interviewed for. */
export const DEMO_TARGET_LEVEL = 'staff';
/** Seed used when none is given. */
export const DEMO_DEFAULT_SEED = 1;
/**
 * A fixed "now" (Friday 13 March 2026, 17:00 UTC) for reproducible demo files: the CLI uses it
 * unless told otherwise, so `loopdesk demo` writes the same bytes on every machine.
 */
export const DEMO_FIXED_NOW = Date.UTC(2026, 2, 13, 17, 0, 0);

export interface DemoOptions {
  /** Epoch ms; the open loops are dated in the two weeks before it, the history in the five quarters before its quarter. */
  now: number;
  /** Ids derive from it: the same seed gives the same records, another seed an independent copy. */
  seed?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Minutes an interviewer takes after the last section to finish notes and submit. */
const WRITE_UP_MINUTES = 12;

function mmss(text: string): number {
  const ms = incidentTimeParse(text);
  if (ms === null) throw new Error(`demo script: "${text}" is not a time "mm:ss"`);
  return ms;
}

function hhmm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h! * 60 + m!) * MINUTE;
}

/**
 * What `pack` lacks for the demo script: kits, dimensions, signals, defects, scenarios and
 * scenario actions it refers to, and kit dimensions the script leaves unrated. Empty when the
 * pack can carry the demo (the built-in Staff DevOps pack, or a later version that kept its ids).
 */
export function demoScriptProblems(pack: RubricPack): string[] {
  const problems: string[] = [];
  const dimensionIds = new Set(pack.dimensions.map((d) => d.id));
  const signalIds = new Set(pack.signals.map((s) => s.id));
  if (!pack.levels.some((l) => l.id === DEMO_TARGET_LEVEL)) problems.push(`no level "${DEMO_TARGET_LEVEL}"`);
  for (const kitId of DEMO_HISTORY_KITS) if (!pack.kits.some((k) => k.id === kitId)) problems.push(`no kit "${kitId}"`);
  for (const script of demoInterviews) {
    const kit = pack.kits.find((k) => k.id === script.kitId);
    if (!kit) {
      problems.push(`no kit "${script.kitId}"`);
      continue;
    }
    for (const dimensionId of kit.dimensions) {
      if (!(dimensionId in script.ratings)) problems.push(`${script.key}: kit dimension "${dimensionId}" is not rated`);
    }
    for (const dimensionId of Object.keys(script.ratings)) {
      if (!kit.dimensions.includes(dimensionId))
        problems.push(`${script.key}: "${dimensionId}" is not a dimension of kit "${kit.id}"`);
    }
    for (const note of script.notes) {
      if (note.dimension !== null && !dimensionIds.has(note.dimension))
        problems.push(`no dimension "${note.dimension}"`);
    }
    for (const tag of script.signals) {
      if (!signalIds.has(tag.signalId)) problems.push(`no signal "${tag.signalId}"`);
      for (const key of tag.notes) {
        if (!script.notes.some((n) => n.key === key))
          problems.push(`${script.key}: signal cites unknown note "${key}"`);
      }
    }
    if (script.defects) {
      const exercise = pack.exercises.find((e) => e.id === script.defects!.exerciseId);
      if (!exercise || exercise.format !== 'artifact-review')
        problems.push(`no artifact review "${script.defects.exerciseId}"`);
      else {
        for (const [defectId] of script.defects.found) {
          if (!exercise.defects.some((d) => d.id === defectId))
            problems.push(`no defect "${defectId}" in "${exercise.id}"`);
        }
      }
    }
    if (script.incident) {
      const scenario = pack.scenarios.find((s) => s.id === script.incident!.scenarioId);
      if (!scenario) problems.push(`no scenario "${script.incident.scenarioId}"`);
      else if (Array.isArray(script.incident.log)) {
        for (const [, action] of script.incident.log) {
          if (!scenario.actions.some((a) => a.id === action))
            problems.push(`no action "${action}" in scenario "${scenario.id}"`);
        }
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * The demo loop as bundle content, pure and deterministic for (`pack`, `now`, `seed`).
 *
 * - 4 interviewers (one generous, one strict, two near the middle) and 3 candidates for
 *   `staff`, each with one open loop pinned to `pack` (id, version, content hash);
 * - 4 submitted interviews per candidate across the pack's six kits, every interviewer meeting
 *   every candidate once, so leniency can be estimated from overlapping ratings;
 * - every kit dimension rated or marked "no evidence"; six time-stamped notes per interview (a
 *   few private); signal tags citing their notes; defects ticked in the Terraform and pipeline
 *   reviews; an incident run per candidate (Amira's is the scenario's strong exemplar);
 * - a version snapshot per sealed interview, exactly as submission writes it, and an audit log
 *   from genesis (`candidate.created`, `loop.created`, `interview.submitted`) in time order;
 * - history for the interviewer analytics (`demoHistory`): 25 past candidates with closed loops
 *   over the five quarters before `now`'s, in which Tomás drifts from neutral to generous.
 *
 * Throws when `pack` lacks an id the demo uses (see {@link demoScriptProblems}) or `now` is
 * earlier than the demo's history allows: both are mistakes of the caller.
 */
export function demoDataset(pack: RubricPack, options: DemoOptions): BundleContent {
  const problems = demoScriptProblems(pack);
  if (problems.length > 0) {
    throw new Error(
      `the demo needs the ${DEMO_PACK_ID} pack; "${pack.manifest.id}" has ${problems.length} gap(s): ${problems.slice(0, 5).join('; ')}`,
    );
  }
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`demo seed must be a whole number ≥ 0, not ${seed}`);
  const dayStart = Math.floor(options.now / DAY) * DAY;
  if (!Number.isSafeInteger(options.now) || dayStart < 500 * DAY)
    throw new Error(`demo now must be epoch ms after mid-May 1971, not ${options.now}`);

  const interviewers: Interviewer[] = demoInterviewers.map((p) => ({
    id: demoId(seed, 'interviewer', p.key),
    name: p.name,
    email: p.email,
    createdAt: dayStart - 500 * DAY + 9 * HOUR,
  }));
  const interviewerOf = (key: string) => interviewers[demoInterviewers.findIndex((p) => p.key === key)]!;

  const events: AuditEvent[] = [];
  const candidates: Candidate[] = [];
  const loops: Loop[] = [];
  demoCandidates.forEach((c, index) => {
    const createdAt = dayStart - 14 * DAY + 9 * HOUR + index * 20 * MINUTE;
    const candidate: Candidate = {
      id: demoId(seed, 'candidate', c.key),
      name: c.name,
      email: c.email,
      phone: c.phone,
      packId: pack.manifest.id,
      targetLevel: DEMO_TARGET_LEVEL,
      notes: c.notes,
      createdAt,
      updatedAt: createdAt,
    };
    const loop: Loop = {
      id: demoId(seed, 'loop', c.key),
      candidateId: candidate.id,
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      packHash: pack.hash,
      targetLevel: DEMO_TARGET_LEVEL,
      status: 'open',
      createdAt: createdAt + 10 * MINUTE,
      closedAt: null,
    };
    candidates.push(candidate);
    loops.push(loop);
    events.push({ at: candidate.createdAt, actor: demoRecruiter, action: 'candidate.created', subject: candidate.id });
    events.push({
      at: loop.createdAt,
      actor: demoRecruiter,
      action: 'loop.created',
      subject: loop.id,
      details: { interviews: demoInterviews.filter((s) => s.candidate === c.key).length },
    });
  });

  const history = demoHistory(
    pack,
    seed,
    dayStart,
    demoInterviewers.map((p) => ({ key: p.key, interviewer: interviewerOf(p.key) })),
  );
  events.push(...history.events);
  const content: BundleContent = {
    // The open loops' candidates first: they are the ones a newcomer looks for.
    candidates: [...candidates, ...history.candidates],
    interviewers,
    loops: [...loops, ...history.loops],
    interviews: [...history.interviews],
    ratings: [...history.ratings],
    notes: [...history.notes],
    signalTags: [],
    defectFindings: [],
    decisions: [],
    interviewVersions: [...history.interviewVersions],
    incidentRuns: [],
    audit: [],
  };

  const ordered = [...demoInterviews].sort((a, b) => b.daysAgo - a.daysAgo || hhmm(a.startsAt) - hhmm(b.startsAt));
  for (const script of ordered) {
    const sealed = demoInterview(pack, script, seed, dayStart, interviewerOf(script.interviewer).id);
    content.interviews.push(sealed.interview);
    content.ratings.push(...sealed.ratings);
    content.notes.push(...sealed.notes);
    content.signalTags.push(...sealed.signalTags);
    content.defectFindings.push(...sealed.defectFindings);
    if (sealed.incidentRun) content.incidentRuns.push(sealed.incidentRun);
    content.interviewVersions.push(sealed.version);
    events.push({
      at: sealed.interview.submittedAt!,
      actor: interviewerOf(script.interviewer).name,
      action: 'interview.submitted',
      subject: sealed.interview.id,
      details: { version: 1 },
    });
  }

  let head: AuditEntry | null = null;
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    head = auditAppend(head, event);
    content.audit.push(head);
  }
  return content;
}

interface SealedDemoInterview {
  interview: Interview;
  ratings: Rating[];
  notes: Note[];
  signalTags: SignalTag[];
  defectFindings: DefectFinding[];
  incidentRun: IncidentRun | null;
  version: InterviewVersion;
}

function demoInterview(
  pack: RubricPack,
  script: DemoInterviewScript,
  seed: number,
  dayStart: number,
  interviewerId: string,
): SealedDemoInterview {
  const kit = pack.kits.find((k) => k.id === script.kitId)!;
  const id = demoId(seed, 'interview', script.key);
  const scheduledAt = dayStart - script.daysAgo * DAY + hhmm(script.startsAt);
  const startedAt = scheduledAt + 2 * MINUTE;
  const kitMinutes = kit.sections.reduce((sum, s) => sum + s.minutes, 0);
  const submittedAt = startedAt + (kitMinutes + WRITE_UP_MINUTES) * MINUTE;
  const lastSection = kit.sections[kit.sections.length - 1]!;
  const simStart = script.incident ? mmss(script.incident.startsAt) : 0;

  const interview: Interview = {
    id,
    loopId: demoId(seed, 'loop', script.candidate),
    candidateId: demoId(seed, 'candidate', script.candidate),
    interviewerId,
    kitId: kit.id,
    status: 'submitted',
    version: 1,
    scheduledAt,
    startedAt,
    submittedAt,
    updatedAt: submittedAt,
    amendReason: '',
    ...(demoOverall[script.key] ?? {}),
    sectionId: lastSection.id,
    sectionStartedAt: startedAt + (kitMinutes - lastSection.minutes) * MINUTE,
  };

  // Ratings in kit order, as the rating panel lists them.
  const ratings: Rating[] = kit.dimensions.map((dimensionId, i) => {
    const value = script.ratings[dimensionId]!;
    const updatedAt = submittedAt - (WRITE_UP_MINUTES - 2) * MINUTE + i * 20_000;
    return value === 'no-evidence'
      ? { interviewId: id, dimensionId, state: 'no-evidence', updatedAt }
      : { interviewId: id, dimensionId, state: 'rated', score: value, updatedAt };
  });

  const noteIds = new Map<string, string>();
  const notes: Note[] = script.notes
    .map((n) => {
      const simAt = n.simAt === undefined ? null : mmss(n.simAt);
      const note: Note = {
        id: demoId(seed, 'note', script.key, n.key),
        interviewId: id,
        at: n.at !== undefined ? mmss(n.at) : simStart + (simAt ?? 0),
        text: n.text,
        dimensionId: n.dimension,
        simAt,
        isPrivate: n.isPrivate ?? false,
      };
      noteIds.set(n.key, note.id);
      return note;
    })
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const signalTags: SignalTag[] = script.signals
    .map((t) => {
      const ids = t.notes.map((key) => noteIds.get(key)!);
      const lastAt = Math.max(...notes.filter((n) => ids.includes(n.id)).map((n) => n.at));
      return {
        id: demoId(seed, 'signal', script.key, t.signalId),
        interviewId: id,
        signalId: t.signalId,
        noteIds: ids,
        at: lastAt + 15_000,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  const defectFindings: DefectFinding[] = (script.defects?.found ?? [])
    .map(([defectId, at]) => ({ interviewId: id, exerciseId: script.defects!.exerciseId, defectId, foundAt: mmss(at) }))
    .sort((a, b) => a.defectId.localeCompare(b.defectId));

  let incidentRun: IncidentRun | null = null;
  if (script.incident) {
    const scenario = pack.scenarios.find((s) => s.id === script.incident!.scenarioId)!;
    const log: IncidentLogEntry[] =
      typeof script.incident.log === 'string'
        ? incidentExemplarLog(scenario, script.incident.log)
        : script.incident.log.map(([at, action], i) => ({
            id: `entry-${i + 1}`,
            at: mmss(at),
            kind: 'action',
            action,
          }));
    const endedAt = incidentReplayEndMs(scenario, log);
    const startedAtWall = startedAt + simStart;
    incidentRun = {
      interviewId: id,
      scenarioId: scenario.id,
      seed: demoNumber(seed, 'incident', script.key),
      clock: {
        speed: 1,
        accumulatedMs: endedAt,
        startedAtWall,
        resumedAtWall: null,
        pausedAt: startedAtWall + endedAt,
      },
      log,
      endedAt,
    };
  }

  // The same snapshot interview submission seals: the evidence as it stood, canonical JSON.
  const snapshot = canonicalJson({ interview, ratings, notes, signalTags, defectFindings, incidentRun });
  const version: InterviewVersion = {
    id: demoId(seed, 'version', script.key, '1'),
    interviewId: id,
    version: 1,
    sealedAt: submittedAt,
    reason: '',
    snapshot,
  };
  return { interview, ratings, notes, signalTags, defectFindings, incidentRun, version };
}
