/**
 * The outcome of an incident run: the figures and signals that go into the candidate report as
 * evidence. Derived from the engine's state, so it is as reproducible as the state itself.
 */
import { incidentStateAt, type IncidentMilestoneState, type IncidentSignalCause, type IncidentState } from './engine';
import type { IncidentLogEntry } from './runSchema';
import type { IncidentScenario } from './scenarioSchema';
import { incidentTimeFormat, incidentTimeParse } from './time';

export interface IncidentOutcomeSignal {
  id: string;
  polarity: 'strong' | 'weak' | 'red-flag';
  at: number;
  /** The anti-action id or rule id that raised it. */
  cause: string;
  causeKind: 'action' | 'rule';
  /** The log entry of the anti-action, when an action raised it. */
  logId: string | null;
  reason: string;
}

export interface IncidentOutcome {
  scenarioId: string;
  seed: number;
  simMs: number;
  /** Hit times (sim ms) of the first milestone of each kind; null = not hit. */
  timeToAcknowledgeMs: number | null;
  /** First communication of any kind (catalogue action or free-form), whatever the milestones say. */
  timeToFirstCommunicationMs: number | null;
  timeToMitigateMs: number | null;
  timeToResolveMs: number | null;
  communicationCount: number;
  /**
   * Gaps between consecutive communications from the first one until the resolve milestone (or the
   * end of the run), the silence after the last one up to that point included; null without any.
   */
  communicationCadence: { meanGapMs: number | null; maxGapMs: number | null };
  /** Minutes the SLO metric was past its threshold (10 s per breaching sample). */
  userImpactMinutes: number;
  /** The SLO's error budget over its window, in minutes: (1 − objective) × window. */
  errorBudgetMinutes: number;
  /** Fraction of that budget this incident burned (1 = the whole window's budget). */
  errorBudgetBurned: number;
  milestones: Array<{
    id: string;
    kind: IncidentMilestoneState['kind'];
    title: string;
    targetMs: number;
    hitAt: number | null;
    met: boolean;
    status: IncidentMilestoneState['status'];
  }>;
  /** The milestones by status, each exactly once: met by the target, hit after it, never hit by it, not yet due. */
  milestonesMet: string[];
  milestonesLate: string[];
  milestonesMissed: string[];
  milestonesPending: string[];
  /** Everything that happened in the run, in sim-time order (see {@link IncidentTimelineEntry}). */
  timeline: IncidentTimelineEntry[];
  signals: IncidentOutcomeSignal[];
  hasRedFlags: boolean;
  actionsTaken: number;
  antiActionsTaken: string[];
}

/** One thing that happened in a run, for a reader replaying it in their head. */
export interface IncidentTimelineEntry {
  at: number;
  kind: 'inject' | 'alert' | 'alert-cleared' | 'action' | 'blocked-action' | 'communication' | 'flag' | 'milestone' | 'signal';
  /** The inject, metric, action, flag, milestone or signal id; null for a free-form communication. */
  id: string | null;
  /** What a person reads: the inject's title, the action's label, "met" / "late" for a milestone. */
  text: string;
}

const timelineOrder: Record<IncidentTimelineEntry['kind'], number> = {
  inject: 0,
  alert: 1,
  'alert-cleared': 2,
  action: 3,
  'blocked-action': 3,
  communication: 4,
  flag: 5,
  milestone: 6,
  signal: 7,
};

/**
 * Everything that fired in a run, by sim time: injects, monitoring alerts firing and clearing,
 * the candidate's actions (blocked ones marked) and communications, flags set, milestones hit and
 * signals raised. At equal times, causes come before what they caused.
 */
