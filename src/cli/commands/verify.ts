/**
 * `loopdesk verify <bundle> [--json]`: the same checks an import runs before writing anything —
 * manifest, checksum, every record's schema, counts, unique ids, references, audit chain — so a
 * bundle or backup can be checked on any machine, or in a script, without the app.
 */
import { resolve } from 'node:path';
import { bundleCountsSummary } from '../../core/bundle/bundleCreate';
import { bundlePackDimensionsOf } from '../../core/bundle/bundleDimensions';
import { bundleDefaultLimits, type BundleRejection } from '../../core/bundle/bundleSchema';
import { textForDisplay } from '../../core/canonical/displayText';
import { cliBundleFileParse } from '../bundleFileParse';
import { cliParseArgs, type CliCommand } from '../io';
import { rubricPacksRead } from '../packForBundle';

const usage = [
  'Usage: loopdesk verify <bundle.loopdesk> [--json] [--rubrics <dir>]',
  '',
  '  <bundle>   a bundle or backup file exported by Loopdesk',
  '  --json     print {"ok": true, "manifest": ..., "auditHead": ...} or {"ok": false, "reason": ...}',
  '  --rubrics  folder of rubric packs the ratings are checked against (default: the built-in rubrics)',
  '',
  'Checks the manifest, the content checksum, every record, references between records, the',
  "audit chain, every sealed interview against its seal, and every rating against its pack's",
  'dimensions. Prints one line; exits with 1 when the bundle would be refused on import.',
].join('\n');

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check a .loopdesk bundle: checksum, records, references, audit chain',
  usage,
  run: async (args, io) => {
    const { positional, values, switches, unknown } = cliParseArgs(args, { switches: ['json'], values: ['rubrics'] });
    if (unknown.length > 0) {
      io.err(`loopdesk verify: ${unknown[0]}. Run "loopdesk verify --help".`);
      return 2;
    }
    if (positional.length !== 1) {
      io.err('loopdesk verify: give exactly one bundle file, e.g. "loopdesk verify backup.loopdesk".');
      return 2;
    }
    const isJson = switches.has('json');
    const fail = (reason: BundleRejection | { code: 'unreadable'; message: string }): number => {
      reason = { ...reason, message: textForDisplay(reason.message) };
      if (isJson) io.out(JSON.stringify({ ok: false, reason }));
      else io.err(`loopdesk verify: ${reason.code}: ${reason.message}`);
      return 1;
    };

    const file = resolve(io.cwd, positional[0]!);
    // Ratings are checked against the packs this machine has; loops of other packs are passed over.
    const packs = rubricPacksRead(values['rubrics'], io.cwd);
    if (!packs.ok && values['rubrics'] !== undefined) {
      io.err(`loopdesk verify: ${packs.message}`);
      return 2;
    }
    // Read as a stream: a backup's whole text is never held.
    const result = await cliBundleFileParse(
      file,
      { maxBytes: bundleDefaultLimits.maxTextLength },
      packs.ok ? { packs: bundlePackDimensionsOf(packs.packs) } : {},
    );
    if (!result.ok) return fail(result.reason);
    const { manifest, content } = result.value;
    const head = content.audit.at(-1)?.hash ?? null;
    if (isJson) {
      io.out(JSON.stringify({ ok: true, manifest, auditHead: head }, null, 2));
    } else {
      io.out(
        `ok: ${bundleCountsSummary(manifest.counts)}, audit head ${head ? head.slice(0, 12) : 'none (no audit entries)'}`,
      );
    }
    return 0;
  },
};
