/**
 * `loopdesk practice <pack> [--run <run.json>] [--json] [--rubrics <dir>]`: the pack's practice
 * cases, or a practice run scored against its case's expert key.
 */
import { resolve } from 'node:path';
import { PRACTICE_RUN_MAX_BYTES } from '../../core/limits/inputLimits';
import { practiceRunParse, practiceScore, type PracticeScore } from '../../core/practice/practiceScore';
import type { RubricPack } from '../../core/rubric/schema';
import { cliParseArgs, cliReadText, type CliCommand, type CliIo } from '../io';
import { packById, rubricPacksRead } from '../packForBundle';

const usage = [
  'Usage: loopdesk practice <pack-id> [--run <run.json>] [--json] [--rubrics <dir>]',
  '',
  "Without --run, lists the pack's practice cases (id, kit, candidate, title).",
  "With --run, scores a practice run against its case's expert key: per dimension your rating, the",
  "key's, the distance and direction (lenient / severe), the anchor that applies and the expert's",
  'reason; signals the key holds that you missed, and signals you tagged that it does not hold.',
  'A run is JSON: {"caseId": "...", "ratings": {"<dimension-id>": 1-4 or "no-evidence"}, "signals": ["<signal-id>"]}.',
  '',
  '  --json     print JSON instead of text',
  '  --rubrics  folder of rubric packs (default: the built-in rubrics)',
].join('\n');

function fail(io: CliIo, message: string, code = 1): number {
  io.err(`loopdesk practice: ${message}`);
  return code;
}

function casesText(pack: RubricPack): string {
  const cases = pack.practiceCases ?? [];
  if (cases.length === 0) return `Pack "${pack.manifest.id}" has no practice cases.`;
  const rows = cases.map((c) => [c.id, c.kit, c.candidate.name, c.title]);
  const widths = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['case', 'kit', 'candidate'][i]!.length),
  );
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [
    `Practice cases in ${pack.manifest.id}:`,
    line(['case', 'kit', 'candidate', 'title']),
    ...rows.map(line),
  ].join('\n');
}

const ratingText = (r: number | 'no-evidence' | null) =>
  r === null ? 'unrated' : r === 'no-evidence' ? 'no evidence' : String(r);

function scoreText(score: PracticeScore): string {
  const out = [`Practice case ${score.caseId}: ${score.title}`, ''];
  for (const d of score.dimensions) {
    const distance = d.distance === null ? '' : `, distance ${d.distance}`;
    out.push(`${d.title}: you ${ratingText(d.rating)}, key ${ratingText(d.key)} — ${d.direction}${distance}`);
    if (d.anchor) {
      out.push(`  anchor ${d.anchor.score} "${d.anchor.label}": ${d.anchor.summary}`);
      if (d.anchor.example) out.push(`  for example: ${d.anchor.example}`);
    }
    out.push(`  why: ${d.why.replace(/\s+/g, ' ').trim()}`);
  }
  const mean = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  out.push(
    '',
    `Mean distance ${mean(score.meanAbsoluteDistance)}; mean direction ${mean(score.meanSignedDistance)} (+ lenient, − severe). Key level: ${score.keyLevel}.`,
  );
  const signals = (refs: PracticeScore['signals']['missed']) =>
    refs.length === 0 ? 'none' : refs.map((s) => s.id).join(', ');
  out.push(`Signals matched: ${signals(score.signals.matched)}`);
  out.push(`Signals missed: ${signals(score.signals.missed)}`);
  out.push(`Signals tagged that the key does not hold: ${signals(score.signals.extra)}`);
  return out.join('\n');
}

export const practiceCommand: CliCommand = {
  name: 'practice',
  summary: "list a pack's practice cases, or score a practice run against its expert key",
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['run', 'rubrics'], switches: ['json'] });
    if (parsed.unknown.length > 0) return fail(io, `${parsed.unknown[0]}. Run "loopdesk practice --help".`, 2);
    if (parsed.positional.length !== 1) {
      return fail(
        io,
        parsed.positional.length === 0
          ? 'name the pack, e.g. "loopdesk practice staff-devops"'
          : `takes one pack id, got ${parsed.positional.length}`,
        2,
      );
    }
    const packs = rubricPacksRead(parsed.values.rubrics, io.cwd);
    if (!packs.ok) return fail(io, packs.message);
    const found = packById(packs, parsed.positional[0]!);
    if (!found.ok) return fail(io, found.message);
    const isJson = parsed.switches.has('json');
    const runFile = parsed.values.run;
    if (runFile === undefined) {
      const cases = (found.pack.practiceCases ?? []).map((c) => ({
        id: c.id,
        kit: c.kit,
        candidate: c.candidate.name,
        title: c.title,
      }));
      io.out(isJson ? JSON.stringify({ pack: found.pack.manifest.id, cases }, null, 2) : casesText(found.pack));
      return 0;
    }
    const text = await cliReadText(resolve(io.cwd, runFile), { maxBytes: PRACTICE_RUN_MAX_BYTES, shownAs: runFile });
    if (!text.ok) return fail(io, text.message);
    const run = practiceRunParse(text.value, runFile);
    if (!run.ok) return fail(io, run.message);
    const score = practiceScore(found.pack, run.value);
    if (!score.ok) return fail(io, `${runFile}: ${score.message}`);
    io.out(isJson ? JSON.stringify(score.value, null, 2) : scoreText(score.value));
    return 0;
  },
};
