/**
 * The incident engine: a pure function of (scenario, seed, action log, sim time) → state.
 *
 * One call sweeps the run from 00:00 to `simMs` on a 10-second sample grid:
 *
 * 1. Log entries and scheduled injects are events ordered by (sim time, sequence); the sequence is
 *    timed injects first, then log entries in log order, then injects scheduled by those entries,
 *    so effects compose deterministically in log order.
 * 2. Each metric follows a trajectory (constant or ramp, times a scale, plus an offset) that effects
 *    replace or reshape at their effective time; a sample is the trajectory plus seeded noise.
 * 3. Metric conditions (inject `when`, metric milestones, alert rules, the SLO) are judged on the
 *    samples only, so the state at t is exactly the prefix of the state at any later time: nothing
 *    ever "un-happens" and milestones are monotone in time.
 * 4. After the last sample, events up to `simMs` itself are applied so a logged action, its chat
 *    reply or its flag shows at once rather than at the next sample.
 *
 * Nothing is cached between calls; a 30-minute run is ~180 samples per metric, cheap enough for the
 * console to call every animation frame.
 */
import type {
  IncidentAction,
  IncidentActionCategory,
  IncidentInject,
  IncidentInjectKind,
  IncidentMatcher,
  IncidentScenario,
} from './scenarioSchema';
import type { IncidentLogEntry } from './runSchema';
import { incidentRandomSeedFor, incidentRandomStream } from './random';
import { incidentTimeParse } from './time';

/** Metrics are sampled (and conditions judged) every 10 s of sim time. */
export const INCIDENT_SAMPLE_MS = 10_000;
/** Sim time beyond this is treated as this: six hours is far past any interview. */
export const INCIDENT_MAX_SIM_MS = 6 * 3600_000;

export type IncidentInjectCause =
  { kind: 'time' } | { kind: 'action'; action: string; logId: string } | { kind: 'condition'; metric: string };

export type IncidentSignalCause = { kind: 'action'; action: string; logId: string } | { kind: 'rule'; rule: string };

export type IncidentFlagCause = { kind: 'action'; action: string; logId: string } | { kind: 'inject'; inject: string };

export interface IncidentMetricState {
  id: string;
  name: string;
  unit: string;
  service: { id: string; name: string; description: string | null };
  decimals: number;
  /** One sample per entry of `IncidentState.times`. */
  values: number[];
  /** The latest sample. */
  current: number;
  /** On the candidate's dashboard (not hidden, or revealed by now). */
  isVisible: boolean;
  revealedAt: number | null;
  alert: { threshold: number; direction: 'above' | 'below'; title: string } | null;
  isAlerting: boolean;
  /** Monitoring alert episodes on this metric: when it fired and, if it has, when it cleared. */
  alertEpisodes: Array<{ firedAt: number; resolvedAt: number | null }>;
}

export interface IncidentFiredInject {
  id: string;
  kind: IncidentInjectKind;
  at: number;
  cause: IncidentInjectCause;
  title: string | null;
  text: string | null;
  severity: 'critical' | 'high' | 'warning' | 'info' | null;
  from: { id: string; name: string; role: string } | null;
  service: { id: string; name: string } | null;
  /** Interviewer-only remark from the scenario; never shown to the candidate. */
  note: string | null;
}

export interface IncidentTakenAction {
  logId: string;
  action: string;
  label: string;
  category: IncidentActionCategory;
  at: number;
  /** False when a required flag was not set yet: logged, but nothing happened. */
  isEffective: boolean;
  missingFlags: string[];
}

export interface IncidentCommunication {
  logId: string;
  at: number;
  /** The catalogue action that was the communication, or null for a free-form one. */
  action: string | null;
  text: string | null;
}

export interface IncidentFlagState {
  flag: string;
  at: number;
  cause: IncidentFlagCause;
}

export type IncidentMilestoneStatus = 'pending' | 'met' | 'late' | 'missed';

