/**
 * Checks inside one scenario that its schema cannot express: every id it refers to exists, every
 * inject has exactly one trigger, every effect / condition / matcher / rule says exactly one thing.
 * Signal ids are checked against the pack's catalogue by the pack loader, which gets them from
 * {@link incidentScenarioSignalRefs}.
 */
import { incidentExemplarLog, incidentOutcome, incidentReplayEndMs } from './outcome';
import type { IncidentCondition, IncidentEffect, IncidentMatcher, IncidentRule, IncidentScenario } from './scenarioSchema';
import { incidentTimeFormat, incidentTimeParse } from './time';

export interface IncidentScenarioIssue {
  /** Path inside the scenario file, e.g. ["injects", 3, "afterAction"]. */
  path: (string | number)[];
  message: string;
  /** Another place the problem involves (the other rule of a contradicting pair). */
  also?: (string | number)[];
}

type Path = (string | number)[];

function quoteList(ids: Iterable<string>, max = 8): string {
  const all = [...ids];
  const shown = all
    .slice(0, max)
    .map((id) => `"${id}"`)
    .join(', ');
  return all.length > max ? `${shown}, …` : shown || '(none)';
}

/**
 * Returns every internal inconsistency of a scenario that already passed `incidentScenarioSchema`,
 * each with the path of the offending field and a message naming what to fix. Empty = consistent.
 */
