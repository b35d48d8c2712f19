/** The built-in rubric packs, loaded in Node exactly as web mode bundles them (paths under `rubrics/`). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

export function benchPackLoad(repoRoot: string, packId = 'staff-devops'): RubricPack {
  const root = join(repoRoot, 'rubrics');
  const files = walk(root, [])
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter((path) => path !== 'rubric.schema.json')
    .sort((a, b) => a.localeCompare(b))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  const result = rubricPacksLoad(files);
  const pack = result.packs.find((p) => p.manifest.id === packId);
  if (!pack) throw new Error(`rubric pack ${packId} did not load: ${JSON.stringify(result.errors).slice(0, 500)}`);
  return pack;
}