export interface IncidentMilestoneState {
  id: string;
  kind: 'acknowledge' | 'first-communication' | 'mitigate' | 'resolve' | 'other';
  title: string;
  targetMs: number;
  /** First sim time the milestone's rule held; null if it has not yet. */
  hitAt: number | null;
  /**
   * met = hit by the target; late = hit after it; missed = not hit and the target has passed;
   * pending = not hit and there is still time.
   */
  status: IncidentMilestoneStatus;
}

export interface IncidentDerivedSignal {
  signal: string;
  polarity: 'strong' | 'weak' | 'red-flag';
  at: number;
  cause: IncidentSignalCause;
  /** The rule's description or the anti-action's label, for the interviewer. */
  reason: string;
}

export interface IncidentState {
  scenarioId: string;
  seed: number;
  /** The sim time this state is for (clamped to 0..INCIDENT_MAX_SIM_MS). */
  simMs: number;
  /** The candidate-facing brief and wall clock at 00:00, carried for the presenter view. */
  brief: string;
  startsAt: string | null;
  sampleMs: number;
  /** Sample times 0, 10 000, … ≤ simMs. */
  times: number[];
  metrics: IncidentMetricState[];
  /** Fired injects in firing order. */
  injects: IncidentFiredInject[];
  /** Logged actions up to simMs in sim-time order. */
  actions: IncidentTakenAction[];
  communications: IncidentCommunication[];
  flags: IncidentFlagState[];
  milestones: IncidentMilestoneState[];
  /** Derived signals by time: anti-actions' red flags and the scenario's rules. */
  signals: IncidentDerivedSignal[];
  /** Sim ms during which the SLO metric was past its threshold (10 s per breaching sample). */
  userImpactMs: number;
  /**
   * Injects already due at a known later time (timed, or after a logged action's delay), soonest
   * first, for the interviewer's feed; one may still be skipped by its `unless`/`onlyIf` flags.
   */
  upcomingInjects: Array<{ id: string; at: number }>;
  /** Log entries naming an action the scenario does not have (a log from another scenario). */
  unknownActions: Array<{ logId: string; action: string; at: number }>;
}

// ---------------------------------------------------------------------------------------------
// Compilation: "mm:ss" strings to ms and ids to indexes, once per call.

function ms(text: string | undefined, fallback = 0): number {
  if (text === undefined) return fallback;
  const value = incidentTimeParse(text);
  if (value === null) throw new Error(`incident engine: bad sim time "${text}" (validate the scenario first)`);
  return value;
}

type EffectKind = 'set' | 'ramp' | 'multiply' | 'add';

interface CompiledEffect {
  metric: number;
  kind: EffectKind;
  value: number;
  from: number | undefined;
  overMs: number;
  afterMs: number;
}

interface CompiledCondition {
  metric: number;
  above: number | undefined;
  below: number | undefined;
  forMs: number;
  requires: string[];
}

function compileEffects(list: IncidentInject['effects'], metricIndex: Map<string, number>): CompiledEffect[] {
  const out: CompiledEffect[] = [];
  for (const effect of list ?? []) {
    const metric = metricIndex.get(effect.metric);
    if (metric === undefined) continue;
    const afterMs = ms(effect.after);
    if (effect.set !== undefined)
      out.push({ metric, kind: 'set', value: effect.set, from: undefined, overMs: 0, afterMs });
    else if (effect.ramp !== undefined)
      out.push({
        metric,
        kind: 'ramp',
        value: effect.ramp.to,
        from: effect.ramp.from,
        overMs: ms(effect.ramp.over),
        afterMs,
      });
    else if (effect.multiply !== undefined)
      out.push({ metric, kind: 'multiply', value: effect.multiply, from: undefined, overMs: 0, afterMs });
    else if (effect.add !== undefined)
      out.push({ metric, kind: 'add', value: effect.add, from: undefined, overMs: 0, afterMs });
  }
  return out;
}

function compileCondition(
  condition: {
    metric: string;
    above?: number | undefined;
    below?: number | undefined;
    for?: string | undefined;
    requires?: string[] | undefined;
  },
  metricIndex: Map<string, number>,
): CompiledCondition | null {
  const metric = metricIndex.get(condition.metric);
  if (metric === undefined) return null;
  return {
    metric,
    above: condition.above,
    below: condition.below,
    forMs: ms(condition.for),
    requires: condition.requires ?? [],
  };
}