export function incidentTimeline(state: IncidentState): IncidentTimelineEntry[] {
  const entries: IncidentTimelineEntry[] = [
    ...state.injects.map((i) => ({ at: i.at, kind: 'inject' as const, id: i.id, text: `${i.kind}: ${i.title ?? i.text ?? i.id}` })),
    ...state.metrics.flatMap((m) =>
      m.alertEpisodes.flatMap((episode) => [
        { at: episode.firedAt, kind: 'alert' as const, id: m.id, text: `alert fires: ${m.alert?.title ?? m.name}` },
        ...(episode.resolvedAt !== null
          ? [{ at: episode.resolvedAt, kind: 'alert-cleared' as const, id: m.id, text: `alert clears: ${m.alert?.title ?? m.name}` }]
          : []),
      ]),
    ),
    ...state.actions.map((a) => ({
      at: a.at,
      kind: a.isEffective ? ('action' as const) : ('blocked-action' as const),
      id: a.action,
      text: a.isEffective ? a.label : `${a.label} (blocked: needs ${a.missingFlags.join(', ')})`,
    })),
    ...state.communications
      .filter((c) => c.action === null)
      .map((c) => ({ at: c.at, kind: 'communication' as const, id: null, text: c.text ?? '' })),
    ...state.flags.map((f) => ({ at: f.at, kind: 'flag' as const, id: f.flag, text: `flag set: ${f.flag}` })),
    ...state.milestones.flatMap((m) =>
      m.hitAt === null ? [] : [{ at: m.hitAt, kind: 'milestone' as const, id: m.id, text: `${m.title} (${m.status})` }],
    ),
    ...state.signals.map((s) => ({ at: s.at, kind: 'signal' as const, id: s.signal, text: `${s.polarity}: ${s.reason}` })),
  ];
  return entries.sort((a, b) => a.at - b.at || timelineOrder[a.kind] - timelineOrder[b.kind]);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f + 0;
}

function causeId(cause: IncidentSignalCause): string {
  return cause.kind === 'action' ? cause.action : cause.rule;
}

/** The outcome figures of an already computed state (see {@link incidentOutcome}). */
export function incidentOutcomeOf(scenario: IncidentScenario, state: IncidentState): IncidentOutcome {
  const firstOfKind = (kind: IncidentMilestoneState['kind']) =>
    state.milestones.find((m) => m.kind === kind && m.hitAt !== null)?.hitAt ?? null;
  const resolveAt = firstOfKind('resolve');

  const comms = state.communications.map((c) => c.at).sort((a, b) => a - b);
  const windowEnd = resolveAt ?? state.simMs;
  const inWindow = comms.filter((t) => t <= windowEnd);
  const gaps: number[] = [];
  for (let i = 1; i < inWindow.length; i++) gaps.push(inWindow[i]! - inWindow[i - 1]!);
  if (inWindow.length > 0 && windowEnd > inWindow[inWindow.length - 1]!)
    gaps.push(windowEnd - inWindow[inWindow.length - 1]!);

  const userImpactMinutes = state.userImpactMs / 60_000;
  const objective = scenario.slo.objective / 100;
  const errorBudgetMinutes = (1 - objective) * (scenario.slo.windowDays ?? 30) * 24 * 60;

  const milestones = state.milestones.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    targetMs: m.targetMs,
    hitAt: m.hitAt,
    met: m.status === 'met',
    status: m.status,
  }));

  const signals = state.signals.map((s) => ({
    id: s.signal,
    polarity: s.polarity,
    at: s.at,
    cause: causeId(s.cause),
    causeKind: s.cause.kind,
    logId: s.cause.kind === 'action' ? s.cause.logId : null,
    reason: s.reason,
  }));

  return {
    scenarioId: state.scenarioId,
    seed: state.seed,
    simMs: state.simMs,
    timeToAcknowledgeMs: firstOfKind('acknowledge'),
    timeToFirstCommunicationMs: comms[0] ?? null,
    timeToMitigateMs: firstOfKind('mitigate'),
    timeToResolveMs: resolveAt,
    communicationCount: comms.length,
    communicationCadence: {
      meanGapMs: gaps.length ? Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length) : null,
      maxGapMs: gaps.length ? Math.max(...gaps) : null,
    },
    userImpactMinutes: round(userImpactMinutes, 2),
    errorBudgetMinutes: round(errorBudgetMinutes, 2),
    errorBudgetBurned: round(errorBudgetMinutes > 0 ? userImpactMinutes / errorBudgetMinutes : 0, 4),
    milestones,
    milestonesMet: milestones.filter((m) => m.status === 'met').map((m) => m.id),
    milestonesLate: milestones.filter((m) => m.status === 'late').map((m) => m.id),
    milestonesMissed: milestones.filter((m) => m.status === 'missed').map((m) => m.id),
    milestonesPending: milestones.filter((m) => m.status === 'pending').map((m) => m.id),
    timeline: incidentTimeline(state),
    signals,
    hasRedFlags: signals.some((s) => s.polarity === 'red-flag'),
    actionsTaken: state.actions.length,
    antiActionsTaken: [...new Set(state.actions.filter((a) => a.category === 'anti-action').map((a) => a.action))],
  };
}