export function incidentScenarioCrossCheck(scenario: IncidentScenario): IncidentScenarioIssue[] {
  const issues: IncidentScenarioIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });

  const uniqueIds = <T extends { id: string }>(list: T[], key: string, what: string): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) add([key, index, 'id'], `duplicate ${what} id "${item.id}" (also ${key}[${first}])`);
      else seen.set(item.id, index);
    });
    return new Set(seen.keys());
  };

  const services = uniqueIds(scenario.services, 'services', 'service');
  const stakeholders = uniqueIds(scenario.stakeholders, 'stakeholders', 'stakeholder');
  const metrics = uniqueIds(scenario.metrics, 'metrics', 'metric');
  const injects = uniqueIds(scenario.injects, 'injects', 'inject');
  const actions = uniqueIds(scenario.actions, 'actions', 'action');
  const milestones = uniqueIds(scenario.milestones, 'milestones', 'milestone');
  uniqueIds(scenario.rules, 'rules', 'rule');
  uniqueIds(scenario.debrief, 'debrief', 'debrief prompt');
  uniqueIds(scenario.postmortem, 'postmortem', 'postmortem prompt');

  // Flags exist only by being set somewhere.
  const flags = new Set<string>();
  for (const a of scenario.actions) for (const f of a.sets ?? []) flags.add(f);
  for (const i of scenario.injects) for (const f of i.sets ?? []) flags.add(f);

  const checkMetric = (path: Path, metric: string) => {
    if (!metrics.has(metric)) add(path, `unknown metric "${metric}"; metrics are ${quoteList(metrics)}`);
  };
  const checkAction = (path: Path, action: string) => {
    if (!actions.has(action)) add(path, `unknown action "${action}"; actions are ${quoteList(actions)}`);
  };
  const checkInject = (path: Path, inject: string) => {
    if (!injects.has(inject)) add(path, `unknown inject "${inject}"; injects are ${quoteList(injects)}`);
  };
  const checkFlags = (path: Path, list: string[] | undefined) => {
    (list ?? []).forEach((flag, i) => {
      if (!flags.has(flag))
        add([...path, i], `flag "${flag}" is never set by any action or inject (add it to a "sets" list)`);
    });
  };
  const checkReveals = (path: Path, list: string[] | undefined) => {
    (list ?? []).forEach((metric, i) => checkMetric([...path, i], metric));
  };

  const checkEffects = (path: Path, effects: IncidentEffect[] | undefined) => {
    (effects ?? []).forEach((effect, i) => {
      checkMetric([...path, i, 'metric'], effect.metric);
      const kinds = (['set', 'ramp', 'multiply', 'add'] as const).filter((k) => effect[k] !== undefined);
      if (kinds.length !== 1)
        add(
          [...path, i],
          `an effect needs exactly one of set, ramp, multiply, add (found ${kinds.length ? kinds.join(' and ') : 'none'})`,
        );
      if (effect.ramp && incidentTimeParse(effect.ramp.over) === 0)
        add([...path, i, 'ramp', 'over'], 'a ramp needs a duration above 00:00 (use set for a jump)');
    });
  };

  const checkCondition = (path: Path, condition: IncidentCondition) => {
    checkMetric([...path, 'metric'], condition.metric);
    if ((condition.above === undefined) === (condition.below === undefined))
      add(path, 'a metric condition needs exactly one of above, below');
    checkFlags([...path, 'requires'], condition.requires);
  };

  const checkMatcher = (path: Path, matcher: IncidentMatcher, where: 'milestone' | 'rule') => {
    const kinds = (['action', 'category', 'flag', 'inject', 'milestone', 'metric'] as const).filter(
      (k) => matcher[k] !== undefined,
    );
    if (kinds.length !== 1) {
      add(
        path,
        `needs exactly one of action, category, flag, inject, ${where === 'rule' ? 'milestone' : 'metric'} (found ${kinds.length ? kinds.join(' and ') : 'none'})`,
      );
    }
    if (matcher.action !== undefined) {
      if (typeof matcher.action === 'string') checkAction([...path, 'action'], matcher.action);
      else matcher.action.forEach((a, i) => checkAction([...path, 'action', i], a));
    }
    if (matcher.flag !== undefined && !flags.has(matcher.flag))
      add([...path, 'flag'], `flag "${matcher.flag}" is never set by any action or inject`);
    if (matcher.inject !== undefined) checkInject([...path, 'inject'], matcher.inject);
    if (matcher.milestone !== undefined) {
      if (where === 'milestone')
        add([...path, 'milestone'], 'a milestone cannot be hit by another milestone; name what hits that one');
      else if (!milestones.has(matcher.milestone))
        add(
          [...path, 'milestone'],
          `unknown milestone "${matcher.milestone}"; milestones are ${quoteList(milestones)}`,
        );
    }
    if (matcher.metric !== undefined) {
      if (where === 'rule')
        add(
          [...path, 'metric'],
          'rules cannot watch metrics directly; make a milestone for the condition and match it',
        );
      else {
        checkMetric([...path, 'metric'], matcher.metric);
        if ((matcher.above === undefined) === (matcher.below === undefined))
          add(path, 'a metric condition needs exactly one of above, below');
      }
    } else if (matcher.above !== undefined || matcher.below !== undefined || matcher.for !== undefined) {
      add(path, 'above, below and for only go with metric');
    }
    checkFlags([...path, 'requires'], matcher.requires);
  };

  scenario.metrics.forEach((metric, i) => {
    if (!services.has(metric.service))
      add(['metrics', i, 'service'], `unknown service "${metric.service}"; services are ${quoteList(services)}`);
    if (metric.min !== undefined && metric.max !== undefined && metric.min > metric.max)
      add(['metrics', i, 'max'], 'max is below min');
  });

  const listedByActions = new Map<string, number>();
  scenario.actions.forEach((action) => {
    for (const inject of action.injects ?? []) listedByActions.set(inject, (listedByActions.get(inject) ?? 0) + 1);
  });

  scenario.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    const triggers: string[] = [];
    if (inject.at !== undefined) triggers.push('at');
    if (inject.afterAction !== undefined) triggers.push('afterAction');
    if (inject.when !== undefined) triggers.push('when');
    if (listedByActions.has(inject.id)) triggers.push('an action’s injects list');
    if (triggers.length === 0)
      add(
        path,
        `inject "${inject.id}" has no trigger: give it at, afterAction or when, or list it in an action's injects`,
      );
    else if (triggers.length > 1)
      add(path, `inject "${inject.id}" has ${triggers.length} triggers (${triggers.join(', ')}); keep exactly one`);
    if (inject.delay !== undefined && inject.afterAction === undefined)
      add([...path, 'delay'], 'delay only goes with afterAction');
    if (inject.afterAction !== undefined) checkAction([...path, 'afterAction'], inject.afterAction);
    if (inject.when !== undefined) checkCondition([...path, 'when'], inject.when);
    if (inject.kind === 'chat') {
      if (inject.from === undefined) add(path, 'a chat inject needs from: the stakeholder who writes it');
      if (inject.text === undefined) add(path, 'a chat inject needs text: the message');
    } else if (inject.from !== undefined) {
      add([...path, 'from'], 'from only goes with chat injects');
    }
    if (inject.from !== undefined && !stakeholders.has(inject.from))
      add([...path, 'from'], `unknown stakeholder "${inject.from}"; stakeholders are ${quoteList(stakeholders)}`);
    if ((inject.kind === 'alert' || inject.kind === 'page') && inject.title === undefined)
      add(path, `an ${inject.kind} inject needs a title`);
    if (inject.kind === 'log' && inject.text === undefined) add(path, 'a log inject needs text: the log lines');
    if (inject.kind === 'dashboard-shift' && !(inject.effects?.length || inject.reveals?.length))
      add(path, 'a dashboard-shift inject needs effects or reveals: it is shown only through the charts');
    if (inject.service !== undefined && !services.has(inject.service))
      add([...path, 'service'], `unknown service "${inject.service}"; services are ${quoteList(services)}`);
    checkFlags([...path, 'onlyIf'], inject.onlyIf);
    checkFlags([...path, 'unless'], inject.unless);
    checkEffects([...path, 'effects'], inject.effects);
    checkReveals([...path, 'reveals'], inject.reveals);
  });

  const shortcuts = new Map<string, number>();
  scenario.actions.forEach((action, i) => {
    const path: Path = ['actions', i];
    const first = shortcuts.get(action.shortcut);
    if (first !== undefined)
      add(
        [...path, 'shortcut'],
        `shortcut "${action.shortcut}" is already used by action "${scenario.actions[first]!.id}"`,
      );
    else shortcuts.set(action.shortcut, i);
    (action.injects ?? []).forEach((inject, j) => checkInject([...path, 'injects', j], inject));
    checkEffects([...path, 'effects'], action.effects);
    checkReveals([...path, 'reveals'], action.reveals);
    checkFlags([...path, 'requires'], action.requires);
    if (action.category === 'anti-action' && action.redFlag === undefined)
      add(path, `anti-action "${action.id}" needs redFlag: the red-flag signal it raises`);
    if (action.category !== 'anti-action' && action.redFlag !== undefined)
      add([...path, 'redFlag'], 'redFlag only goes with category anti-action');
  });

  scenario.milestones.forEach((milestone, i) => checkMatcher(['milestones', i, 'hitBy'], milestone.hitBy, 'milestone'));

  scenario.rules.forEach((rule, i) => {
    const path: Path = ['rules', i];
    const kinds = (['deadline', 'sequence', 'cadence'] as const).filter((k) => rule[k] !== undefined);
    if (kinds.length !== 1)
      add(
        path,
        `a rule needs exactly one of deadline, sequence, cadence (found ${kinds.length ? kinds.join(' and ') : 'none'})`,
      );
    if (rule.deadline) checkMatcher([...path, 'deadline', 'of'], rule.deadline.of, 'rule');
    if (rule.sequence) {
      checkMatcher([...path, 'sequence', 'first'], rule.sequence.first, 'rule');
      checkMatcher([...path, 'sequence', 'then'], rule.sequence.then, 'rule');
    }
    if (rule.cadence) {
      for (const key of ['since', 'until'] as const) {
        const milestone = rule.cadence[key];
        if (milestone !== undefined && !milestones.has(milestone))
          add([...path, 'cadence', key], `unknown milestone "${milestone}"; milestones are ${quoteList(milestones)}`);
      }
    }
  });

  checkMetric(['slo', 'metric'], scenario.slo.metric);

  for (const which of ['strong', 'weak'] as const) {
    scenario.exemplars[which].forEach((step, i) => checkAction(['exemplars', which, i, 'action'], step.action));
  }

  return issues;
}