function conditionHolds(condition: { above: number | undefined; below: number | undefined }, value: number): boolean {
  if (condition.above !== undefined) return value > condition.above;
  if (condition.below !== undefined) return value < condition.below;
  return false;
}

/** A streak of samples that held is long enough once it spans `forMs` (one sample when 0). */
function streakLongEnough(streak: number, forMs: number): boolean {
  return streak > 0 && (streak - 1) * INCIDENT_SAMPLE_MS >= forMs;
}

// ---------------------------------------------------------------------------------------------
// Metric trajectories.

interface Trajectory {
  isRamp: boolean;
  t0: number;
  v0: number;
  t1: number;
  v1: number;
  scale: number;
  offset: number;
}

function trajectoryAt(tr: Trajectory, t: number): number {
  let base = tr.v0;
  if (tr.isRamp) {
    if (t >= tr.t1) base = tr.v1;
    else if (t > tr.t0) base = tr.v0 + ((tr.v1 - tr.v0) * (t - tr.t0)) / (tr.t1 - tr.t0);
  }
  return tr.scale * base + tr.offset;
}

function trajectoryApply(tr: Trajectory, effect: CompiledEffect, at: number): Trajectory {
  switch (effect.kind) {
    case 'set':
      return { isRamp: false, t0: at, v0: effect.value, t1: at, v1: effect.value, scale: 1, offset: 0 };
    case 'ramp': {
      const start = effect.from ?? trajectoryAt(tr, at);
      return {
        isRamp: true,
        t0: at,
        v0: start,
        t1: at + Math.max(1, effect.overMs),
        v1: effect.value,
        scale: 1,
        offset: 0,
      };
    }
    case 'multiply':
      return { ...tr, scale: tr.scale * effect.value, offset: tr.offset * effect.value };
    case 'add':
      return { ...tr, offset: tr.offset + effect.value };
  }
}

interface PendingEffect {
  at: number;
  seq: number;
  effect: CompiledEffect;
}

interface MetricRun {
  trajectory: Trajectory;
  pending: PendingEffect[];
  random: () => number;
  values: number[];
  min: number;
  max: number;
  factor: number;
  noise: number;
  noiseRatio: number;
  revealedAt: number | null;
  alertCondition: CompiledCondition | null;
  alertStreak: number;
  isAlerting: boolean;
  alertEpisodes: Array<{ firedAt: number; resolvedAt: number | null }>;
}

/** Inserts keeping (at, seq) order; lists are short, so a linear scan from the end is enough. */
function insertOrdered<T extends { at: number; seq: number }>(list: T[], item: T): void {
  let i = list.length;
  while (i > 0 && (list[i - 1]!.at > item.at || (list[i - 1]!.at === item.at && list[i - 1]!.seq > item.seq))) i--;
  list.splice(i, 0, item);
}

// ---------------------------------------------------------------------------------------------
// Events.

type SimEvent =
  | { at: number; seq: number; kind: 'inject'; inject: number; cause: IncidentInjectCause }
  | { at: number; seq: number; kind: 'log'; entry: IncidentLogEntry };

type InjectStatus = 'waiting' | 'scheduled' | 'fired' | 'suppressed';

/** Log entries that count, in sim-time order (log order among equal times), retractions applied. */
export function incidentLogEffective(log: readonly IncidentLogEntry[]): IncidentLogEntry[] {
  const retracted = new Set<string>();
  for (const entry of log) if (entry.kind === 'retract') retracted.add(entry.target);
  return log
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.kind !== 'retract' && !retracted.has(entry.id))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * The state of a run of `scenario` with noise `seed` and the candidate's `log`, at sim time
 * `simMs`. Pure: the same inputs give an identical result, and the state at an earlier time is
 * always the prefix of the state at a later one (see the module comment for the order rules).
 * Log entries after `simMs` are ignored; retracted entries count as never logged. The scenario is
 * assumed valid (`incidentScenarioSchema` + `incidentScenarioCrossCheck`).
 */
