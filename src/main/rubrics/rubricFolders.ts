/** Reads rubric packs from disk (built-in folder + the user's folder) through core's loader. */
import { readdirSync, readFileSync, statSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { rubricPacksLoad } from '../../core/rubric/loader';
import type { RubricLoadReport } from '../../shared/desktopApi';

const maxFileBytes = 2_000_000;

/** Every file under `root` as `{ path, text }`, paths relative to `root` with `/` separators. */
export function rubricFolderRead(root: string): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      if (name.startsWith('.') || name === 'node_modules' || name === 'rubric.schema.json') continue;
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && stat.size <= maxFileBytes) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

export function rubricReportLoad(builtInDir: string, userDir: string | null, now: number): RubricLoadReport {
  const builtIn = rubricPacksLoad(rubricFolderRead(builtInDir));
  const user = userDir ? rubricPacksLoad(rubricFolderRead(userDir)) : { packs: [], errors: [] };
  return {
    packs: [
      ...builtIn.packs.map((p) => ({ ...p, origin: 'built-in' as const })),
      ...user.packs.map((p) => ({ ...p, origin: 'user' as const })),
    ],
    errors: [
      ...builtIn.errors.map((e) => ({ ...e, origin: 'built-in' as const })),
      ...user.errors.map((e) => ({ ...e, origin: 'user' as const })),
    ],
    loadedAt: now,
  };
}

/** Writes files chosen by the user into the user rubric folder (paths already validated). */
export function rubricUserFilesWrite(userDir: string, files: Array<{ path: string; text: string }>): void {
  for (const file of files) {
    const target = join(userDir, ...file.path.split('/'));
    if (!target.startsWith(userDir + sep)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text, 'utf8');
  }
}

export function rubricUserPackRemove(userDir: string, packDir: string): void {
  const target = join(userDir, packDir);
  if (!target.startsWith(userDir + sep)) return;
  rmSync(target, { recursive: true, force: true });
}
