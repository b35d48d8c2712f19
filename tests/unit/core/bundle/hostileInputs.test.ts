import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCreate, bundleStringify } from '../../../../src/core/bundle/bundleCreate';
import { sampleBundleContent } from '../../../fixtures/bundles/sampleContent';
import { hostileCases } from '../../../fixtures/hostile/hostileInputs';

/** Small enough to keep the test fast; the heap each child gets is 4x this. */
const CAP_BYTES = 16 * 1024 * 1024;
const HEAP_MB = (4 * CAP_BYTES) / 1024 / 1024;
const dir = mkdtempSync(join(tmpdir(), 'loopdesk-hostile-'));
const script = join(dir, 'boundedCheck.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, '../../../fixtures/hostile/boundedCheck.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent',
  });
});

describe(`hostile files, read with a ${CAP_BYTES / 1024 / 1024} MiB cap in a ${HEAP_MB} MB heap`, () => {
  for (const hostile of hostileCases(CAP_BYTES)) {
    it(`refuses ${hostile.name} in one located line and exits normally`, () => {
      const path = 'path' in hostile.bytes ? hostile.bytes.path : join(dir, hostile.name.replace(/\W+/g, '-'));
      if (!('path' in hostile.bytes)) writeFileSync(path, hostile.bytes);
      const child = spawnSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, script, hostile.reader, path, String(CAP_BYTES)],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(child.signal, child.stderr.slice(0, 300)).toBeNull();
      expect(child.status, child.stderr.slice(0, 300)).toBe(0);
      const result = JSON.parse(child.stdout) as { ok: boolean; message: string };
      expect(result.ok).toBe(false);
      expect(result.message.startsWith(`${path}: `) || result.message.startsWith(`${path}:`)).toBe(true);
      expect(result.message).toMatch(hostile.expected);
      expect(result.message).not.toContain('\n');
      expect(result.message).not.toMatch(/Unexpected|SyntaxError|position \d/);
    }, 60_000);
  }

  // Measured: a 15.1 MB backup needs 66-72 MB of heap (the runtime's own ~10 MB weighs at this
  // size); a 26.5 MB one fits in 108 MB. Three quarters of the cap keeps the test honest and fast.
  it('accepts a real backup of three quarters of the cap in the same heap', () => {
    const content = sampleBundleContent({ seed: 1, candidates: 280, interviewsPerCandidate: 5, notesPerInterview: 6 });
    const text = bundleStringify(
      bundleCreate({ content, appVersion: 't', createdAt: 1, createdBy: 'x', scope: { kind: 'all' } }),
    );
    expect(text.length).toBeGreaterThan(CAP_BYTES * 0.7);
    expect(text.length).toBeLessThan(CAP_BYTES);
    const path = join(dir, 'backup.loopdesk');
    writeFileSync(path, text);
    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, script, 'bundle', path, String(CAP_BYTES)],
      {
        encoding: 'utf8',
        timeout: 90_000,
      },
    );
    expect(child.status, child.stderr.slice(0, 300)).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ ok: true, message: null });
  }, 120_000);
});