export function incidentStateAt(
  scenario: IncidentScenario,
  seed: number,
  log: readonly IncidentLogEntry[],
  simMs: number,
): IncidentState {
  const endMs = Math.min(INCIDENT_MAX_SIM_MS, Math.max(0, Math.floor(Number.isFinite(simMs) ? simMs : 0)));

  const metricIndex = new Map(scenario.metrics.map((m, i) => [m.id, i] as const));
  const injectIndex = new Map(scenario.injects.map((inj, i) => [inj.id, i] as const));
  const actionById = new Map(scenario.actions.map((a) => [a.id, a] as const));
  const serviceById = new Map(scenario.services.map((s) => [s.id, s] as const));
  const stakeholderById = new Map(scenario.stakeholders.map((s) => [s.id, s] as const));

  const injectEffects = scenario.injects.map((inj) => compileEffects(inj.effects, metricIndex));
  const injectConditions = scenario.injects.map((inj) => (inj.when ? compileCondition(inj.when, metricIndex) : null));
  const actionEffects = new Map(scenario.actions.map((a) => [a.id, compileEffects(a.effects, metricIndex)] as const));
  /** Injects waiting for an action, by action id. */
  const injectsAfterAction = new Map<string, number[]>();
  scenario.injects.forEach((inj, i) => {
    if (inj.afterAction === undefined) return;
    const list = injectsAfterAction.get(inj.afterAction) ?? [];
    list.push(i);
    injectsAfterAction.set(inj.afterAction, list);
  });

  const metrics: MetricRun[] = scenario.metrics.map((m, i) => ({
    trajectory: { isRamp: false, t0: 0, v0: m.baseline, t1: 0, v1: m.baseline, scale: 1, offset: 0 },
    pending: [],
    random: incidentRandomStream(incidentRandomSeedFor(seed, i)),
    values: [],
    min: m.min ?? 0,
    max: m.max ?? Number.POSITIVE_INFINITY,
    factor: 10 ** (m.decimals ?? 2),
    noise: m.noise,
    noiseRatio: m.noiseRatio ?? 0,
    revealedAt: m.hidden ? null : 0,
    alertCondition: m.alert
      ? {
          metric: i,
          above: m.alert.direction === 'above' ? m.alert.threshold : undefined,
          below: m.alert.direction === 'below' ? m.alert.threshold : undefined,
          forMs: ms(m.alert.for),
          requires: [],
        }
      : null,
    alertStreak: 0,
    isAlerting: false,
    alertEpisodes: [],
  }));

  const injectStatus: InjectStatus[] = scenario.injects.map(() => 'waiting');
  const injectStreak: number[] = scenario.injects.map(() => 0);
  const fired: IncidentFiredInject[] = [];
  const firedAt = new Map<string, number>();
  const flagsSet = new Map<string, IncidentFlagState>();
  const taken: IncidentTakenAction[] = [];
  const communications: IncidentCommunication[] = [];
  const signals: IncidentDerivedSignal[] = [];
  const redFlagged = new Set<string>();
  const unknownActions: IncidentState['unknownActions'] = [];

  const milestoneHit: Array<number | null> = scenario.milestones.map(() => null);
  const milestoneConditions = scenario.milestones.map((m) =>
    m.hitBy.metric !== undefined
      ? compileCondition(
          {
            metric: m.hitBy.metric,
            above: m.hitBy.above,
            below: m.hitBy.below,
            for: m.hitBy.for,
            requires: m.hitBy.requires,
          },
          metricIndex,
        )
      : null,
  );
  const milestoneStreak = scenario.milestones.map(() => 0);

  const sloIndex = metricIndex.get(scenario.slo.metric);
  const sloCondition =
    scenario.slo.direction === 'above'
      ? { above: scenario.slo.threshold, below: undefined }
      : { above: undefined, below: scenario.slo.threshold };
  let userImpactMs = 0;

  let seq = 0;
  const queue: SimEvent[] = [];
  scenario.injects.forEach((inj, i) => {
    if (inj.at === undefined) return;
    injectStatus[i] = 'scheduled';
    queue.push({ at: ms(inj.at), seq: seq++, kind: 'inject', inject: i, cause: { kind: 'time' } });
  });
  queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const entry of incidentLogEffective(log)) {
    if (entry.at > endMs) break;
    insertOrdered(queue, { at: entry.at, seq: seq++, kind: 'log', entry });
  }

  const hasFlags = (list: readonly string[] | undefined) => (list ?? []).every((f) => flagsSet.has(f));
  const hasAnyFlag = (list: readonly string[] | undefined) => (list ?? []).some((f) => flagsSet.has(f));

  // --- Milestones hit by events (actions, communications, flags, injects).
  type MatchEvent =
    | { kind: 'action'; action: string; category: IncidentActionCategory }
    | { kind: 'communication' }
    | { kind: 'flag'; flag: string }
    | { kind: 'inject'; inject: string };
  const matcherMatches = (matcher: IncidentMatcher, event: MatchEvent): boolean => {
    if (!hasFlags(matcher.requires)) return false;
    switch (event.kind) {
      case 'action':
        if (matcher.action !== undefined)
          return typeof matcher.action === 'string'
            ? matcher.action === event.action
            : matcher.action.includes(event.action);
        return matcher.category !== undefined && matcher.category === event.category;
      case 'communication':
        return matcher.category === 'communicate';
      case 'flag':
        return matcher.flag === event.flag;
      case 'inject':
        return matcher.inject === event.inject;
    }
  };
  const milestonesOnEvent = (event: MatchEvent, at: number) => {
    scenario.milestones.forEach((milestone, i) => {
      if (milestoneHit[i] === null && milestone.hitBy.metric === undefined && matcherMatches(milestone.hitBy, event))
        milestoneHit[i] = at;
    });
  };

  const setFlags = (list: readonly string[] | undefined, at: number, cause: IncidentFlagCause) => {
    for (const flag of list ?? []) {
      if (flagsSet.has(flag)) continue;
      flagsSet.set(flag, { flag, at, cause });
      milestonesOnEvent({ kind: 'flag', flag }, at);
    }
  };

  const scheduleEffects = (effects: readonly CompiledEffect[], at: number) => {
    for (const effect of effects)
      insertOrdered(metrics[effect.metric]!.pending, { at: at + effect.afterMs, seq: seq++, effect });
  };

  const reveal = (list: readonly string[] | undefined, at: number) => {
    for (const id of list ?? []) {
      const run = metrics[metricIndex.get(id) ?? -1];
      if (run && run.revealedAt === null) run.revealedAt = at;
    }
  };

  const fireInject = (index: number, at: number, cause: IncidentInjectCause) => {
    const inject = scenario.injects[index]!;
    if (injectStatus[index] === 'fired' || injectStatus[index] === 'suppressed') return;
    if (!hasFlags(inject.onlyIf) || hasAnyFlag(inject.unless)) {
      injectStatus[index] = 'suppressed';
      return;
    }
    injectStatus[index] = 'fired';
    firedAt.set(inject.id, at);
    const from = inject.from !== undefined ? stakeholderById.get(inject.from) : undefined;
    const service = inject.service !== undefined ? serviceById.get(inject.service) : undefined;
    fired.push({
      id: inject.id,
      kind: inject.kind,
      at,
      cause,
      title: inject.title ?? null,
      text: inject.text ?? null,
      severity: inject.severity ?? null,
      from: from ? { id: from.id, name: from.name, role: from.role } : null,
      service: service ? { id: service.id, name: service.name } : null,
      note: inject.note ?? null,
    });
    scheduleEffects(injectEffects[index]!, at);
    reveal(inject.reveals, at);
    setFlags(inject.sets, at, { kind: 'inject', inject: inject.id });
    milestonesOnEvent({ kind: 'inject', inject: inject.id }, at);
  };

  const takeAction = (entry: Extract<IncidentLogEntry, { kind: 'action' }>) => {
    const action: IncidentAction | undefined = actionById.get(entry.action);
    if (!action) {
      unknownActions.push({ logId: entry.id, action: entry.action, at: entry.at });
      return;
    }
    const missingFlags = (action.requires ?? []).filter((f) => !flagsSet.has(f));
    const isEffective = missingFlags.length === 0;
    taken.push({
      logId: entry.id,
      action: action.id,
      label: action.label,
      category: action.category,
      at: entry.at,
      isEffective,
      missingFlags,
    });
    if (action.redFlag !== undefined && !redFlagged.has(action.id)) {
      // An anti-action is a red flag for having been tried, whether or not it could take effect.
      redFlagged.add(action.id);
      signals.push({
        signal: action.redFlag,
        polarity: 'red-flag',
        at: entry.at,
        cause: { kind: 'action', action: action.id, logId: entry.id },
        reason: action.label,
      });
    }
    if (!isEffective) return;
    if (action.category === 'communicate')
      communications.push({ logId: entry.id, at: entry.at, action: action.id, text: null });
    scheduleEffects(actionEffects.get(action.id) ?? [], entry.at);
    reveal(action.reveals, entry.at);
    setFlags(action.sets, entry.at, { kind: 'action', action: action.id, logId: entry.id });
    milestonesOnEvent({ kind: 'action', action: action.id, category: action.category }, entry.at);
    const cause: IncidentInjectCause = { kind: 'action', action: action.id, logId: entry.id };
    for (const id of action.injects ?? []) {
      const index = injectIndex.get(id);
      if (index !== undefined && injectStatus[index] === 'waiting') {
        injectStatus[index] = 'scheduled';
        insertOrdered(queue, { at: entry.at, seq: seq++, kind: 'inject', inject: index, cause });
      }
    }
    for (const index of injectsAfterAction.get(action.id) ?? []) {
      if (injectStatus[index] !== 'waiting') continue;
      injectStatus[index] = 'scheduled';
      insertOrdered(queue, {
        at: entry.at + ms(scenario.injects[index]!.delay),
        seq: seq++,
        kind: 'inject',
        inject: index,
        cause,
      });
    }
  };

  const processEventsUpTo = (t: number) => {
    while (queue.length > 0 && queue[0]!.at <= t) {
      const event = queue.shift()!;
      if (event.kind === 'inject') {
        fireInject(event.inject, event.at, event.cause);
        continue;
      }
      const entry = event.entry;
      if (entry.kind === 'action') takeAction(entry);
      else if (entry.kind === 'communication') {
        communications.push({ logId: entry.id, at: entry.at, action: null, text: entry.text });
        milestonesOnEvent({ kind: 'communication' }, entry.at);
      }
    }
  };

  // --- The sweep.
  const times: number[] = [];
  const lastSample = Math.floor(endMs / INCIDENT_SAMPLE_MS);
  for (let k = 0; k <= lastSample; k++) {
    const t = k * INCIDENT_SAMPLE_MS;
    times.push(t);
    processEventsUpTo(t);

    for (const run of metrics) {
      while (run.pending.length > 0 && run.pending[0]!.at <= t) {
        const next = run.pending.shift()!;
        run.trajectory = trajectoryApply(run.trajectory, next.effect, next.at);
      }
      const raw = trajectoryAt(run.trajectory, t);
      // Two uniform draws per sample, always, so the stream position depends only on k.
      const jitter = run.random() + run.random() - 1;
      const noisy = raw + jitter * (run.noise + run.noiseRatio * Math.abs(raw));
      const clamped = Math.min(run.max, Math.max(run.min, noisy));
      run.values.push(Math.round(clamped * run.factor) / run.factor + 0);
    }

    if (sloIndex !== undefined && k > 0 && conditionHolds(sloCondition, metrics[sloIndex]!.values[k]!)) {
      userImpactMs += INCIDENT_SAMPLE_MS;
    }

    for (const run of metrics) {
      if (!run.alertCondition) continue;
      const holds = conditionHolds(run.alertCondition, run.values[k]!);
      run.alertStreak = holds ? run.alertStreak + 1 : 0;
      if (!run.isAlerting && streakLongEnough(run.alertStreak, run.alertCondition.forMs)) {
        run.isAlerting = true;
        run.alertEpisodes.push({ firedAt: t, resolvedAt: null });
      } else if (run.isAlerting && !holds) {
        run.isAlerting = false;
        run.alertEpisodes[run.alertEpisodes.length - 1]!.resolvedAt = t;
      }
    }

    scenario.injects.forEach((inject, i) => {
      const condition = injectConditions[i];
      if (!condition || injectStatus[i] !== 'waiting') return;
      const gated = hasFlags(inject.onlyIf) && !hasAnyFlag(inject.unless) && hasFlags(condition.requires);
      const holds = gated && conditionHolds(condition, metrics[condition.metric]!.values[k]!);
      injectStreak[i] = holds ? injectStreak[i]! + 1 : 0;
      if (streakLongEnough(injectStreak[i]!, condition.forMs)) {
        fireInject(i, t, { kind: 'condition', metric: scenario.metrics[condition.metric]!.id });
      }
    });

    scenario.milestones.forEach((_milestone, i) => {
      const condition = milestoneConditions[i];
      if (!condition || milestoneHit[i] !== null) return;
      const holds = hasFlags(condition.requires) && conditionHolds(condition, metrics[condition.metric]!.values[k]!);
      milestoneStreak[i] = holds ? milestoneStreak[i]! + 1 : 0;
      if (streakLongEnough(milestoneStreak[i]!, condition.forMs)) milestoneHit[i] = t;
    });
  }
  processEventsUpTo(endMs);

  const milestones: IncidentMilestoneState[] = scenario.milestones.map((m, i) => {
    const targetMs = ms(m.target);
    const hitAt = milestoneHit[i]!;
    const status: IncidentMilestoneStatus =
      hitAt !== null ? (hitAt <= targetMs ? 'met' : 'late') : endMs > targetMs ? 'missed' : 'pending';
    return { id: m.id, kind: m.kind, title: m.title, targetMs, hitAt, status };
  });

  signals.push(
    ...incidentRuleSignals(scenario, endMs, {
      taken,
      communications,
      flags: flagsSet,
      firedAt,
      milestones,
    }),
  );
  // Stable: equal times keep anti-actions (raised during the sweep) before rules, rules in file order.
  signals.sort((a, b) => a.at - b.at);

  return {
    scenarioId: scenario.id,
    seed,
    simMs: endMs,
    brief: scenario.brief,
    startsAt: scenario.startsAt ?? null,
    sampleMs: INCIDENT_SAMPLE_MS,
    times,
    metrics: scenario.metrics.map((m, i) => {
      const run = metrics[i]!;
      const service = serviceById.get(m.service);
      return {
        id: m.id,
        name: m.name,
        unit: m.unit,
        service: { id: m.service, name: service?.name ?? m.service, description: service?.description ?? null },
        decimals: m.decimals ?? 2,
        values: run.values,
        current: run.values[run.values.length - 1] ?? m.baseline,
        isVisible: run.revealedAt !== null,
        revealedAt: run.revealedAt,
        alert: m.alert
          ? { threshold: m.alert.threshold, direction: m.alert.direction, title: m.alert.title ?? m.name }
          : null,
        isAlerting: run.isAlerting,
        alertEpisodes: run.alertEpisodes,
      };
    }),
    injects: fired,
    actions: taken,
    communications,
    flags: [...flagsSet.values()],
    milestones,
    signals,
    userImpactMs,
    upcomingInjects: queue.flatMap((event) =>
      event.kind === 'inject' ? [{ id: scenario.injects[event.inject]!.id, at: event.at }] : [],
    ),
    unknownActions,
  };
}

