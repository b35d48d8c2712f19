/**
 * Reads rubric packs from disk into the `{ path, text }` pairs the core loader takes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { RubricIssue } from '../core/rubric/issues';
import type { RubricSourceFile } from '../core/rubric/loader';

/** Files larger than this are reported instead of read: no rubric file or artifact needs more. */
export const RUBRIC_MAX_FILE_BYTES = 2 * 1024 * 1024;

const skippedNames = new Set(['node_modules', 'rubric.schema.json']);

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
  return readdirSync(dir, { withFileTypes: true }).some((e) => e.isFile() && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.'));
}

/**
 * Reads `dir` — a rubrics root (a folder of pack folders) or a single pack folder (one that holds
 * YAML files directly) — skipping dotfiles, `node_modules`, symlinks and the generated
 * `rubric.schema.json`. Returns undefined when `dir` is not a directory.
 */
export function rubricFilesRead(dir: string, cwd = process.cwd()): RubricFilesRead | undefined {
  const absolute = resolve(cwd, dir);
  if (!isDirectory(absolute)) return undefined;
  const layout = hasYamlDirectly(absolute) ? 'pack' : 'root';
  const prefix = layout === 'pack' ? `${basename(absolute) || 'pack'}/` : '';
  const files: RubricSourceFile[] = [];
  const issues: RubricIssue[] = [];

  const walk = (folder: string, relative: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      issues.push(readIssue(`${prefix}${relative}`, `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || skippedNames.has(entry.name)) continue;
      const path = `${prefix}${relative}${entry.name}`;
      const onDisk = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(onDisk, `${relative}${entry.name}/`);
      } else if (entry.isFile()) {
        try {
          const size = statSync(onDisk).size;
          if (size > RUBRIC_MAX_FILE_BYTES) {
            issues.push(
              readIssue(path, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; rubric files and artifacts must be under ${RUBRIC_MAX_FILE_BYTES / 1024 / 1024} MB`),
            );
            continue;
          }
          files.push({ path, text: readFileSync(onDisk, 'utf8') });
        } catch (error) {
          issues.push(readIssue(path, `cannot read this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
        }
      }
    }
  };
  walk(absolute, '');

  const displayPath = (path: string) => {
    const inside = layout === 'pack' ? path.slice(prefix.length) : path;
    return inside === '' ? dir : join(dir, ...inside.split('/'));
  };
  return { files, issues, layout, displayPath };
}

function readIssue(file: string, message: string): RubricIssue {
  return { file, line: 1, column: 1, path: '', message };
}
