/**
 * Finding the rubric packs a bundle's loops were made with: the built-in `rubrics/` folder that
 * ships next to the CLI, or a folder the user names with `--rubrics`.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rubricIssueText, type RubricIssue } from '../core/rubric/issues';
import { rubricPacksLoad } from '../core/rubric/loader';
import type { RubricPack } from '../core/rubric/schema';
import type { Loop } from '../core/model/records';
import { rubricFilesRead } from './rubricFiles';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The `rubrics/` folder of the installed package. The built CLI runs from `dist-cli/loopdesk.mjs`
 * (so `../rubrics`); from source, this file is `src/cli/packForBundle.ts` (so `../../rubrics`).
 */
export function builtInRubricsDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['..', '../..']) {
    const dir = resolve(here, up, 'rubrics');
    if (isDirectory(dir)) return dir;
  }
  return undefined;
}

export type PacksRead =
  | {
      ok: true;
      dir: string;
      packs: RubricPack[];
      /** Pack folders that failed to load, each with its first problem as "file:line:column: message". */
      broken: Array<{ packDir: string; firstIssue: string; issues: number }>;
    }
  | { ok: false; message: string };

/** Loads every pack under `dir` (or the built-in folder when `dir` is undefined). */
export function rubricPacksRead(dir: string | undefined, cwd: string): PacksRead {
  const root = dir === undefined ? builtInRubricsDir() : resolve(cwd, dir);
  if (root === undefined) {
    return { ok: false, message: 'cannot find the built-in rubrics folder next to the CLI; pass --rubrics <dir>' };
  }
  const read = rubricFilesRead(root, cwd);
  if (!read) return { ok: false, message: `${dir ?? root} is not a folder of rubric packs` };
  const loaded = rubricPacksLoad(read.files);
  const describe = (issues: RubricIssue[]) =>
    issues[0] ? rubricIssueText(issues[0], read.displayPath(issues[0].file)) : 'cannot be loaded';
  const broken = loaded.errors.map((e) => ({
    packDir: e.packDir,
    firstIssue: describe(e.issues),
    issues: e.issues.length,
  }));
  if (read.issues.length > 0)
    broken.push({ packDir: '.', firstIssue: describe(read.issues), issues: read.issues.length });
  return { ok: true, dir: root, packs: loaded.packs, broken };
}

/** The pack with `id`, or a one-line reason it is not available from `read`. */
export function packById(
  read: Extract<PacksRead, { ok: true }>,
  id: string,
): { ok: true; pack: RubricPack } | { ok: false; message: string } {
  const pack = read.packs.find((p) => p.manifest.id === id);
  if (pack) return { ok: true, pack };
  const broken = read.broken.find((b) => b.packDir === id);
  if (broken) {
    return {
      ok: false,
      message: `pack "${id}" in ${read.dir} does not load (${broken.issues} problem${broken.issues === 1 ? '' : 's'}, first: ${broken.firstIssue}); run "loopdesk validate ${read.dir}"`,
    };
  }
  const known = read.packs.map((p) => p.manifest.id);
  return {
    ok: false,
    message: `pack "${id}" is not in ${read.dir} (it has ${known.length > 0 ? known.join(', ') : 'no loadable packs'}); pass --rubrics <dir> with that pack`,
  };
}

/**
 * Warnings for loops pinned to a different version of `pack` than the one loaded: the report is
 * still computed, with the loaded pack, and says so.
 */
export function packPinWarnings(pack: RubricPack, loops: readonly Loop[]): string[] {
  const byPin = new Map<string, Loop[]>();
  for (const loop of loops) {
    if (loop.packId !== pack.manifest.id || loop.packHash === pack.hash) continue;
    const key = `${loop.packVersion}\u0000${loop.packHash}`;
    byPin.set(key, [...(byPin.get(key) ?? []), loop]);
  }
  return [...byPin.values()].map((pinned) => {
    const { packVersion, packHash } = pinned[0]!;
    return (
      `${pinned.length} loop${pinned.length === 1 ? '' : 's'} pin ${pack.manifest.id} ${packVersion} (hash ${packHash.slice(0, 12)}), ` +
      `but the loaded pack is ${pack.manifest.version} (hash ${pack.hash.slice(0, 12)}): the report uses the loaded pack`
    );
  });
}
