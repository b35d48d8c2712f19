/**
 * `loopdesk demo --out <file.loopdesk>`: writes the demo loop (three Staff DevOps candidates, four
 * interviewers, twelve submitted interviews, and five quarters of closed past loops) as a bundle, so `loopdesk report` and the app's
 * import have something real to work on from a fresh clone. The same options write the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleCountsSummary, bundleCreate, bundleStringify } from '../../core/bundle/bundleCreate';
import {
  DEMO_DEFAULT_SEED,
  DEMO_FIXED_NOW,
  DEMO_PACK_ID,
  demoDataset,
  demoScriptProblems,
} from '../../core/demo/demoLoop';
import { cliParseArgs, type CliCommand, type CliIo } from '../io';
import { packById, rubricPacksRead } from '../packForBundle';

declare const __LOOPDESK_VERSION__: string;

const usage = [
  'Usage: loopdesk demo --out <file.loopdesk> [--seed N] [--now <date>] [--rubrics <dir>]',
  '',
  '  --out      where to write the bundle (an existing file is replaced)',
  `  --seed     whole number the record ids derive from (default ${DEMO_DEFAULT_SEED}); another seed gives an`,
  '             independent copy that imports alongside the first',
  `  --now      the moment the demo is dated from, ISO 8601 or epoch ms (default ${new Date(DEMO_FIXED_NOW).toISOString()},`,
  '             so the file is the same on every machine)',
  '  --rubrics  folder holding the staff-devops pack (default: the built-in rubrics)',
  '',
  'Then: loopdesk report <file.loopdesk>',
].join('\n');

const PREFIX = 'loopdesk demo';
const MAX_SEED = 0xffffffff;

function fail(io: CliIo, message: string, code = 1): number {
  // One line, whatever the message holds (JSON.parse quotes the offending text, newlines included).
  io.err(`${PREFIX}: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
  return code;
}

/** Epoch ms from "1773421200000" or an ISO 8601 date; null if neither. */
function nowParse(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const ms = Number(text);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'write the demo loop (3 candidates, 12 submitted interviews, plus 25 past candidates) as a .loopdesk bundle',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['out', 'seed', 'now', 'rubrics'] });
    if (parsed.unknown.length > 0) return fail(io, `${parsed.unknown[0]}. Run "loopdesk demo --help".`, 2);
    if (parsed.positional.length > 0)
      return fail(io, `unexpected argument "${parsed.positional[0]}"; name the file with --out`, 2);
    const out = parsed.values.out;
    if (out === undefined || out === '')
      return fail(io, 'say where to write the bundle, e.g. "loopdesk demo --out demo.loopdesk"', 2);

    let seed = DEMO_DEFAULT_SEED;
    if (parsed.values.seed !== undefined) {
      const text = parsed.values.seed;
      if (!/^\d+$/.test(text) || Number(text) > MAX_SEED)
        return fail(io, `--seed must be a whole number from 0 to ${MAX_SEED} (found "${text}")`, 2);
      seed = Number(text);
    }
    let now = DEMO_FIXED_NOW;
    if (parsed.values.now !== undefined) {
      const value = nowParse(parsed.values.now);
      if (value === null || value < Date.UTC(1970, 1, 1) || value > 8.64e15) {
        return fail(
          io,
          `--now must be an ISO 8601 date such as 2026-03-13T17:00:00Z, or epoch milliseconds (found "${parsed.values.now}")`,
          2,
        );
      }
      now = value;
    }

    const packs = rubricPacksRead(parsed.values.rubrics, io.cwd);
    if (!packs.ok) return fail(io, packs.message);
    const found = packById(packs, DEMO_PACK_ID);
    if (!found.ok) return fail(io, found.message);
    const problems = demoScriptProblems(found.pack);
    if (problems.length > 0) {
      return fail(
        io,
        `the ${DEMO_PACK_ID} pack in ${packs.dir} lacks what the demo uses: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
      );
    }

    const content = demoDataset(found.pack, { now, seed });
    const bundle = bundleCreate({
      content,
      appVersion: typeof __LOOPDESK_VERSION__ === 'string' ? __LOOPDESK_VERSION__ : '0.0.0-dev',
      createdAt: now,
      createdBy: 'loopdesk demo',
      scope: { kind: 'all' },
    });
    try {
      await writeFile(resolve(io.cwd, out), bundleStringify(bundle));
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const reason =
        code === 'ENOENT'
          ? 'no such folder'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied'
              : String(code ?? error);
      return fail(io, `cannot write ${out}: ${reason}`);
    }
    const { manifest } = found.pack;
    io.out(
      `wrote ${out}: demo loop for ${manifest.title} ${manifest.version} (seed ${seed}): ${bundleCountsSummary(bundle.manifest.counts)}`,
    );
    return 0;
  },
};
