/**
 * Reads rubric packs from disk into the `{ path, text }` pairs the core loader takes, through
 * core's one folder reader ({@link packFolderReadSync}) with Node's synchronous `fs` (the CLI
 * reads once and exits).
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { RubricIssue } from '../core/rubric/issues';
import type { RubricSourceFile } from '../core/rubric/loader';
import { isPackFolderSkipped, packFolderReadSync, type PackFolderIo, type PackFolderText } from '../core/rubric/packFolderRead';

export { RUBRIC_MAX_FILE_BYTES } from '../core/limits/inputLimits';
export interface RubricFilesRead {
  /** Files with paths relative to the rubrics root (`<pack-dir>/…`, `/`-separated). */
  files: RubricSourceFile[];
  /** Files that could not be read (too large, unreadable), paths as in `files`. */
  issues: RubricIssue[];
  /** `pack` when `dir` is itself a pack folder, `root` when it holds pack folders. */
  layout: 'pack' | 'root';
  /** Turns a path from `files`/`issues` back into a path on disk as the user named it. */
  displayPath: (path: string) => string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hasYamlDirectly(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isFile() && /\.ya?ml$/i.test(e.name) && !isPackFolderSkipped(e.name));
  } catch {
    return false;
  }
}

/** Reads at most `maxBytes + 1` bytes: the size is counted as bytes arrive, never taken from stat. */
function readBounded(path: string, maxBytes: number): PackFolderText {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buffer.length; filled += n) n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (filled > maxBytes) return { tooLargeBytes: filled };
    return { text: buffer.subarray(0, filled).toString('utf8'), bytes: filled };
  } finally {
    closeSync(fd);
  }
}

/** Node's synchronous file system as the core reader's I/O. */
export const nodePackFolderIo: PackFolderIo = {
  list: (path) =>
    readdirSync(path, { withFileTypes: true }).map((e) => ({
      name: e.name,
      kind: e.isDirectory() ? 'directory' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'symlink' : 'other',
    })),
  linkTarget: (path) => {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      return 'missing';
    }
  },
  read: readBounded,
};

/**
 * Reads `dir` — a rubrics root (a folder of pack folders) or a single pack folder (one that holds
 * YAML files directly). What is skipped, limited and reported is core's rule (see
 * `packFolderRead`). Returns undefined when `dir` is not a directory.
 */
export function rubricFilesRead(dir: string, cwd = process.cwd()): RubricFilesRead | undefined {
  const absolute = resolve(cwd, dir);
  if (!isDirectory(absolute)) return undefined;
  const layout = hasYamlDirectly(absolute) ? 'pack' : 'root';
  const prefix = layout === 'pack' ? `${basename(absolute) || 'pack'}/` : '';
  const { files, issues } = packFolderReadSync(nodePackFolderIo, absolute, { prefix });

  const displayPath = (path: string) => {
    const inside = layout === 'pack' ? path.slice(prefix.length) : path;
    return inside === '' ? dir : join(dir, ...inside.split('/'));
  };
  return { files, issues, layout, displayPath };
}
