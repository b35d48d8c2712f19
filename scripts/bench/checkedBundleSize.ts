/**
 * How much memory a checked bundle takes, in Node (the same V8 as the app's renderer): the full
 * benchmark dataset written as a bundle, read as a stream and checked as the app's checking worker
 * does it (`bundleParseBytes`, the checksum fed to Node's hash beside the other checks, as the CLI does), then the
 * heap in use after a full GC with only the checked bundle held. The Data screen shows a checked bundle's preview and writes it when the person confirms, so
 * the page holds the checked records meanwhile: this heap is what that alone takes.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx scripts/bench/checkedBundleSize.ts [--candidates 5000] [--out FILE]
 */
import { execSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeSha256 } from '../../src/cli/bundleFileParse';
import { bundleParseBytes } from '../../src/core/bundle/bundleParse';
import { benchPackLoad } from './lib/benchPack';
import { benchSeedFileWrite } from './lib/benchSeed';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const candidates = Number(arg('--candidates', '5000'));
const commit = execSync('git rev-parse --short HEAD').toString().trim();
const out = arg('--out', `scripts/bench/results/checked-bundle-size-${commit}.json`);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const dir = mkdtempSync(join(tmpdir(), 'loopdesk-checked-size-'));
try {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const seed = benchSeedFileWrite(benchPackLoad(process.cwd()), candidates, now, dir, 'dataset.loopdesk');
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const file = createReadStream(join(dir, 'dataset.loopdesk'), { highWaterMark: 1 << 20 });
  const checked = await bundleParseBytes(file as AsyncIterable<Uint8Array>, 1e9, { maxTextLength: 1e9 }, { hasher: nodeSha256 });
  const checkMs = performance.now() - started;
  if (!checked.ok) throw new Error(`refused: ${checked.reason.message}`);
  gc();
  const result = {
    date: new Date().toISOString(),
    commit,
    machine: { cpus: cpus().length, node: process.version },
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    candidates,
    bundleMb: Math.round(seed.bytes / 1e6),
    counts: seed.counts,
    checkMs: Math.round(checkMs),
    /** Heap in use after a full GC with the checked bundle held, less the heap before. */
    checkedHeldMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
    records: Object.values(checked.value.content).reduce((n, t) => n + t.length, 0),
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
