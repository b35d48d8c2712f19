/**
 * Incident scenario file (`scenarios/*.yaml` in a pack): a timed, branching incident the candidate
 * leads while the interviewer logs what they do.
 *
 * A scenario describes a world (services, metrics with seeded noise, stakeholders), what happens in
 * it on its own or in response to the candidate (injects), what the candidate can do (the action
 * catalogue, anti-actions included), how the run is judged (milestones with target times, derived
 * signal rules, an SLO for user impact) and two exemplar runs that document the intended strong and
 * weak paths and double as its tests.
 *
 * References inside the file (an inject naming an action, a milestone naming a metric) are checked
 * by `incidentScenarioCrossCheck` after this schema passes; signal ids against the pack's catalogue
 * by the pack loader through `incidentScenarioSignalRefs`.
 *
 * Sim times are "mm:ss" strings in the file; the engine converts them. Nothing here has defaults,
 * so a parsed scenario is exactly what the author wrote.
 */
import { z } from 'zod';
import { incidentTimePattern } from './time';

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "roll-back-canary"')
  .max(64);

const id = (description: string) => idSchema.meta({ description });

const idList = (description: string, max = 20) => z.array(idSchema).max(max).meta({ description });

const text = (description: string, max = 2000) =>
  z.string().trim().min(1, 'must not be empty').max(max).meta({ description });

/** A sim time written "mm:ss" (minutes may exceed 59), measured from the start of the incident. */
export const incidentTimeSchema = z
  .string()
  .regex(incidentTimePattern, 'write sim times as "mm:ss", e.g. "07:30"')
  .meta({ description: 'Sim time "mm:ss" since the incident started, e.g. "07:30".' });

const time = (description: string) => incidentTimeSchema.meta({ description });

export const incidentActionCategorySchema = z
  .enum(['investigate', 'mitigate', 'communicate', 'coordinate', 'anti-action'])
  .meta({
    description:
      'investigate (gather evidence), mitigate (change production to reduce impact), communicate (tell ' +
      'stakeholders), coordinate (organise the response), anti-action (a move a strong incident lead avoids; raises its red flag).',
  });

export const incidentInjectKindSchema = z.enum(['alert', 'page', 'dashboard-shift', 'log', 'chat']).meta({
  description:
    'alert (monitoring notification), page (pager notification to the on-call), dashboard-shift (a change ' +
    'on the charts, shown only through its metric effects), log (log excerpt), chat (message from a stakeholder).',
});

export const incidentServiceSchema = z.strictObject({
  id: id('Service id, referenced by metrics and injects.'),
  name: text('Display name, e.g. "Checkout API".', 120),
  description: text('What the service does, shown to the candidate with its dashboard.', 600).optional(),
});

export const incidentStakeholderSchema = z.strictObject({
  id: id('Stakeholder id, referenced by chat injects.'),
  name: text('Display name shown in chat, e.g. "Priya (VP Engineering)".', 120),
  role: text('Their role, e.g. "VP Engineering", "Support lead", "On-call peer".', 120),
});

export const incidentAlertRuleSchema = z.strictObject({
  threshold: z.number().meta({ description: 'Value at which the alert fires.' }),
  direction: z.enum(['above', 'below']).meta({ description: 'Fire when the metric is above or below the threshold.' }),
  for: time('How long the breach must last before the alert fires (sampled every 10 s).').optional(),
  title: text('Alert title shown to the candidate; defaults to the metric name.', 200).optional(),
});

