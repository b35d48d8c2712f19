/**
 * The one reader of rubric folders, shared by the desktop main process, the CLI and web mode.
 * It decides what to read and what to report; the host supplies the I/O (Node's `fs`, sync or
 * promises, or the files a browser picked), so every host skips, limits and reports the same way.
 *
 * Every entry that cannot be used — an unreadable folder, a dangling or folder link, a file over
 * a limit — becomes a located {@link RubricIssue}; nothing is dropped silently and nothing fails
 * the whole read.
 *
 * The walk is a generator that yields I/O requests, so one walk serves a synchronous host (the
 * CLI) and an asynchronous one (main, which must never block) without duplicating the rules.
 */
import { limitText, RUBRIC_MAX_FILE_BYTES, RUBRIC_MAX_PACK_BYTES, RUBRIC_MAX_PACK_FILES } from '../limits/inputLimits';
import type { RubricIssue } from './issues';
import type { RubricSourceFile } from './loader';

export interface PackFolderEntry {
  name: string;
  /** As listed, without following links. */
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

/** What a link points at; `missing` for a dangling link. */
export type PackFolderLinkTarget = 'file' | 'directory' | 'other' | 'missing';

/** A file's text and size in bytes, or how many bytes had arrived when reading stopped at the limit. */
export type PackFolderText = { text: string; bytes: number } | { tooLargeBytes: number };

/** Synchronous host I/O. Paths are the root joined with `/`-separated relative paths. */
export interface PackFolderIo {
  list(path: string): PackFolderEntry[];
  linkTarget(path: string): PackFolderLinkTarget;
  /** Reads at most `maxBytes + 1` bytes, so an endless or growing file cannot exhaust memory. */
  read(path: string, maxBytes: number): PackFolderText;
}

/** The same I/O, asynchronous. */
export type PackFolderIoAsync = {
  [K in keyof PackFolderIo]: (...args: Parameters<PackFolderIo[K]>) => Promise<ReturnType<PackFolderIo[K]>>;
};

export interface PackFolderReadResult {
  /** Paths relative to the rubrics root, `/`-separated, starting with the pack folder. */
  files: RubricSourceFile[];
  /** One per entry that could not be read, located at its path. */
  issues: RubricIssue[];
}

export interface PackFolderReadOptions {
  /** Put before every path, e.g. `my-pack/` when `root` is itself a pack folder. */
  prefix?: string;
}

/** Names never read: hidden files, dependencies, the generated schema. */
export function isPackFolderSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === 'rubric.schema.json';
}

type Step = { op: 'list'; path: string } | { op: 'linkTarget'; path: string } | { op: 'read'; path: string; maxBytes: number };
type Reply = { ok: true; value: unknown } | { ok: false; code: string };

function issueAt(file: string, message: string): RubricIssue {
  return { file, line: 1, column: 1, path: '', message };
}