/** A signal a scenario can raise, with where it is named: for the pack loader's catalogue check. */
export interface IncidentSignalRef {
  path: (string | number)[];
  signal: string;
  /** The polarity the scenario expects the catalogue to give the signal. */
  polarity: 'strong' | 'weak' | 'red-flag';
}

/**
 * Every signal id a scenario can raise: anti-actions' red flags and the rules' signals. The pack
 * loader checks each exists in the signal catalogue with the same polarity.
 */
export function incidentScenarioSignalRefs(scenario: IncidentScenario): IncidentSignalRef[] {
  const refs: IncidentSignalRef[] = [];
  scenario.actions.forEach((action, i) => {
    if (action.redFlag !== undefined)
      refs.push({ path: ['actions', i, 'redFlag'], signal: action.redFlag, polarity: 'red-flag' });
  });
  scenario.rules.forEach((rule, i) =>
    refs.push({ path: ['rules', i, 'signal'], signal: rule.signal, polarity: rule.polarity }),
  );
  return refs;
}

/** The seed exemplars are judged with: the one `loopdesk simulate` uses unless told otherwise. */
export const INCIDENT_EXEMPLAR_SEED = 1;

/**
 * What a scenario's exemplars promise, checked by replaying them (seed
 * {@link INCIDENT_EXEMPLAR_SEED}, to the default replay end): the strong run meets every milestone
 * by its target and raises no red flag; the weak run misses (or is late for) a milestone or raises
 * a red flag — a "weak" run that does neither documents nothing. Each broken promise is reported
 * at the exemplar step that broke it when there is one, else at the exemplar list. Only for a
 * scenario {@link incidentScenarioCrossCheck} accepts (the engine assumes a consistent scenario).
 */
