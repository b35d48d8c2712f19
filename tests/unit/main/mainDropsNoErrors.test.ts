/**
 * A failure in main that nobody hears of looks to the user like a feature that did nothing: main
 * never drops a promise's rejection on the floor. This keeps it so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `.catch(() => undefined)`, `.catch(() => {})`, `.catch((_e) => null)`, `.catch(() => void 0)`. */
const droppedRejection = /\.catch\(\s*\(\s*\w*\s*\)\s*=>\s*(?:undefined|null|\{\s*\}|void 0)\s*\)/g;

describe('the main process drops no error', () => {
  it('has no catch that turns a rejection into nothing in src/main or src/preload', () => {
    const found = ['src/main', 'src/preload'].flatMap((dir) =>
      sourceFiles(join(root, dir)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (line.match(droppedRejection) ?? []).map((hit) => `${relative(root, file)}:${i + 1} ${hit}`)),
      ),
    );
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    for (const line of ['rm(temp).catch(() => undefined);', 'p.catch(() => {})', 'p.catch((_error) => null)', 'p.catch(() => void 0)']) {
      expect(line.match(droppedRejection), line).toHaveLength(1);
    }
    expect('rm(old).catch(() => failed.push(old))'.match(droppedRejection)).toBeNull();
  });
});