export const incidentMetricSchema = z.strictObject({
  id: id('Metric id, referenced by effects, conditions, milestones and the SLO.'),
  name: text('Chart title, e.g. "Canary 5xx rate".', 120),
  unit: text('Unit shown on the chart, e.g. "%", "ms", "req/s".', 20),
  service: id('Service id the metric belongs to (its dashboard).'),
  baseline: z.number().meta({ description: 'Value before anything happens.' }),
  noise: z
    .number()
    .min(0)
    .meta({ description: 'Absolute noise amplitude: each 10 s sample varies by up to ± this much (seeded).' }),
  noiseRatio: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Extra noise proportional to the current value, e.g. 0.05 = ±5 %.' }),
  min: z.number().optional().meta({ description: 'Lowest value the metric can show; 0 when omitted.' }),
  max: z.number().optional().meta({ description: 'Highest value the metric can show, e.g. 100 for a percentage.' }),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(4)
    .optional()
    .meta({ description: 'Decimals kept in samples; 2 when omitted.' }),
  hidden: z
    .boolean()
    .optional()
    .meta({ description: 'Not on the candidate dashboard until an action or inject `reveals` it.' }),
  alert: incidentAlertRuleSchema
    .optional()
    .meta({ description: 'Monitoring alert on this metric; omit for a metric nobody alerts on.' }),
});

export const incidentEffectSchema = z
  .strictObject({
    metric: id('Metric the effect changes.'),
    set: z.number().optional().meta({ description: 'Jump to this value.' }),
    ramp: z
      .strictObject({
        from: z.number().optional().meta({ description: 'Start value; the current value when omitted.' }),
        to: z.number().meta({ description: 'Value reached at the end of the ramp, then held.' }),
        over: time('How long the ramp takes.'),
      })
      .optional()
      .meta({ description: 'Move linearly to a value over a duration, e.g. error rate 0.5 → 20 over 10:00.' }),
    multiply: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'Scale the current trajectory (ramps in progress included), e.g. 0.5 halves it.' }),
    add: z.number().optional().meta({ description: 'Shift the current trajectory by this amount.' }),
    after: time('Delay between the cause and the effect starting, e.g. "01:30" for a rollout.').optional(),
  })
  .meta({ description: 'One change to one metric: exactly one of set, ramp, multiply, add.' });

export const incidentConditionSchema = z
  .strictObject({
    metric: id('Metric to watch.'),
    above: z.number().optional().meta({ description: 'Holds while the metric is above this value.' }),
    below: z.number().optional().meta({ description: 'Holds while the metric is below this value.' }),
    for: time('How long it must hold continuously (sampled every 10 s); at once when omitted.').optional(),
    requires: idList('Flags that must all be set for the condition to count.').optional(),
  })
  .meta({ description: 'A metric condition: exactly one of above / below, optionally sustained.' });

export const incidentInjectSchema = z
  .strictObject({
    id: id('Inject id, referenced by actions and rules.'),
    kind: incidentInjectKindSchema,
    title: text('Headline shown to the candidate (alerts, pages, log source line).', 200).optional(),
    text: text('Body shown to the candidate: alert details, log lines, or the chat message.', 4000).optional(),
    severity: z
      .enum(['critical', 'high', 'warning', 'info'])
      .optional()
      .meta({ description: 'Severity shown on alerts and pages.' }),
    from: id('Stakeholder id speaking (chat injects).').optional(),
    service: id('Service the inject concerns (shown with alerts and logs).').optional(),
    at: time('Trigger: fire at this sim time.').optional(),
    afterAction: id('Trigger: fire when this action is taken (after `delay`).').optional(),
    delay: time('With afterAction: how long after the action it fires.').optional(),
    when: incidentConditionSchema.optional().meta({ description: 'Trigger: fire when this metric condition holds.' }),
    onlyIf: idList('Fire only if all these flags are set when triggered; otherwise never.').optional(),
    unless: idList('Do not fire if any of these flags is set when triggered (the branch was avoided).').optional(),
    effects: z.array(incidentEffectSchema).max(20).optional().meta({ description: 'Metric changes it causes.' }),
    sets: idList('Flags it sets when it fires.').optional(),
    reveals: idList('Hidden metrics it puts on the candidate dashboard.').optional(),
    note: text('For the interviewer only: what this inject tests.', 1000).optional(),
  })
  .meta({
    description:
      'Something that happens in the scenario. Exactly one trigger: `at`, `afterAction`, `when`, or being ' +
      'listed in an action’s `injects`. Each inject fires at most once.',
  });