function byName(a: PackFolderEntry, b: PackFolderEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Running totals per pack folder, for the per-pack limits. */
interface PackTally {
  files: number;
  bytes: number;
  isOverLimit: boolean;
}

function* packFolderWalk(root: string, prefix: string): Generator<Step, PackFolderReadResult, Reply> {
  const files: RubricSourceFile[] = [];
  const issues: RubricIssue[] = [];
  const tallies = new Map<string, PackTally>();

  const tallyFor = (path: string): PackTally => {
    const pack = path.split('/')[0] ?? '';
    let tally = tallies.get(pack);
    if (!tally) tallies.set(pack, (tally = { files: 0, bytes: 0, isOverLimit: false }));
    return tally;
  };

  function* readFile(onDisk: string, path: string): Generator<Step, void, Reply> {
    const tally = tallyFor(path);
    if (tally.isOverLimit) return;
    if (tally.files >= RUBRIC_MAX_PACK_FILES) {
      tally.isOverLimit = true;
      issues.push(issueAt(path, `the pack has more than ${RUBRIC_MAX_PACK_FILES} files; this file and the rest were not read`));
      return;
    }
    const reply = yield { op: 'read', path: onDisk, maxBytes: RUBRIC_MAX_FILE_BYTES };
    if (!reply.ok) {
      issues.push(issueAt(path, `cannot read this file (${reply.code})`));
      return;
    }
    const read = reply.value as PackFolderText;
    if ('tooLargeBytes' in read) {
      issues.push(issueAt(path, `the file is larger than ${limitText(RUBRIC_MAX_FILE_BYTES)}, the limit for a rubric file or artifact; it was not read`));
      return;
    }
    tally.files += 1;
    tally.bytes += read.bytes;
    if (tally.bytes > RUBRIC_MAX_PACK_BYTES) {
      tally.isOverLimit = true;
      issues.push(issueAt(path, `the pack's files together exceed ${limitText(RUBRIC_MAX_PACK_BYTES)}; this file and the rest were not read`));
      return;
    }
    files.push({ path, text: read.text });
  }

  function* walkFolder(onDisk: string, relative: string): Generator<Step, void, Reply> {
    const reply = yield { op: 'list', path: onDisk };
    if (!reply.ok) {
      issues.push(issueAt(`${prefix}${relative}`, `cannot read this folder (${reply.code})`));
      return;
    }
    for (const entry of [...(reply.value as PackFolderEntry[])].sort(byName)) {
      if (isPackFolderSkipped(entry.name)) continue;
      const path = `${prefix}${relative}${entry.name}`;
      const entryOnDisk = `${onDisk}/${entry.name}`;
      if (entry.kind === 'directory') yield* walkFolder(entryOnDisk, `${relative}${entry.name}/`);
      else if (entry.kind === 'file') yield* readFile(entryOnDisk, path);
      else if (entry.kind === 'symlink') {
        const target = yield { op: 'linkTarget', path: entryOnDisk };
        const kind = target.ok ? (target.value as PackFolderLinkTarget) : 'missing';
        if (kind === 'file') yield* readFile(entryOnDisk, path);
        else if (kind === 'missing') issues.push(issueAt(path, 'this link points to nothing; remove it or restore its target'));
        else if (kind === 'directory') {
          // Folder links could loop; packs are read from real folders only.
          issues.push(issueAt(path, 'this link points to a folder; rubric folders are read without following folder links'));
        } else issues.push(issueAt(path, 'this link does not point to a regular file'));
      } else issues.push(issueAt(path, 'not a regular file or folder; it was not read'));
    }
  }

  yield* walkFolder(root.replace(/\/+$/, ''), '');
  return { files, issues };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : 'error';
}

/** Reads a rubrics root (a folder of pack folders) with synchronous I/O. */
export function packFolderReadSync(io: PackFolderIo, root: string, options: PackFolderReadOptions = {}): PackFolderReadResult {
  const walk = packFolderWalk(root, options.prefix ?? '');
  let step = walk.next({ ok: true, value: undefined });
  while (!step.done) {
    let reply: Reply;
    try {
      const request = step.value;
      const value = request.op === 'read' ? io.read(request.path, request.maxBytes) : io[request.op](request.path);
      reply = { ok: true, value };
    } catch (error) {
      reply = { ok: false, code: errorCode(error) };
    }
    step = walk.next(reply);
  }
  return step.value;
}

/** Reads a rubrics root with asynchronous I/O; the same rules as {@link packFolderReadSync}. */
export async function packFolderRead(io: PackFolderIoAsync, root: string, options: PackFolderReadOptions = {}): Promise<PackFolderReadResult> {
  const walk = packFolderWalk(root, options.prefix ?? '');
  let step = walk.next({ ok: true, value: undefined });
  while (!step.done) {
    let reply: Reply;
    try {
      const request = step.value;
      const value = await (request.op === 'read' ? io.read(request.path, request.maxBytes) : io[request.op](request.path));
      reply = { ok: true, value };
    } catch (error) {
      reply = { ok: false, code: errorCode(error) };
    }
    step = walk.next(reply);
  }
  return step.value;
}
