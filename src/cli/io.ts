import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { textForDisplay } from '../core/canonical/displayText';
import { utf8InvalidAt } from '../core/canonical/utf8Check';
import { limitText } from '../core/limits/inputLimits';

/** What a CLI command may touch: arguments in, text out, files through node:fs in the command. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for `loopdesk --help`. */
  summary: string;
  /** Usage line(s) for `loopdesk <name> --help`. */
  usage: string;
  /** Returns the process exit code. Bad input is reported through `io.err`, never thrown. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
export function cliParseArgs(
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { positional: string[]; values: Record<string, string>; switches: Set<string>; unknown: string[] } {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.switches?.includes(flag)) switches.add(flag);
    else if (spec.values?.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) unknown.push(`--${flag} needs a value`);
      else values[flag] = value;
    } else unknown.push(`unknown option --${flag}`);
  }
  return { positional, values, switches, unknown };
}

/** Why a file could not be read, as one line naming the file and the limit or the fault. */
export type CliReadResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: 'too-large' | 'not-text' | 'unreadable';
      /** One line: the file as shown, then {@link reason}. */
      message: string;
      /** What is wrong, without the file: "the file is empty", "not UTF-8 at byte 12". */
      reason: string;
    };

/** Why a file could not be opened or read, in words ("no such file", "permission denied"). */
export function cliReadErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return typeof code === 'string' ? `cannot read it (${code})` : 'cannot read it';
}

/**
 * Reads at most `maxBytes` bytes of `path`, counting them as they arrive: `stat` says 0 for
 * `/dev/zero`, pipes and growing files, so it is never trusted. Reading stops at the first byte
 * past the limit.
 */
export async function cliReadBytes(
  path: string,
  options: { maxBytes: number; shownAs?: string },
): Promise<CliReadResult<Buffer>> {
  const shown = textForDisplay(options.shownAs ?? path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return refusal('unreadable', shown, `${cliReadErrorText(error)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const room = Math.min(CHUNK_BYTES, options.maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(room);
      const { bytesRead } = await handle.read(chunk, 0, room, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === room ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > options.maxBytes) {
        return refusal('too-large', shown, `the file is larger than the ${limitText(options.maxBytes)} limit`);
      }
    }
    return { ok: true, value: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (error) {
    return refusal('unreadable', shown, `${cliReadErrorText(error)}`);
  } finally {
    await handle.close();
  }
}

const CHUNK_BYTES = 1 << 20;

function refusal(code: 'too-large' | 'not-text' | 'unreadable', shown: string, reason: string) {
  return { ok: false as const, code, message: `${shown}: ${reason}`, reason };
}

/**
 * {@link cliReadBytes}, then the bytes as UTF-8 text: refused when empty or not UTF-8 (naming the
 * byte offset), never decoded with replacement characters. A leading byte-order mark is dropped.
 */
export async function cliReadText(
  path: string,
  options: { maxBytes: number; shownAs?: string },
): Promise<CliReadResult<string>> {
  const read = await cliReadBytes(path, options);
  return read.ok ? cliBytesText(read.value, options.shownAs ?? path) : read;
}

/** {@link cliReadText} for synchronous callers: the same cap, counted the same way. */
export function cliReadTextSync(path: string, options: { maxBytes: number; shownAs?: string }): CliReadResult<string> {
  const shown = textForDisplay(options.shownAs ?? path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return refusal('unreadable', shown, `${cliReadErrorText(error)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const room = Math.min(CHUNK_BYTES, options.maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(room);
      const bytesRead = readSync(fd, chunk, 0, room, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > options.maxBytes) {
        return refusal('too-large', shown, `the file is larger than the ${limitText(options.maxBytes)} limit`);
      }
    }
    return cliBytesText(Buffer.concat(chunks, total), options.shownAs ?? path);
  } catch (error) {
    return refusal('unreadable', shown, `${cliReadErrorText(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Bytes as UTF-8 text: refused when empty or not UTF-8 (naming the byte); a leading BOM dropped. */
function cliBytesText(bytes: Buffer, shownAs: string): CliReadResult<string> {
  const shown = textForDisplay(shownAs);
  if (bytes.length === 0) return refusal('not-text', shown, `the file is empty`);
  const invalidAt = utf8InvalidAt(bytes);
  if (invalidAt >= 0) return refusal('not-text', shown, `not UTF-8 at byte ${invalidAt}`);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, value: bytes.toString('utf8', hasBom ? 3 : 0) };
}
