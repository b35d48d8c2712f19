/**
 * The main process serves every window: one synchronous file call on a slow disk or a large
 * backup freezes all of them. Main uses `fs/promises` only; this keeps it so.
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

/** `readFileSync(`, `fs.statSync (`, `execSync(`: any call of a function whose name ends in Sync. */
const syncCall = /\b\w+Sync\s*\(/g;

describe('the main process never blocks', () => {
  it('calls no *Sync function anywhere in src/main', () => {
    const found = sourceFiles(join(root, 'src/main')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.match(syncCall) ?? []).map((call) => `${relative(root, file)}:${i + 1} ${call}`)),
    );
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    expect('  const text = readFileSync(path, "utf8");'.match(syncCall)).toEqual(['readFileSync(']);
  });
});