// ---------------------------------------------------------------------------------------------
// Derived-signal rules, judged on the timeline the sweep produced.

interface Timeline {
  taken: IncidentTakenAction[];
  communications: IncidentCommunication[];
  flags: Map<string, IncidentFlagState>;
  firedAt: Map<string, number>;
  milestones: IncidentMilestoneState[];
}

/** Sorted times at which `matcher` matched (only effective actions count). */
function matcherTimes(matcher: IncidentMatcher, timeline: Timeline): number[] {
  let times: number[] = [];
  if (matcher.action !== undefined) {
    const ids = typeof matcher.action === 'string' ? [matcher.action] : matcher.action;
    times = timeline.taken.filter((a) => a.isEffective && ids.includes(a.action)).map((a) => a.at);
  } else if (matcher.category !== undefined) {
    times =
      matcher.category === 'communicate'
        ? timeline.communications.map((c) => c.at)
        : timeline.taken.filter((a) => a.isEffective && a.category === matcher.category).map((a) => a.at);
  } else if (matcher.flag !== undefined) {
    const flag = timeline.flags.get(matcher.flag);
    times = flag ? [flag.at] : [];
  } else if (matcher.inject !== undefined) {
    const at = timeline.firedAt.get(matcher.inject);
    times = at !== undefined ? [at] : [];
  } else if (matcher.milestone !== undefined) {
    const hitAt = timeline.milestones.find((m) => m.id === matcher.milestone)?.hitAt ?? null;
    times = hitAt !== null ? [hitAt] : [];
  }
  const requires = matcher.requires ?? [];
  if (requires.length > 0) {
    times = times.filter((t) =>
      requires.every((f) => {
        const flag = timeline.flags.get(f);
        return flag !== undefined && flag.at <= t;
      }),
    );
  }
  return times.sort((a, b) => a - b);
}

