/**
 * `loopdesk verify <bundle> [--json]`: the same checks an import runs before writing anything —
 * manifest, checksum, every record's schema, counts, unique ids, references, audit chain — so a
 * bundle or backup can be checked on any machine, or in a script, without the app.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleCountsSummary } from '../../core/bundle/bundleCreate';
import { bundleParse } from '../../core/bundle/bundleParse';
import { bundleDefaultLimits, type BundleRejection } from '../../core/bundle/bundleSchema';
import { cliParseArgs, type CliCommand } from '../io';

const usage = [
  'Usage: loopdesk verify <bundle.loopdesk> [--json]',
  '',
  '  <bundle>  a bundle or backup file exported by Loopdesk',
  '  --json    print {"ok": true, "manifest": ..., "auditHead": ...} or {"ok": false, "reason": ...}',
  '',
  'Checks the manifest, the content checksum, every record, references between records and the',
  'audit chain. Prints one line; exits with 1 when the bundle would be refused on import.',
].join('\n');

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a bundle file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check a .loopdesk bundle: checksum, records, references, audit chain',
  usage,
  run: async (args, io) => {
    const { positional, switches, unknown } = cliParseArgs(args, { switches: ['json'] });
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
      if (isJson) io.out(JSON.stringify({ ok: false, reason }));
      else io.err(`loopdesk verify: ${reason.code}: ${reason.message}`);
      return 1;
    };

    const file = resolve(io.cwd, positional[0]!);
    let text: string;
    try {
      const info = await stat(file);
      if (info.isDirectory())
        return fail({ code: 'unreadable', message: `cannot read ${file}: it is a folder, not a bundle file` });
      // Refuse before reading: a file this big is not a bundle and would only exhaust memory.
      if (info.size > bundleDefaultLimits.maxTextLength * 3) {
        return fail({
          code: 'too-large',
          message: `the file is ${Math.round(info.size / 1e6)} MB, far above the bundle limit of ${bundleDefaultLimits.maxTextLength / 1e6} MB`,
        });
      }
      const bytes = await readFile(file);
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return fail({ code: 'not-json', message: 'the file is not UTF-8 text, so it is not a bundle' });
      }
    } catch (error) {
      return fail({ code: 'unreadable', message: `cannot read ${file}: ${describeReadError(error)}` });
    }

    const result = bundleParse(text);
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
