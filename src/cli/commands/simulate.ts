/**
 * `loopdesk simulate <scenario.yaml>`: replays an incident run headlessly — an action log, or one
 * of the scenario's exemplar runs — and prints the outcome as JSON, the same figures the report
 * uses. Rubric authors use it to check that a scenario plays the way they intended.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  incidentExemplarPromiseIssues,
  incidentScenarioCrossCheck,
  incidentScenarioOppositeRules,
} from '../../core/incident/scenarioCrossCheck';
import { incidentScenarioSchema, type IncidentScenario } from '../../core/incident/scenarioSchema';
import type { IncidentLogEntry } from '../../core/incident/runSchema';
import {
  incidentExemplarLog,
  incidentOutcome,
  incidentOutcomeSummary,
  incidentReplayEndMs,
} from '../../core/incident/outcome';
import { incidentTimeParse, incidentTimePattern } from '../../core/incident/time';
import { rubricIssueText, rubricKnownNamesHint, type RubricIssue } from '../../core/rubric/issues';
import { rubricSchemaCheck } from '../../core/rubric/schemaCheck';
import { rubricIssueAt, rubricTextNormalize, rubricYamlParse, type RubricYamlFile } from '../../core/rubric/yamlSource';
import { textForDisplay } from '../../core/canonical/displayText';
import { RUBRIC_MAX_FILE_BYTES } from '../../core/limits/inputLimits';
import { cliParseArgs, cliReadTextSync, type CliCommand, type CliIo } from '../io';

const usage = [
  'Usage: loopdesk simulate <scenario.yaml> [--actions <log.json> | --exemplar strong|weak] [--seed N] [--at mm:ss]',
  '       loopdesk simulate <scenario.yaml> --list-actions',
  '',
  '  --actions <file>   the candidate\'s actions: [{ "at": "mm:ss", "action": "<id>" }, ...]',
  '                     (an entry may instead carry "communication": "<text>" or "note": "<text>")',
  "  --exemplar <name>  replay the scenario's own strong or weak exemplar run",
  '  --seed <N>         noise seed, a whole number (default 1)',
  "  --at <mm:ss>       sim time of the outcome (default: the scenario's duration, or 5 minutes",
  '                     after the last action if that is later)',
  '  --list-actions     print the action catalogue as JSON and exit',
  '',
  'Prints the outcome as JSON: milestones, signals with their causes, user-impact minutes,',
  'error budget burned. Exits with 1 on a bad scenario, action log or option, and with --exemplar',
  'when the run breaks its promise (strong: every milestone met, no red flag; weak: a milestone',
  'missed or a red flag raised).',
].join('\n');

const MAX_SEED = 0xffffffff;

type Loaded<T> = { ok: true; value: T } | { ok: false; lines: string[] };

function readText(path: string, cwd: string, what: string): Loaded<string> {
  const read = cliReadTextSync(resolve(cwd, path), { maxBytes: RUBRIC_MAX_FILE_BYTES, shownAs: path });
  if (!read.ok)
    return { ok: false, lines: [`${textForDisplay(path)}: ${what} ${read.reason.replace(/^the file /, '')}`] };
  return { ok: true, value: rubricTextNormalize(read.value) };
}

function issueLines(issues: RubricIssue[]): string[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column).map((issue) => rubricIssueText(issue));
}

/** Reads and checks a scenario file: YAML syntax, the scenario schema, then its internal references. */
export function simulateScenarioLoad(path: string, cwd: string): Loaded<{ scenario: IncidentScenario; yaml: RubricYamlFile }> {
  const text = readText(path, cwd, 'scenario file');
  if (!text.ok) return text;
  const yaml = rubricYamlParse(path, text.value);
  if (yaml.issues.length > 0) return { ok: false, lines: issueLines(yaml.issues) };
  const checked = rubricSchemaCheck(yaml, incidentScenarioSchema);
  if (!checked.ok) return { ok: false, lines: issueLines(checked.issues) };
  const internal = incidentScenarioCrossCheck(checked.value);
  const contradictions = internal.length === 0 ? incidentScenarioOppositeRules(checked.value) : [];
  const cross = [...internal, ...contradictions].map((issue) =>
    rubricIssueAt(yaml, issue.path, issue.also ? `${issue.message}; the other rule is at line ${yaml.locate(issue.also).line}` : issue.message),
  );
  if (cross.length > 0) return { ok: false, lines: issueLines(cross) };
  return { ok: true, value: { scenario: checked.value, yaml } };
}

const logFileEntrySchema = z.strictObject({
  at: z.string().regex(incidentTimePattern, 'write sim times as "mm:ss", e.g. "07:30"'),
  action: z.string().min(1).optional(),
  communication: z.string().max(2000).optional(),
  note: z.string().max(5000).optional(),
});
const logFileSchema = z.array(logFileEntrySchema).max(5000);

/** Line and column of a JSON.parse error, from the "position N" V8 puts in its message. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const match = /position (\d+)/.exec(message);
  const offset = match ? Math.min(Number(match[1]), text.length) : 0;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Reads an action log file (JSON) into log entries, checking every action id against the scenario. */