export const incidentActionSchema = z
  .strictObject({
    id: id('Action id, used in logs, exemplars, milestones and rules.'),
    label: text('Button label in the interviewer console, e.g. "Roll back the canary".', 120),
    category: incidentActionCategorySchema,
    shortcut: z
      .string()
      .regex(/^[a-z]$/, 'one lower-case letter a-z')
      .meta({ description: 'One-key shortcut in the console; unique within the scenario.' }),
    description: text('What taking this action means, for the interviewer deciding which key to press.', 1000),
    expected: z
      .boolean()
      .optional()
      .meta({ description: 'A step a strong incident lead is expected to take (console checklist).' }),
    requires: idList(
      'Flags that must be set for the action to take effect; otherwise it is logged as blocked.',
    ).optional(),
    effects: z.array(incidentEffectSchema).max(20).optional().meta({ description: 'Metric changes it causes.' }),
    injects: idList('Injects it fires right away (each inject fires at most once).').optional(),
    sets: idList('Flags it sets, e.g. "rolled-back", "severity-declared".').optional(),
    reveals: idList('Hidden metrics it puts on the candidate dashboard.').optional(),
    redFlag: id('Anti-actions: the red-flag signal id it raises.').optional(),
    note: text('For the interviewer only: why this matters.', 1000).optional(),
  })
  .meta({ description: 'A move the candidate can make; the interviewer logs it with its shortcut.' });

/**
 * What makes a milestone hit or a rule match. Exactly one of `action`, `category`, `flag`,
 * `inject`, `milestone` (rules only) or `metric` (milestones only, with above/below and `for`).
 */
export const incidentMatcherSchema = z
  .strictObject({
    action: z
      .union([idSchema, z.array(idSchema).min(1).max(20)])
      .optional()
      .meta({ description: 'An action id, or a list of which any one counts.' }),
    category: incidentActionCategorySchema
      .optional()
      .meta({ description: 'Any action of this category (communicate also counts free-form communications).' }),
    flag: id('A flag being set.').optional(),
    inject: id('An inject firing.').optional(),
    milestone: id('A milestone being hit (rules only).').optional(),
    metric: id('A metric condition (milestones only): with above or below, optionally for.').optional(),
    above: z.number().optional().meta({ description: 'With metric: holds while the metric is above this value.' }),
    below: z.number().optional().meta({ description: 'With metric: holds while the metric is below this value.' }),
    for: time('With metric: how long the condition must hold.').optional(),
    requires: idList('Flags that must all be set for the match to count.').optional(),
  })
  .meta({ description: 'Exactly one of action, category, flag, inject, milestone, metric.' });

export const incidentMilestoneSchema = z.strictObject({
  id: id('Milestone id.'),
  kind: z
    .enum(['acknowledge', 'first-communication', 'mitigate', 'resolve', 'other'])
    .meta({ description: 'Which outcome time it measures (time to acknowledge / communicate / mitigate / resolve).' }),
  title: text('Shown in the interviewer’s milestone tracker.', 160),
  target: time('Target sim time; hit at or before it = met.'),
  hitBy: incidentMatcherSchema,
});

