/**
 * `loopdesk init <dir> --role "<title>"`: writes a small pack for any role that validates and
 * simulates as written — a ladder, two dimensions, signals, a kit, an artifact review and an
 * incident scenario with both exemplars — each file commented with the guide chapter to read
 * next, and the JSON Schema beside it so editors check the files from any folder.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rubricJsonSchemaText } from '../../core/rubric/jsonSchema';
import { cliParseArgs, type CliCommand } from '../io';

const usage = [
  'Usage: loopdesk init <dir> --role "<title>"',
  '',
  '  <dir>            an empty or new folder for the pack',
  '  --role <title>   the role the pack evaluates, e.g. "Data Engineer"',
  '',
  'Writes a pack that validates and simulates as written; then edit it with docs/rubric-authoring.md:',
  '  loopdesk validate <dir>',
  '  loopdesk simulate <dir>/scenarios/<scenario>.yaml --exemplar strong',
].join('\n');

const GUIDE = 'docs/rubric-authoring.md';

/** The pack id for a role title: "Data Engineer" → "data-engineer". */
export function initPackId(role: string): string {
  return role
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[0-9-]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** YAML double-quoted text (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

const header = (depth: number, chapter: string) =>
  `# yaml-language-server: $schema=${'../'.repeat(depth)}rubric.schema.json\n# How to fill this file in: ${GUIDE}, "${chapter}".\n`;

const anchors = (subject: string) =>
  [
    ['Well below', `Cannot yet explain ${subject} without help.`],
    ['Below', `Handles ${subject} in familiar cases only.`],
    ['Meets', `Handles ${subject} independently and explains the trade-offs.`],
    ['Exceptional', `Improves how the whole team approaches ${subject}.`],
  ]
    .map(
      ([label, summary], i) => `      - score: ${i + 1}
        label: ${label}
        summary: ${summary}
        examples:
          - Replace with something a candidate at this point says or does.
          - And a second concrete, observable behaviour.`,
    )
    .join('\n');

/** Every file of the scaffold, by path relative to the pack folder. */
export function initPackFiles(role: string): Record<string, string> {
  const id = initPackId(role);
  return {
    'pack.yaml': `${header(0, 'kind: pack — the manifest')}kind: pack
id: ${id}
title: ${q(role)}
role: ${q(role)}
version: 0.1.0
summary: >-
  What a ${role} does here and what this pack assesses. Replace this with two or three sentences
  interviewers read before their first interview with it.
`,
    'ladder.yaml': `${header(0, 'kind: ladder — levels and levelling probes')}# Level ids are yours to choose (see "Custom ladders"); list them lowest first.
kind: ladder
levels:
${['mid', 'senior', 'staff']
  .map(
    (level, i) => `  - id: ${level}
    title: ${level[0]!.toUpperCase()}${level.slice(1)}
    tenure: ${['2-5 years', '5-8 years', '8+ years'][i]}
    scope: The scope of work someone at this level owns.
    decisionOwnership: Which decisions they own.
    stakeholderSurface: Who they work with and influence.
    unlock: What unlocks advancement to the next level.
    plateau: The most common place people get stuck at this level.
    failureMode: How people at this level typically fail.`,
  )
  .join('\n')}
probes:
  - id: biggest-scope
    question: What is the largest piece of work you owned end to end?
    listenFor:
      - "Mid: a feature or pipeline inside one team's plan."
      - "Senior: a system several teams rely on, including its failure modes."
      - "Staff: a direction other teams adopted without being told to."
`,
    'dimensions.yaml': `${header(0, 'kind: dimensions — the scorecard')}kind: dimensions
dimensions:
  - id: technical-depth
    title: Technical depth
    summary: How well the candidate understands the systems a ${role} builds and runs.
    meetsBar: Explains how their systems behave under failure and load, and chooses designs for reasons.
    evidence:
      - Names concrete failure modes and how they would notice them.
    anchors:
${anchors('the systems they build')}
    expectations: { mid: 2, senior: 3, staff: 3 }
  - id: incident-response
    title: Incident response
    summary: How the candidate leads when something breaks in production.
    meetsBar: Stops the impact first, communicates on a cadence, then finds the cause.
    evidence:
      - Rolls back or disables before debugging; tells stakeholders what is happening.
    anchors:
${anchors('incidents')}
    expectations: { mid: 2, senior: 3, staff: 4 }
`,
    'signals.yaml': `${header(0, 'kind: signals — the signal catalogue')}# category: blueprint, mid-level-trap, plateau, anti-pattern or incident (see "Signal categories").
kind: signals
signals:
  - id: mitigates-first
    polarity: strong
    title: Mitigates first, diagnoses after
    description: Rolls back or disables the change before hunting for the root cause.
    dimensions: [incident-response]
    severity: high
    category: incident
  - id: slow-mitigation
    polarity: weak
    title: Slow to stop the impact
    description: Keeps investigating while users are affected and a rollback is available.
    dimensions: [incident-response]
    severity: medium
    category: incident
  - id: reruns-without-diagnosis
    polarity: red-flag
    title: Reruns failing jobs without looking
    description: Retries a failing production job repeatedly, making the damage worse.
    dimensions: [incident-response, technical-depth]
    severity: high
    category: anti-pattern
    levelCap: mid
  - id: explains-trade-offs
    polarity: strong
    title: Explains trade-offs
    description: Says what a design costs as well as what it gives.
    dimensions: [technical-depth]
    severity: medium
`,
    'kits/technical-interview.yaml': `${header(1, 'kind: kit — an interview plan')}kind: kit
id: technical-interview
title: Code review and incident
format: review
summary: The candidate reviews a change, then leads a short simulated incident.
dimensions: [technical-depth, incident-response]
exercise: change-review
scenario: failing-nightly-run
sections:
  - id: review
    title: Review the change
    minutes: 20
    goal: See how the candidate reads code they did not write.
    dimensions: [technical-depth]
    questions:
      - id: first-look
        prompt: What would you ask the author before approving this?
        probes: [What happens when the job runs twice?]
        dimensions: [technical-depth]
    whatGoodLooksLike:
      - Finds the non-idempotent write before style issues.
  - id: incident
    title: Lead the incident
    minutes: 25
    goal: See how the candidate leads when the change goes wrong in production.
    dimensions: [incident-response]
    whatGoodLooksLike:
      - Rolls back first, updates stakeholders, then investigates.
`,
    'exercises/change-review.yaml': `${header(1, 'kind: exercise — case studies and artifact reviews')}# After editing the artifact, re-check each defect's lines.
kind: exercise
format: artifact-review
id: change-review
title: Review a change to a nightly job
dimensions: [technical-depth]
brief: A teammate asks for a review of this change before it ships tonight. What would you change first?
artifacts:
  - id: nightly-job
    title: nightly_job.sql
    language: sql
    file: exercises/artifacts/nightly_job.sql
defects:
  - id: not-idempotent
    title: Appends instead of replacing
    artifact: nightly-job
    lines: [3, 5]
    severity: high
    dimensions: [technical-depth]
    description: A rerun inserts the same day twice; totals double.
    strongAnswer: Deletes the day's rows first or merges on a key, in one transaction.
  - id: no-filter
    title: Reads the whole table every night
    artifact: nightly-job
    lines: [7, 7]
    severity: medium
    dimensions: [technical-depth]
    description: Without a date filter the job gets slower every day.
    strongAnswer: Filters on the partition column and checks the plan.
`,
    'exercises/artifacts/nightly_job.sql': `-- Nightly totals, run by the scheduler at 02:00.
BEGIN;
INSERT INTO daily_totals (day, customer_id, total)
SELECT CURRENT_DATE - 1, customer_id, SUM(amount)
FROM orders
GROUP BY customer_id
-- WHERE created_at >= CURRENT_DATE - 1
;
COMMIT;
`,
    'scenarios/failing-nightly-run.yaml': `${header(1, 'Incident scenarios')}# Try it: loopdesk simulate scenarios/failing-nightly-run.yaml --exemplar strong (then weak).
kind: scenario
id: failing-nightly-run
title: The nightly run that starts failing
brief: >-
  You are on call. A change to the nightly job shipped an hour ago. You have the job dashboard,
  the deploy tool and the team chat.
dimensions: [incident-response, technical-depth]
situation: >-
  The change breaks the job for most customers. Rolling it back fixes it; rerunning the job by hand
  doubles the broken rows.
duration: "20:00"
services:
  - id: nightly-job
    name: Nightly job
stakeholders:
  - id: analyst
    name: Ana (Analytics lead)
    role: Analytics lead
metrics:
  - id: failed-jobs
    name: Failed job runs
    unit: "%"
    service: nightly-job
    baseline: 1
    noise: 0.2
    max: 100
    alert: { threshold: 10, direction: above, for: "00:30", title: Failed runs above 10% }
injects:
  - id: failures-climb
    kind: dashboard-shift
    at: "01:00"
    effects:
      - metric: failed-jobs
        ramp: { to: 40, over: "05:00" }
  - id: page
    kind: page
    title: Nightly job failing
    severity: high
    when: { metric: failed-jobs, above: 10, for: "00:30" }
    sets: [paged]
  - id: analyst-asks
    kind: chat
    from: analyst
    at: "06:00"
    unless: [updated]
    text: The morning dashboards are empty. Is something wrong?
actions:
  - id: ack-page
    label: Acknowledge the page
    category: coordinate
    shortcut: a
    description: Takes the page and says they are on it.
    requires: [paged]
    expected: true
  - id: check-changes
    label: Check recent changes
    category: investigate
    shortcut: c
    description: Looks at what shipped recently.
    expected: true
  - id: roll-back
    label: Roll back the change
    category: mitigate
    shortcut: r
    description: Redeploys the previous version of the job.
    expected: true
    effects:
      - metric: failed-jobs
        ramp: { to: 1, over: "02:00" }
        after: "00:30"
    sets: [rolled-back]
  - id: post-update
    label: Post a status update
    category: communicate
    shortcut: u
    description: Tells the analytics team what is happening and when the next update comes.
    expected: true
    sets: [updated]
  - id: rerun-by-hand
    label: Rerun the failing job by hand
    category: anti-action
    shortcut: x
    description: Retries the broken job in production without a fix.
    effects:
      - metric: failed-jobs
        add: 10
    redFlag: reruns-without-diagnosis
milestones:
  - id: acknowledge
    kind: acknowledge
    title: Page acknowledged
    target: "04:00"
    hitBy: { action: ack-page }
  - id: first-communication
    kind: first-communication
    title: First status update
    target: "08:00"
    hitBy: { category: communicate }
  - id: mitigate
    kind: mitigate
    title: Failures back to normal
    target: "12:00"
    hitBy: { metric: failed-jobs, below: 5, for: "01:00" }
# Rules about the same thing must not be able to contradict each other in one run: this pair is
# one deadline, met or missed (see "Rules that cannot contradict each other").
rules:
  - id: rollback-early
    signal: mitigates-first
    polarity: strong
    description: Rolled the change back by 10:00.
    deadline: { of: { action: roll-back }, by: "10:00", raiseWhen: met }
  - id: rollback-late
    signal: slow-mitigation
    polarity: weak
    description: Had not rolled the change back by 10:00.
    deadline: { of: { action: roll-back }, by: "10:00", raiseWhen: missed }
slo:
  metric: failed-jobs
  threshold: 10
  direction: above
  objective: 99.5
debrief:
  - id: what-first
    prompt: What told you it was the change, and what did you do first?
    dimensions: [incident-response]
postmortem:
  - id: prevent
    prompt: What would stop a change like this from reaching production?
    listenFor: [A dry run on yesterday's data, an idempotent job that can be rerun safely.]
    dimensions: [technical-depth]
# The strong run must meet every milestone without a red flag; the weak run must miss one or
# raise a red flag. loopdesk validate replays both.
exemplars:
  strong:
    - { at: "03:30", action: ack-page }
    - { at: "04:00", action: check-changes }
    - { at: "04:30", action: post-update }
    - { at: "05:00", action: roll-back }
  weak:
    - { at: "05:00", action: ack-page, note: Late to the page. }
    - { at: "06:00", action: rerun-by-hand, note: Retries without a fix. }
    - { at: "11:00", action: roll-back }
`,
    'rubric.schema.json': rubricJsonSchemaText(),
  };
}

function isEmptyOrMissing(path: string): 'missing' | 'empty' | 'file' | 'full' {
  if (!existsSync(path)) return 'missing';
  if (!statSync(path).isDirectory()) return 'file';
  return readdirSync(path).length === 0 ? 'empty' : 'full';
}

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'write a starter rubric pack for a role, ready to validate and simulate',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['role'] });
    const role = parsed.values['role']?.trim();
    if (parsed.unknown.length > 0 || parsed.positional.length !== 1 || role === undefined) {
      io.err(`${parsed.unknown.length > 0 ? `loopdesk init: ${parsed.unknown.join('; ')}\n` : ''}${usage}`);
      return 2;
    }
    const dir = parsed.positional[0]!;
    if (role === '' || role.length > 200 || initPackId(role) === '') {
      io.err(`loopdesk init: --role needs a role title with letters, up to 200 characters, e.g. "Data Engineer" (got "${role}")`);
      return 1;
    }
    const target = resolve(io.cwd, dir);
    const state = isEmptyOrMissing(target);
    if (state === 'file' || state === 'full') {
      io.err(`loopdesk init: "${dir}" ${state === 'file' ? 'is a file' : 'is not empty'}; give a new or empty folder (nothing was written)`);
      return 1;
    }
    const files = initPackFiles(role);
    for (const [path, text] of Object.entries(files)) {
      const onDisk = join(target, ...path.split('/'));
      mkdirSync(dirname(onDisk), { recursive: true });
      writeFileSync(onDisk, text);
    }
    io.out(
      [
        `Wrote the "${initPackId(role)}" pack for ${role} to ${dir}:`,
        ...Object.keys(files).map((path) => `  ${path}`),
        '',
        'Next:',
        `  loopdesk validate ${dir}`,
        `  loopdesk simulate ${join(dir, 'scenarios', 'failing-nightly-run.yaml')} --exemplar strong`,
        `Then replace the placeholder text; ${GUIDE} explains every field.`,
      ].join('\n'),
    );
    return 0;
  },
};
