/**
 * `loopdesk validate <dir> [--json]`: checks rubric packs the way the app loads them, naming the
 * file, line and column of every problem. Exit status 1 on any problem, so it can gate CI.
 */
import { rubricIssueText, rubricIssuesSort, type RubricIssue } from '../../core/rubric/issues';
import { rubricPacksLoad } from '../../core/rubric/loader';
import type { RubricPack } from '../../core/rubric/schema';
import { cliParseArgs, type CliCommand } from '../io';
import { rubricFilesRead } from '../rubricFiles';

const usage = [
  'Usage: loopdesk validate <dir> [--json]',
  '',
  '  <dir>    a rubrics folder holding pack folders (e.g. rubrics), or one pack folder',
  '  --json   print {"packs": [...], "errors": [...]} instead of text',
  '',
  'Exits with 1 when any pack has a problem. See docs/rubric-authoring.md.',
].join('\n');

/** What `--json` prints for one valid pack. */
export interface ValidatePackSummary {
  id: string;
  version: string;
  hash: string;
  dimensions: number;
  signals: { strong: number; weak: number; redFlag: number };
  levels: number;
  kits: number;
  exercises: Array<{ id: string; defects: number }>;
  scenarios: number;
}

export interface ValidateReport {
  packs: ValidatePackSummary[];
  errors: RubricIssue[];
}

function packSummary(pack: RubricPack): ValidatePackSummary {
  const polarity = (p: string) => pack.signals.filter((s) => s.polarity === p).length;
  return {
    id: pack.manifest.id,
    version: pack.manifest.version,
    hash: pack.hash,
    dimensions: pack.dimensions.length,
    signals: { strong: polarity('strong'), weak: polarity('weak'), redFlag: polarity('red-flag') },
    levels: pack.levels.length,
    kits: pack.kits.length,
    exercises: pack.exercises.map((e) => ({ id: e.id, defects: e.format === 'artifact-review' ? e.defects.length : 0 })),
    scenarios: pack.scenarios.length,
  };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summaryLine(s: ValidatePackSummary): string {
  const defects = s.exercises.reduce((sum, e) => sum + e.defects, 0);
  return [
    `ok  ${s.id} ${s.version}  ${s.hash.slice(0, 12)}`,
    `    ${plural(s.levels, 'level')}, ${plural(s.dimensions, 'dimension')}, ` +
      `${plural(s.signals.strong + s.signals.weak + s.signals.redFlag, 'signal')} ` +
      `(${s.signals.strong} strong, ${s.signals.weak} weak, ${s.signals.redFlag} red-flag), ` +
      `${plural(s.kits, 'kit')}, ${plural(s.exercises.length, 'exercise')} (${plural(defects, 'planted defect')}), ` +
      `${plural(s.scenarios, 'scenario')}`,
  ].join('\n');
}

/** The outcome for one pack folder, for the text output. */
interface PackOutcome {
  packDir: string;
  summary?: ValidatePackSummary;
  issues: RubricIssue[];
}

/**
 * Validates the packs under `dir` (a rubrics folder or one pack folder). File paths in the result
 * are on disk as the user named `dir`. Undefined when `dir` is not a folder.
 */
export function validateDirectory(dir: string, cwd: string): (ValidateReport & { outcomes: PackOutcome[] }) | undefined {
  const read = rubricFilesRead(dir, cwd);
  if (!read) return undefined;
  const loaded = rubricPacksLoad(read.files);
  const display = (issue: RubricIssue): RubricIssue => ({ ...issue, file: read.displayPath(issue.file) });

  const byDir = new Map<string, PackOutcome>();
  const outcome = (packDir: string) => {
    const existing = byDir.get(packDir);
    if (existing) return existing;
    const created: PackOutcome = { packDir, issues: [] };
    byDir.set(packDir, created);
    return created;
  };
  for (const pack of loaded.packs) outcome(loaded.packDirs[pack.manifest.id] ?? pack.manifest.id).summary = packSummary(pack);
  for (const error of loaded.errors) outcome(error.packDir).issues.push(...error.issues);
  // A pack with a file too large or unreadable is not valid even if the rest of it loads.
  for (const issue of read.issues) outcome(issue.file.split('/')[0] ?? '').issues.push(issue);

  const outcomes: PackOutcome[] = [...byDir.values()]
    .sort((a, b) => (a.packDir < b.packDir ? -1 : a.packDir > b.packDir ? 1 : 0))
    .map((o) => ({
      packDir: o.packDir,
      ...(o.summary && o.issues.length === 0 ? { summary: o.summary } : {}),
      issues: rubricIssuesSort(o.issues).map(display),
    }));
  if (outcomes.length === 0) {
    outcomes.push({
      packDir: dir,
      issues: [
        {
          file: dir,
          line: 1,
          column: 1,
          path: '',
          message: 'no rubric pack found here: a pack is a folder holding a pack.yaml (kind: pack) and the other rubric files',
        },
      ],
    });
  }
  return {
    packs: outcomes.flatMap((o) => (o.summary ? [o.summary] : [])),
    errors: outcomes.flatMap((o) => o.issues),
    outcomes,
  };
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check rubric packs; errors name file, line and column',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { switches: ['json'] });
    if (parsed.unknown.length > 0 || parsed.positional.length !== 1) {
      io.err(`${parsed.unknown.length > 0 ? `loopdesk validate: ${parsed.unknown.join('; ')}\n` : ''}${usage}`);
      return 2;
    }
    const dir = parsed.positional[0]!;
    const asJson = parsed.switches.has('json');
    const report = validateDirectory(dir, io.cwd);
    if (!report) {
      const message = `"${dir}" is not a folder; give the rubrics folder or one pack folder`;
      if (asJson) io.out(JSON.stringify({ packs: [], errors: [{ file: dir, line: 1, column: 1, path: '', message }] }, null, 2));
      else io.err(`loopdesk validate: ${message}`);
      return 1;
    }
    if (asJson) {
      io.out(JSON.stringify({ packs: report.packs, errors: report.errors }, null, 2));
      return report.errors.length > 0 ? 1 : 0;
    }
    const lines: string[] = [];
    for (const o of report.outcomes) {
      if (o.summary) lines.push(summaryLine(o.summary));
      else {
        lines.push(`FAIL ${o.packDir}: ${plural(o.issues.length, 'problem')}`);
        lines.push(...o.issues.map((issue) => `    ${rubricIssueText(issue)}`));
      }
    }
    const failed = report.outcomes.length - report.packs.length;
    lines.push(
      failed > 0
        ? `${plural(report.packs.length, 'pack')} valid, ${failed} with problems (${plural(report.errors.length, 'problem')} in all).`
        : `All ${plural(report.packs.length, 'pack')} valid.`,
    );
    io.out(lines.join('\n'));
    return report.errors.length > 0 ? 1 : 0;
  },
};