export const incidentRuleSchema = z
  .strictObject({
    id: id('Rule id; the cause recorded with the signal it raises.'),
    signal: id('Signal id from the pack’s signal catalogue.'),
    polarity: z.enum(['strong', 'weak', 'red-flag']).meta({ description: 'Must match the catalogue’s polarity.' }),
    description: text('What the rule checks, in words.', 600),
    deadline: z
      .strictObject({
        of: incidentMatcherSchema,
        by: time('The deadline.'),
        raiseWhen: z
          .enum(['met', 'missed'])
          .meta({
            description:
              'met: raised when the match happens by the deadline; missed: raised at the deadline if it has not.',
          }),
      })
      .optional(),
    sequence: z
      .strictObject({
        first: incidentMatcherSchema,
        then: incidentMatcherSchema,
        raiseWhen: z
          .enum(['in-order', 'out-of-order'])
          .meta({
            description:
              'Judged at the first `then`: raised if `first` had (in-order) or had not (out-of-order) happened.',
          }),
      })
      .optional(),
    cadence: z
      .strictObject({
        maxGap: time('Longest acceptable silence between communications.'),
        since: id(
          'Milestone that opens the window (e.g. acknowledge), so a late first update counts as a gap; the first communication when omitted.',
        ).optional(),
        until: id('Milestone that ends the window (usually the resolve milestone).'),
        raiseWhen: z
          .enum(['kept', 'broken'])
          .meta({
            description:
              'kept: raised when the window ends with no gap over maxGap; broken: raised as soon as a gap exceeds it.',
          }),
      })
      .optional()
      .meta({
        description: 'Communication cadence from `since` (or the first communication) until the `until` milestone.',
      }),
  })
  .meta({ description: 'A derived-signal rule: exactly one of deadline, sequence, cadence.' });

export const incidentSloSchema = z.strictObject({
  metric: id('The user-facing metric the SLO is on.'),
  threshold: z.number().meta({ description: 'Users are impacted while the metric is past this value.' }),
  direction: z
    .enum(['above', 'below'])
    .meta({ description: 'Impact while above (error rate) or below (success rate).' }),
  objective: z
    .number()
    .gt(0)
    .lt(100)
    .meta({ description: 'Target percentage of good minutes, e.g. 99.9; the error budget is the rest.' }),
  windowDays: z.number().int().min(1).max(365).optional().meta({ description: 'SLO window; 30 days when omitted.' }),
});

export const incidentPromptSchema = z.strictObject({
  id: id('Prompt id.'),
  prompt: text('The question the interviewer asks.', 1000),
  listenFor: z.array(text('A sign of a strong answer.', 600)).max(8).optional(),
  dimensions: idList('Dimensions the answer evidences.', 10).optional(),
});

export const incidentExemplarStepSchema = z.strictObject({
  at: time('When the candidate takes the action.'),
  action: id('Action id.'),
  note: text('Why this step is here.', 600).optional(),
});

export const incidentScenarioSchema = z
  .strictObject({
    kind: z.literal('scenario'),
    id: id('Scenario id, the file name without .yaml.'),
    title: text('Scenario title.', 200),
    brief: text('Shown to the candidate at the start: who they are, what time it is, what they have.', 4000),
    dimensions: z
      .array(idSchema)
      .min(1)
      .max(12)
      .meta({ description: 'Dimension ids of the pack that the simulation evidences.' }),
    situation: text('For the interviewer only: what is really going on (root cause, the intended path).', 4000),
    duration: time('Planned length of the run; the default end of a replay.'),
    startsAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'wall-clock time "hh:mm", e.g. "03:00"')
      .optional()
      .meta({ description: 'Local wall-clock time at sim 00:00, shown on the candidate’s screen.' }),
    services: z.array(incidentServiceSchema).min(1).max(12),
    stakeholders: z.array(incidentStakeholderSchema).max(12),
    metrics: z.array(incidentMetricSchema).min(1).max(24),
    injects: z.array(incidentInjectSchema).min(1).max(40),
    actions: z.array(incidentActionSchema).min(1).max(26),
    milestones: z.array(incidentMilestoneSchema).min(1).max(10),
    rules: z.array(incidentRuleSchema).max(20),
    slo: incidentSloSchema,
    debrief: z.array(incidentPromptSchema).min(1).max(10).meta({ description: 'Questions for right after the run.' }),
    postmortem: z
      .array(incidentPromptSchema)
      .min(1)
      .max(10)
      .meta({ description: 'Questions about the blameless postmortem the candidate would write.' }),
    exemplars: z
      .strictObject({
        strong: z.array(incidentExemplarStepSchema).min(1).max(60),
        weak: z.array(incidentExemplarStepSchema).min(1).max(60),
      })
      .meta({
        description:
          'Two documented runs, replayed by `loopdesk validate`: strong must meet every milestone by its target and raise no red flag; weak must miss (or be late for) a milestone or raise a red flag.',
      }),
  })
  .meta({ title: 'Incident scenario' });