export function simulateActionLogLoad(
  path: string,
  cwd: string,
  scenario: IncidentScenario,
): Loaded<IncidentLogEntry[]> {
  const text = readText(path, cwd, 'action log');
  if (!text.ok) return text;
  try {
    JSON.parse(text.value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = jsonErrorPosition(text.value, message);
    return { ok: false, lines: [`${path}:${line}:${column}: not valid JSON (${message.replace(/\s+/g, ' ')})`] };
  }
  // JSON is YAML: parsing it again as a document gives each entry's line and column.
  const yaml: RubricYamlFile = rubricYamlParse(path, text.value);
  if (yaml.issues.length > 0) return { ok: false, lines: issueLines(yaml.issues) };
  const checked = rubricSchemaCheck(yaml, logFileSchema);
  if (!checked.ok) return { ok: false, lines: issueLines(checked.issues) };

  const known = scenario.actions.map((a) => a.id);
  const issues: RubricIssue[] = [];
  const entries: IncidentLogEntry[] = [];
  checked.value.forEach((entry, i) => {
    const kinds = (['action', 'communication', 'note'] as const).filter((k) => entry[k] !== undefined);
    if (kinds.length !== 1) {
      issues.push(rubricIssueAt(yaml, [i], 'each entry needs exactly one of "action", "communication", "note"'));
      return;
    }
    const at = incidentTimeParse(entry.at)!;
    const id = `entry-${i + 1}`;
    if (entry.action !== undefined) {
      if (!known.includes(entry.action)) {
        issues.push(
          rubricIssueAt(
            yaml,
            [i, 'action'],
            `unknown action "${entry.action}" in scenario "${scenario.id}"${rubricKnownNamesHint(entry.action, known, 'actions')}`,
          ),
        );
        return;
      }
      entries.push({ id, at, kind: 'action', action: entry.action });
    } else if (entry.communication !== undefined) {
      entries.push({ id, at, kind: 'communication', text: entry.communication });
    } else {
      entries.push({ id, at, kind: 'note', text: entry.note ?? '' });
    }
  });
  if (issues.length > 0) return { ok: false, lines: issueLines(issues) };
  return { ok: true, value: entries };
}

function fail(io: CliIo, lines: string[]): number {
  for (const line of lines) io.err(line);
  return 1;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'replay an incident run headlessly and print its outcome as JSON',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['actions', 'exemplar', 'seed', 'at'], switches: ['list-actions'] });
    const prefix = 'loopdesk simulate';
    if (parsed.unknown.length > 0)
      return fail(
        io,
        parsed.unknown.map((u) => `${prefix}: ${u}. Run "loopdesk simulate --help".`),
      );
    if (parsed.positional.length !== 1) {
      return fail(io, [
        `${prefix}: name one scenario file, e.g. loopdesk simulate rubrics/staff-devops/scenarios/canary-error-climb.yaml`,
      ]);
    }
    const { actions: actionsPath, exemplar, seed: seedText, at: atText } = parsed.values;
    if (actionsPath !== undefined && exemplar !== undefined)
      return fail(io, [`${prefix}: use either --actions or --exemplar, not both`]);
    if (exemplar !== undefined && exemplar !== 'strong' && exemplar !== 'weak') {
      return fail(io, [`${prefix}: --exemplar must be "strong" or "weak" (found "${exemplar}")`]);
    }
    let seed = 1;
    if (seedText !== undefined) {
      if (!/^\d+$/.test(seedText) || Number(seedText) > MAX_SEED) {
        return fail(io, [`${prefix}: --seed must be a whole number from 0 to ${MAX_SEED} (found "${seedText}")`]);
      }
      seed = Number(seedText);
    }
    let atMs: number | undefined;
    if (atText !== undefined) {
      const value = incidentTimeParse(atText);
      if (value === null)
        return fail(io, [`${prefix}: --at must be a sim time "mm:ss", e.g. 20:00 (found "${atText}")`]);
      atMs = value;
    }

    const scenarioPath = parsed.positional[0]!;
    const loadedScenario = simulateScenarioLoad(scenarioPath, io.cwd);
    if (!loadedScenario.ok) return fail(io, loadedScenario.lines);
    const { scenario, yaml: scenarioYaml } = loadedScenario.value;

    if (parsed.switches.has('list-actions')) {
      const catalogue = scenario.actions.map((a) => ({
        shortcut: a.shortcut,
        id: a.id,
        category: a.category,
        label: a.label,
        description: a.description,
        ...(a.requires?.length ? { requires: a.requires } : {}),
        ...(a.redFlag !== undefined ? { redFlag: a.redFlag } : {}),
      }));
      io.out(JSON.stringify(catalogue, null, 2));
      return 0;
    }

    let log: IncidentLogEntry[] = [];
    if (actionsPath !== undefined) {
      const loaded = simulateActionLogLoad(actionsPath, io.cwd, scenario);
      if (!loaded.ok) return fail(io, loaded.lines);
      log = loaded.value;
    } else if (exemplar !== undefined) {
      log = incidentExemplarLog(scenario, exemplar);
    }

    const endMs = atMs ?? incidentReplayEndMs(scenario, log);
    const outcome = incidentOutcome(scenario, seed, log, endMs);
    io.out(JSON.stringify(incidentOutcomeSummary(outcome), null, 2));
    if (exemplar === undefined) return 0;
    // An exemplar is a promise about the scenario: say where it is broken, as validate does.
    const broken = incidentExemplarPromiseIssues(scenario, exemplar, seed).map((issue) =>
      rubricIssueAt(scenarioYaml, issue.path, issue.message),
    );
    return broken.length > 0 ? fail(io, issueLines(broken)) : 0;
  },
};
