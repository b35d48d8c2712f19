/**
 * The committee screen's benchmark alone, on a database seeded in minutes instead of the full
 * run's ~25 (docs/benchmarks.md, "Committee seed"):
 *
 *   node --max-old-space-size=8192 --import tsx scripts/bench/committeeBench.ts [options]
 *     --profile DIR        seed into DIR and keep it (DIR.bench.json beside it), then measure
 *     --reuse-profile DIR  measure on a profile seeded before with --profile (same --port)
 *     --candidates N       database size (default 5,000)
 *     --rounds N           rounds of (new browser → Today → committee, Today → committee again); default 5
 *     --port P             the app origin's port (IndexedDB belongs to it; default 5391)
 *     --cpu-profile        one more round, CPU-profiled (not counted)
 *
 * The seed is the full benchmark's dataset (same generator, same seed, same counts) without the
 * tables that neither the committee screen nor the worker computing its rows reads — note text,
 * sealed version snapshots and the generated audit chain — written by the app's own import step
 * (`bundleContentImport`); the committee rows are then computed by the app's own worker, opened on
 * the committee screen as after a real import. Writes
 * scripts/bench/results/committee-<N>-<commit>.json with every sample and the machine's load.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { benchCall, benchHostOpen, benchLaunch, benchPage } from './lib/benchBrowser';
import { benchBuild, benchOutDir } from './lib/benchBuild';
import type { BenchContext } from './lib/benchContext';
import { benchPackLoad } from './lib/benchPack';
import { benchServerStart } from './lib/benchServer';
import { benchFigureForSize } from './lib/benchStats';
import { committeeFirstComputation, committeeMeasure } from './metrics/committee';
import { benchDataset, benchDatasetCounts } from './seed/benchDataset';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const candidates = Number(option('candidates') ?? 5000);
const rounds = Number(option('rounds') ?? 5);
const port = Number(option('port') ?? 5391);
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[committee ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const round2 = (x: number) => Math.round(x * 100) / 100;

interface CommitteeSeedMeta {
  candidates: number;
  port: number;
  meId: string;
  counts: Record<string, number>;
  generateMs: number;
  seedWriteMs: number;
  firstComputationMs: number;
}

/** The dataset without what the committee screen and its worker never read, as a JSON file. */
function seedFileWrite(dir: string, now: number) {
  const at = performance.now();
  const pack = benchPackLoad(repoRoot);
  const dataset = benchDataset(pack, { candidates, now });
  const counts = benchDatasetCounts(dataset.content);
  const content = { ...dataset.content, notes: [], interviewVersions: [], audit: [] };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'committee-seed.json'), JSON.stringify(content));
  return { meId: dataset.me.id, counts, generateMs: performance.now() - at };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'loopdesk-committee-'));
  try {
    const git = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
    const source = {
      commit: git(['rev-parse', '--short', 'HEAD']),
      uncommittedAppFiles: git(['status', '--porcelain', '--', 'src', 'rubrics']).split('\n').filter(Boolean).length,
    };
    const uptimeAtStart = uptime();
    const loadAtStart = loadavg().map(round2);
    const build = await benchBuild(repoRoot);
    log(`built (web app in ${(build.appBuild.ms / 1000).toFixed(1)} s)`);
    const reuse = option('reuse-profile') ? resolve(option('reuse-profile')!) : null;
    const profileDir = reuse ?? (option('profile') ? resolve(option('profile')!) : join(tmp, 'seeded'));
    const server = await benchServerStart(
      { '/': build.distWeb, '/__bench/data/': tmp, '/__bench/': build.wwwDir, '/__blank/': build.blankDir },
      port,
    );
    try {
      let meta: CommitteeSeedMeta;
      if (reuse) meta = JSON.parse(readFileSync(`${reuse}.bench.json`, 'utf8')) as CommitteeSeedMeta;
      else {
        const file = seedFileWrite(tmp, Math.floor(Date.now() / 60_000) * 60_000);
        log(`generated ${JSON.stringify(file.counts)} in ${(file.generateMs / 1000).toFixed(1)} s`);
        const context = await benchLaunch(profileDir);
        let seedWriteMs: number;
        try {
          const page = await benchPage(context);
          await benchHostOpen(page, server.origin);
          const seeded = await benchCall(
            page,
            'committeeSeed',
            `${server.origin}/__bench/data/committee-seed.json`,
            file.meId,
          );
          seedWriteMs = seeded.writeMs;
          log(`seeded ${seeded.added} records with the app's import in ${(seeded.writeMs / 1000).toFixed(1)} s`);
        } finally {
          await context.close();
        }
        const firstComputationMs = await committeeFirstComputation({
          seededProfile: profileDir,
          origin: server.origin,
        });
        log(`committee rows computed by the app's worker in ${(firstComputationMs / 1000).toFixed(1)} s`);
        meta = {
          candidates,
          port,
          meId: file.meId,
          counts: file.counts,
          generateMs: file.generateMs,
          seedWriteMs,
          firstComputationMs,
        };
        if (option('profile')) writeFileSync(`${profileDir}.bench.json`, `${JSON.stringify(meta, null, 1)}\n`);
      }
      if (meta.port !== port)
        throw new Error(`the profile was seeded on port ${meta.port}; run with --port ${meta.port}`);

      const ctx: BenchContext = {
        repoRoot,
        isQuick: false,
        sizes: {
          candidates,
          keystrokes: 0,
          ratingWrites: 0,
          coldStarts: 0,
          reports: 0,
          pdfs: 0,
          batchPdfs: 0,
          imports: 0,
          calibrationRuns: 0,
        },
        origin: server.origin,
        build,
        pack: benchPackLoad(repoRoot),
        tmp,
        seededProfile: profileDir,
        bundleUrl: '',
        meId: meta.meId,
        myDraftIds: [],
        reportCandidateIds: [],
        cpuProfileDir: argv.includes('--cpu-profile') ? join(benchOutDir(repoRoot), 'profiles', 'committee') : null,
        log,
      };
      log('committee…');
      const r = await committeeMeasure(ctx, { rounds });
      const figure = benchFigureForSize(r.figure, candidates >= 5000);
      const result = {
        mode: 'committee-seed',
        date: new Date().toISOString(),
        source,
        uptime: { atStart: uptimeAtStart, atEnd: uptime() },
        loadAverage: { atStart: loadAtStart, atEnd: loadavg().map(round2) },
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? '',
          memoryGb: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
        seed: {
          method:
            'benchDataset without notes, interviewVersions and audit; bundleContentImport; rows by the app worker (docs/benchmarks.md)',
          ...meta,
          reused: !!reuse,
        },
        totalSeconds: Math.round((performance.now() - started) / 1000),
        figures: { committeeToInteractive: figure },
        details: { committee: r.details },
      };
      const resultsDir = join(repoRoot, 'scripts', 'bench', 'results');
      const file = join(
        resultsDir,
        `committee-${candidates}-${source.commit}${source.uncommittedAppFiles > 0 ? '-dirty' : ''}.json`,
      );
      const options = (await resolveConfig(file)) ?? {};
      writeFileSync(file, await format(JSON.stringify(result), { ...options, filepath: file }));
      log(`committeeToInteractive ${figure.value} ms (target ${figure.target}, ${figure.verdict}); results: ${file}`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