export function incidentScenarioExemplarCheck(
  scenario: IncidentScenario,
  seed = INCIDENT_EXEMPLAR_SEED,
): IncidentScenarioIssue[] {
  return [...incidentExemplarPromiseIssues(scenario, 'strong', seed), ...incidentExemplarPromiseIssues(scenario, 'weak', seed)];
}

/** The broken promises of one exemplar run (see {@link incidentScenarioExemplarCheck}). */
export function incidentExemplarPromiseIssues(
  scenario: IncidentScenario,
  which: 'strong' | 'weak',
  seed = INCIDENT_EXEMPLAR_SEED,
): IncidentScenarioIssue[] {
  const log = incidentExemplarLog(scenario, which);
  const outcome = incidentOutcome(scenario, seed, log, incidentReplayEndMs(scenario, log));
  const listPath: Path = ['exemplars', which];
  const stepOf = (logId: string | null): Path => {
    const index = logId === null ? -1 : log.findIndex((e) => e.id === logId);
    return index >= 0 ? [...listPath, index] : listPath;
  };
  const notMet = outcome.milestones.filter((m) => m.status !== 'met');
  const redFlags = outcome.signals.filter((s) => s.polarity === 'red-flag');
  if (which === 'weak') {
    if (notMet.length > 0 || redFlags.length > 0) return [];
    return [
      {
        path: listPath,
        message:
          'the weak exemplar meets every milestone and raises no red flag, so it shows nothing weak; ' +
          'let it miss a milestone target or take an anti-action (check with loopdesk simulate --exemplar weak)',
      },
    ];
  }
  const issues: IncidentScenarioIssue[] = notMet.map((m) => ({
    path: listPath,
    message:
      m.hitAt === null
        ? `the strong exemplar never reaches milestone "${m.id}" (target ${incidentTimeFormat(m.targetMs)}); add the step that hits it`
        : `the strong exemplar reaches milestone "${m.id}" late (at ${incidentTimeFormat(m.hitAt)}, target ${incidentTimeFormat(m.targetMs)}); take the step that hits it earlier`,
  }));
  for (const flag of redFlags) {
    issues.push({
      path: stepOf(flag.logId),
      message:
        flag.causeKind === 'action'
          ? `the strong exemplar raises red flag "${flag.id}" at ${incidentTimeFormat(flag.at)} by taking anti-action "${flag.cause}"; a strong run takes no anti-action`
          : `the strong exemplar raises red flag "${flag.id}" at ${incidentTimeFormat(flag.at)} through rule "${flag.cause}"; change the run so the rule does not fire`,
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Opposite signals: two rules that judge the same thing must not be able to call it both good and
// bad in one run ("steady cadence" and "irregular communication" for the same updates).

/**
 * The things a matcher observes, as atoms: `action:<id>`, `category:<name>`, `flag:<id>`,
 * `inject:<id>`, `milestone:<id>`, `metric:<id>`. A flag or milestone also stands for what causes
 * it, so putting a flag between a rule and the action behind it does not hide an overlap.
 */
function matcherSubjects(scenario: IncidentScenario, matcher: IncidentMatcher, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const addAll = (more: Iterable<string>) => {
    for (const subject of more) out.add(subject);
  };
  if (matcher.action !== undefined) addAll((typeof matcher.action === 'string' ? [matcher.action] : matcher.action).map((a) => `action:${a}`));
  // A category is its own aspect ("communications", "mitigations"): a rule on one action of it
  // (declaring resolution) judges something else than a rule on the category as a whole.
  if (matcher.category !== undefined) out.add(`category:${matcher.category}`);
  if (matcher.flag !== undefined) {
    const flag = matcher.flag;
    out.add(`flag:${flag}`);
    addAll(scenario.actions.filter((a) => a.sets?.includes(flag)).map((a) => `action:${a.id}`));
    addAll(scenario.injects.filter((i) => i.sets?.includes(flag)).map((i) => `inject:${i.id}`));
  }
  if (matcher.inject !== undefined) out.add(`inject:${matcher.inject}`);
  if (matcher.metric !== undefined) out.add(`metric:${matcher.metric}`);
  if (matcher.milestone !== undefined && !seen.has(matcher.milestone)) {
    out.add(`milestone:${matcher.milestone}`);
    const milestone = scenario.milestones.find((m) => m.id === matcher.milestone);
    if (milestone) addAll(matcherSubjects(scenario, milestone.hitBy, new Set([...seen, matcher.milestone])));
  }
  return out;
}

function ruleSubjects(scenario: IncidentScenario, rule: IncidentRule): Set<string> {
  if (rule.deadline) return matcherSubjects(scenario, rule.deadline.of);
  if (rule.sequence)
    return new Set([...matcherSubjects(scenario, rule.sequence.first), ...matcherSubjects(scenario, rule.sequence.then)]);
  // A cadence judges the communications themselves.
  return matcherSubjects(scenario, { category: 'communicate' });
}

function subjectWords(subject: string): string {
  if (subject === 'category:communicate') return 'communications';
  const [kind, id] = subject.split(':') as [string, string];
  return `${kind} "${id}"`;
}

function isSameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whenever `a` matches at t, `b` has matched at or before t. */
function matcherImplies(a: IncidentMatcher, b: IncidentMatcher): boolean {
  if (isSameJson(a, b)) return true;
  const aRequires = a.requires ?? [];
  const bRequires = b.requires ?? [];
  if (!bRequires.every((f) => aRequires.includes(f))) return false;
  const bare = (m: IncidentMatcher) => ({ ...m, requires: undefined });
  // `b` is "flag f was set": `a` requiring f means f was set by the time `a` matched.
  const isFlagOnly = b.flag !== undefined && Object.keys(bare(b)).filter((k) => b[k as keyof IncidentMatcher] !== undefined && k !== 'requires').length === 1;
  if (isFlagOnly && aRequires.includes(b.flag!)) return true;
  // The same event, with `a` demanding more flags.
  return isSameJson(bare(a), bare(b));
}

/**
 * True when the engine can never raise both rules in one run. Only shapes with a short proof are
 * recognised: one deadline met by A and missed by B ≥ A on the same match; one sequence in order
 * and one out of order with the same `then`, where the in-order `first` implies the other's
 * `first`; one cadence kept within G and one broken beyond G' ≥ G over the same window.
 */
function rulesExclude(a: IncidentRule, b: IncidentRule): boolean {
  if (a.deadline && b.deadline && isSameJson(a.deadline.of, b.deadline.of)) {
    const [met, missed] = a.deadline.raiseWhen === 'met' ? [a.deadline, b.deadline] : [b.deadline, a.deadline];
    return met.raiseWhen === 'met' && missed.raiseWhen === 'missed' && incidentTimeParse(met.by)! <= incidentTimeParse(missed.by)!;
  }
  if (a.sequence && b.sequence && isSameJson(a.sequence.then, b.sequence.then)) {
    const [inOrder, outOfOrder] = a.sequence.raiseWhen === 'in-order' ? [a.sequence, b.sequence] : [b.sequence, a.sequence];
    return inOrder.raiseWhen === 'in-order' && outOfOrder.raiseWhen === 'out-of-order' && matcherImplies(inOrder.first, outOfOrder.first);
  }
  if (a.cadence && b.cadence && a.cadence.since === b.cadence.since && a.cadence.until === b.cadence.until) {
    const [kept, broken] = a.cadence.raiseWhen === 'kept' ? [a.cadence, b.cadence] : [b.cadence, a.cadence];
    return kept.raiseWhen === 'kept' && broken.raiseWhen === 'broken' && incidentTimeParse(broken.maxGap)! >= incidentTimeParse(kept.maxGap)!;
  }
  return false;
}

/**
 * Rules that can derive opposite signals (strong against weak or red-flag) for the same aspect in
 * one run. Two rules concern the same aspect when they observe a common action, communication,
 * flag, inject or milestone (see {@link matcherSubjects}); such a pair must be provably exclusive
 * (see {@link rulesExclude}), else the report could say "steady cadence" and "irregular
 * communication" about the same updates. Reported at the later rule, naming the earlier one in
 * `also`. Only for a scenario {@link incidentScenarioCrossCheck} accepts.
 */
export function incidentScenarioOppositeRules(scenario: IncidentScenario): IncidentScenarioIssue[] {
  const issues: IncidentScenarioIssue[] = [];
  const subjects = scenario.rules.map((rule) => ruleSubjects(scenario, rule));
  scenario.rules.forEach((later, j) => {
    for (let i = 0; i < j; i++) {
      const earlier = scenario.rules[i]!;
      if ((earlier.polarity === 'strong') === (later.polarity === 'strong')) continue;
      const shared = [...subjects[j]!].filter((s) => subjects[i]!.has(s));
      if (shared.length === 0 || rulesExclude(earlier, later)) continue;
      issues.push({
        path: ['rules', j],
        also: ['rules', i],
        message:
          `rules "${earlier.id}" (${earlier.polarity} "${earlier.signal}") and "${later.id}" (${later.polarity} "${later.signal}") ` +
          `both judge ${shared.slice(0, 3).map(subjectWords).join(', ')} and can fire in the same run, giving opposite signals; ` +
          'make them exclusive: one deadline met by a time and one missed by the same or a later time, one sequence in-order ' +
          'and one out-of-order with the same "then", or one cadence kept and one broken over the same window ' +
          '(docs/rubric-authoring.md, "Rules that cannot contradict each other")',
      });
    }
  });
  return issues;
}