export type IncidentScenario = z.infer<typeof incidentScenarioSchema>;
export type IncidentService = z.infer<typeof incidentServiceSchema>;
export type IncidentStakeholder = z.infer<typeof incidentStakeholderSchema>;
export type IncidentMetric = z.infer<typeof incidentMetricSchema>;
export type IncidentAlertRule = z.infer<typeof incidentAlertRuleSchema>;
export type IncidentEffect = z.infer<typeof incidentEffectSchema>;
export type IncidentCondition = z.infer<typeof incidentConditionSchema>;
export type IncidentInject = z.infer<typeof incidentInjectSchema>;
export type IncidentInjectKind = z.infer<typeof incidentInjectKindSchema>;
export type IncidentAction = z.infer<typeof incidentActionSchema>;
export type IncidentActionCategory = z.infer<typeof incidentActionCategorySchema>;
export type IncidentMatcher = z.infer<typeof incidentMatcherSchema>;
export type IncidentMilestone = z.infer<typeof incidentMilestoneSchema>;
export type IncidentRule = z.infer<typeof incidentRuleSchema>;
export type IncidentSlo = z.infer<typeof incidentSloSchema>;
export type IncidentPrompt = z.infer<typeof incidentPromptSchema>;
export type IncidentExemplarStep = z.infer<typeof incidentExemplarStepSchema>;

/**
 * What an object shape alone cannot say about a scenario's fields: one field required when
 * another has a value, exactly one of several fields. Kept as data so the two places that enforce
 * it say the same thing: the JSON Schema (`if`/`then` and `oneOf`, added by `rubricJsonSchema`)
 * and `incidentScenarioCrossCheck`, whose messages name the object to fix.
 */
export interface IncidentFieldRule {
  /** When `field` is present (and, with `equals`, has that value): these fields are required, or exactly / at least one of these. */
  requiredWhen?: Array<{ field: string; equals?: string; requires?: string[]; exactlyOneOf?: string[]; atLeastOneOf?: string[] }>;
  exactlyOneOf?: string[];
}

export const incidentFieldRules = new Map<unknown, IncidentFieldRule>([
  [incidentActionSchema, { requiredWhen: [{ field: 'category', equals: 'anti-action', requires: ['redFlag'] }] }],
  [
    incidentInjectSchema,
    {
      requiredWhen: [
        { field: 'kind', equals: 'chat', requires: ['from', 'text'] },
        { field: 'kind', equals: 'alert', requires: ['title'] },
        { field: 'kind', equals: 'page', requires: ['title'] },
        { field: 'kind', equals: 'log', requires: ['text'] },
        { field: 'kind', equals: 'dashboard-shift', atLeastOneOf: ['effects', 'reveals'] },
      ],
    },
  ],
  [incidentEffectSchema, { exactlyOneOf: ['set', 'ramp', 'multiply', 'add'] }],
  [incidentConditionSchema, { exactlyOneOf: ['above', 'below'] }],
  [
    incidentMatcherSchema,
    {
      exactlyOneOf: ['action', 'category', 'flag', 'inject', 'milestone', 'metric'],
      requiredWhen: [{ field: 'metric', exactlyOneOf: ['above', 'below'] }],
    },
  ],
  [incidentRuleSchema, { exactlyOneOf: ['deadline', 'sequence', 'cadence'] }],
]);