function incidentRuleSignals(scenario: IncidentScenario, endMs: number, timeline: Timeline): IncidentDerivedSignal[] {
  const out: IncidentDerivedSignal[] = [];
  for (const rule of scenario.rules) {
    const raise = (at: number) =>
      out.push({
        signal: rule.signal,
        polarity: rule.polarity,
        at,
        cause: { kind: 'rule', rule: rule.id },
        reason: rule.description,
      });

    if (rule.deadline) {
      const by = ms(rule.deadline.by);
      const first = matcherTimes(rule.deadline.of, timeline)[0];
      if (rule.deadline.raiseWhen === 'met') {
        if (first !== undefined && first <= by) raise(first);
      } else if ((first === undefined || first > by) && endMs >= by) {
        raise(by);
      }
    } else if (rule.sequence) {
      const then = matcherTimes(rule.sequence.then, timeline)[0];
      if (then === undefined) continue;
      const first = matcherTimes(rule.sequence.first, timeline)[0];
      const isInOrder = first !== undefined && first <= then;
      if ((rule.sequence.raiseWhen === 'in-order') === isInOrder) raise(then);
    } else if (rule.cadence) {
      const cadence = rule.cadence;
      const maxGap = ms(cadence.maxGap);
      const hitAt = (id: string | undefined) =>
        id === undefined ? null : (timeline.milestones.find((m) => m.id === id)?.hitAt ?? null);
      const until = hitAt(cadence.until);
      const end = until ?? Number.POSITIVE_INFINITY;
      const comms = timeline.communications
        .map((c) => c.at)
        .filter((t) => t <= end)
        .sort((a, b) => a - b);
      const start = cadence.since !== undefined ? hitAt(cadence.since) : (comms[0] ?? null);
      if (start === null || start > end) continue;
      const inWindow = comms.filter((t) => t >= start);
      if (inWindow.length === 0) {
        // Nothing said since the window opened: only a broken cadence can be judged yet.
        if (cadence.raiseWhen === 'broken' && start + maxGap < end && start + maxGap <= endMs) raise(start + maxGap);
        continue;
      }
      // The window's points: its start, then every communication in it.
      const points = start < inWindow[0]! ? [start, ...inWindow] : inWindow;
      if (cadence.raiseWhen === 'kept') {
        if (until === null) continue;
        let isKept = until - points[points.length - 1]! <= maxGap;
        for (let i = 1; i < points.length && isKept; i++) isKept = points[i]! - points[i - 1]! <= maxGap;
        if (isKept) raise(until);
      } else {
        // Broken the moment a silence passes maxGap, if that is before the window closed.
        for (let i = 0; i < points.length; i++) {
          const limit = points[i]! + maxGap;
          const next = points[i + 1];
          if ((next === undefined || next > limit) && limit < end && limit <= endMs) {
            raise(limit);
            break;
          }
        }
      }
    }
  }
  return out;
}