/**
 * Outcome of the run at sim time `simMs`: times to acknowledge / first communication / mitigate /
 * resolve, communication cadence, user-impact minutes and error budget burned, milestones met,
 * late (hit after the target), missed and pending, the derived signals with the action or rule
 * behind each, and the timeline of everything that fired.
 */
export function incidentOutcome(
  scenario: IncidentScenario,
  seed: number,
  log: readonly IncidentLogEntry[],
  simMs: number,
): IncidentOutcome {
  return incidentOutcomeOf(scenario, incidentStateAt(scenario, seed, log, simMs));
}

/**
 * The outcome as people and the CLI read it: sim times as "mm:ss", durations in minutes. This is
 * the JSON `loopdesk simulate` prints.
 */
export function incidentOutcomeSummary(outcome: IncidentOutcome) {
  const clock = (value: number | null) => (value === null ? null : incidentTimeFormat(value));
  const minutes = (value: number | null) => (value === null ? null : round(value / 60_000, 2));
  return {
    scenario: outcome.scenarioId,
    seed: outcome.seed,
    at: incidentTimeFormat(outcome.simMs),
    timeToAcknowledge: clock(outcome.timeToAcknowledgeMs),
    timeToFirstCommunication: clock(outcome.timeToFirstCommunicationMs),
    timeToMitigate: clock(outcome.timeToMitigateMs),
    timeToResolve: clock(outcome.timeToResolveMs),
    communications: outcome.communicationCount,
    communicationCadence: {
      meanGapMinutes: minutes(outcome.communicationCadence.meanGapMs),
      maxGapMinutes: minutes(outcome.communicationCadence.maxGapMs),
    },
    userImpactMinutes: outcome.userImpactMinutes,
    errorBudgetMinutes: outcome.errorBudgetMinutes,
    errorBudgetBurned: outcome.errorBudgetBurned,
    milestones: outcome.milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      target: incidentTimeFormat(m.targetMs),
      hitAt: clock(m.hitAt),
      met: m.met,
      status: m.status,
    })),
    milestonesMet: outcome.milestonesMet,
    milestonesLate: outcome.milestonesLate,
    milestonesMissed: outcome.milestonesMissed,
    milestonesPending: outcome.milestonesPending,
    timeline: outcome.timeline.map((e) => ({ at: incidentTimeFormat(e.at), kind: e.kind, ...(e.id !== null ? { id: e.id } : {}), text: e.text })),
    signals: outcome.signals.map((s) => ({
      id: s.id,
      polarity: s.polarity,
      at: incidentTimeFormat(s.at),
      cause: s.cause,
    })),
    hasRedFlags: outcome.hasRedFlags,
    actionsTaken: outcome.actionsTaken,
    antiActionsTaken: outcome.antiActionsTaken,
  };
}

export type IncidentOutcomeSummary = ReturnType<typeof incidentOutcomeSummary>;

/**
 * A scenario's exemplar run as a log (ids `strong-1`, `strong-2`, …), for replays and tests.
 */
export function incidentExemplarLog(scenario: IncidentScenario, which: 'strong' | 'weak'): IncidentLogEntry[] {
  return scenario.exemplars[which].map((step, i) => ({
    id: `${which}-${i + 1}`,
    at: incidentTimeParse(step.at) ?? 0,
    kind: 'action' as const,
    action: step.action,
  }));
}

/**
 * Where a replay should stop by default: the scenario's planned duration, or, when the log runs
 * past it, five minutes after the last entry so effects of the final actions can land.
 */
export function incidentReplayEndMs(scenario: IncidentScenario, log: readonly IncidentLogEntry[]): number {
  const duration = incidentTimeParse(scenario.duration) ?? 0;
  const last = log.reduce((max, entry) => Math.max(max, entry.at), 0);
  return Math.max(duration, last > 0 ? last + 5 * 60_000 : 0);
}
