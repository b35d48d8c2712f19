/**
 * Where a report open's time goes: opens reports from Today as the report metric does
 * (`routeUntil`), each with a Chrome trace and a CPU profile of the page, and prints per open the
 * main thread's time by kind (script, style, layout, paint, GC, idle) and the script's time by
 * function, from the route change to the probe's "painted".
 *
 *   node --import tsx scripts/bench/reportTrace.ts --profile DIR [--port P] [--opens N] [--first K]
 *     [--plain] [--no-build] [--seal] [--init FILE] [--out DIR]
 *
 * DIR is a profile seeded by `npm run bench -- --seed-only --profile DIR` (a copy is opened, so
 * the seed is left as it was). --plain builds the app unminified (names in the profile);
 * --no-build uses the build already in the benchmark's folder (`LOOPDESK_BENCH_OUT`, e.g. another
 * checkout's, for A/B); --seal seals one of my drafts in a second tab before each open, as the
 * metric's "first after a seal" samples do; --init adds a script to the page before the app's (an
 * IndexedDB request logger, say: it may leave `__idbLog` / `__idbOpenAt` / `__idbTodayAt`, which
 * are saved per open). The first open of a session is cold. Nothing of this is a benchmark figure.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { build as viteBuild } from 'vite';
import { benchBuild, benchOutDir } from './lib/benchBuild';
import { benchCall, benchHostOpen, benchLaunch, benchPage } from './lib/benchBrowser';
import { benchPackLoad } from './lib/benchPack';
import { benchServerStart } from './lib/benchServer';
import type { BenchSeedMeta } from './lib/benchSeed';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const profileDir = resolve(option('profile') ?? '');
const port = Number(option('port') ?? 5391);
const opens = Number(option('opens') ?? 6);
const firstIndex = Number(option('first') ?? 30);
const outDir = resolve(option('out') ?? join(tmpdir(), 'report-trace'));
const isPlain = argv.includes('--plain');
const skipBuild = argv.includes('--no-build');
const initScript = option('init');
/** Before each open, one of my drafts is sealed in a second tab, as the metric's "first" samples do. */
const isAfterSeal = argv.includes('--seal');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const kinds: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.evaluateModule': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  V8Console: 'script',
  ParseHTML: 'parse',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  ParseAuthorStyleSheet: 'css-parse',
};

/** Self time of nested trace events (complete events, one thread) by kind within [from, to]. */
function kindTimes(events: TraceEvent[], from: number, to: number): Record<string, number> {
  const relevant = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from && kinds[e.name])
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: Record<string, number> = {};
  // Self time: an event's duration less its (classified) children's.
  const stack: Array<{ e: TraceEvent; end: number; childTime: number }> = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const top = stack.pop()!;
      const start = Math.max(top.e.ts, from);
      const end = Math.min(top.end, to);
      const self = Math.max(0, end - start - top.childTime);
      out[kinds[top.e.name]!] = (out[kinds[top.e.name]!] ?? 0) + self / 1000;
      if (stack.length) stack.at(-1)!.childTime += end - start;
    }
  };
  for (const e of relevant) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, childTime: 0 });
  }
  close(Infinity);
  return out;
}

/** Self time per function (name + file) of the samples within [from, to] (trace clock, µs). */
function profileSelf(profile: CpuProfile, from: number, to: number, top = 25): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1]! : 0;
    if (t < from || t > to) continue;
    const node = byId.get(profile.samples[i]!)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').at(-1) ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + next / 1000);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v * 10) / 10]);
}

/** Inclusive time of functions whose name matches, within [from, to]. */
function profileInclusive(profile: CpuProfile, from: number, to: number, names: string[]): Record<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: Record<string, number> = {};
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1]! : 0;
    if (t < from || t > to) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const fn = byId.get(id)!.callFrame.functionName;
      for (const name of names) if (fn === name && !seen.has(name)) {
        seen.add(name);
        out[name] = (out[name] ?? 0) + next / 1000;
      }
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

async function main(): Promise<void> {
  const out = benchOutDir(repoRoot);
  let distWeb = join(out, 'app');
  if (!skipBuild) {
    const built = await benchBuild(repoRoot);
    distWeb = built.distWeb;
  }
  if (isPlain) {
    distWeb = join(out, 'app-plain');
    await viteBuild({
      configFile: join(repoRoot, 'vite.web.config.ts'),
      logLevel: 'error',
      build: { outDir: distWeb, emptyOutDir: true, minify: false },
    });
  }
  const probeSource = readFileSync(join(out, 'bench-probe.js'), 'utf8');
  const meta = JSON.parse(readFileSync(`${profileDir}.bench.json`, 'utf8')) as BenchSeedMeta;
  const copy = join(tmpdir(), `report-trace-profile-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(profileDir, copy, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const server = await benchServerStart({ '/': distWeb, '/__bench/': join(out, 'www') }, port);
  const context = await benchLaunch(copy);
  try {
    await context.addInitScript({ content: `${probeSource}\n;globalThis.__benchProbeInstall({"readySelector":null});` });
    if (initScript) await context.addInitScript({ content: readFileSync(initScript, 'utf8') });
    const page = await benchPage(context);
    await page.goto(`${server.origin}/#/today`);
    await page.waitForSelector('main .interview-list a');
    const host = isAfterSeal ? await context.newPage() : null;
    if (host) await benchHostOpen(host, server.origin);
    const pack = benchPackLoad(repoRoot);
    const session = await context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    const ids = meta.reportCandidateIds.slice(firstIndex, firstIndex + opens);
    const rows = [];
    for (const [k, id] of ids.entries()) {
      if (host) {
        await benchCall(host, 'sealOne', pack, meta.myDraftIds.at(-1 - k)!, meta.meId);
        await page.bringToFront();
      }
      await page.evaluate(() => {
        const g = globalThis as unknown as { __idbLog?: unknown[]; __idbTodayAt?: number };
        if (g.__idbLog) g.__idbLog.length = 0;
        g.__idbTodayAt = performance.now();
      });
      await page.goto(`${server.origin}/#/today`);
      await page.waitForSelector('main .interview-list a');
      const events: TraceEvent[] = [];
      const collect = (m: { value: unknown[] }) => events.push(...(m.value as TraceEvent[]));
      session.on('Tracing.dataCollected', collect);
      await session.send('Tracing.start', {
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'blink.user_timing',
            'v8',
            'v8.execute',
            'blink',
            'cc',
            'gpu',
            'toplevel',
          ],
        },
        transferMode: 'ReportEvents',
      } as never);
      await session.send('Profiler.start');
      const ms = await page.evaluate(async (hash) => {
        const g = globalThis as unknown as { __idbOpenAt?: number };
        g.__idbOpenAt = performance.now();
        performance.mark('open-start');
        const acts = (globalThis as unknown as { __benchActions: { routeUntil(h: string, s: string): Promise<number> } })
          .__benchActions;
        const t = await acts.routeUntil(hash, 'main article.report');
        performance.mark('open-end');
        return t;
      }, `#/reports/${id}`);
      if (initScript) {
        const idb = await page.evaluate(() => {
          const g = globalThis as unknown as { __idbLog: unknown[]; __idbOpenAt: number; __idbTodayAt: number; __idbConts?: number };
          return { log: g.__idbLog, at: g.__idbOpenAt, todayAt: g.__idbTodayAt, conts: g.__idbConts };
        });
        writeFileSync(join(outDir, `open-${k}.idb.json`), JSON.stringify(idb, null, 1));
      }
      const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const done = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
      await session.send('Tracing.end');
      await done;
      session.off('Tracing.dataCollected', collect);
      const start = events.find((e) => e.name === 'open-start');
      const end = events.find((e) => e.name === 'open-end');
      if (!start || !end) throw new Error('marks not in the trace');
      const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
      const other = events.filter((e) => e.pid === start.pid && e.tid !== start.tid && e.ph === 'X');
      const times = kindTimes(main, start.ts, end.ts);
      const busy = Object.values(times).reduce((a, b) => a + b, 0);
      const workerScript = kindTimes(other, start.ts, end.ts);
      const row = {
        id,
        ms: Math.round(ms * 10) / 10,
        traceSpanMs: Math.round((end.ts - start.ts) / 100) / 10,
        mainByKind: Object.fromEntries(Object.entries(times).map(([k2, v]) => [k2, Math.round(v * 10) / 10])),
        mainBusy: Math.round(busy * 10) / 10,
        otherThreads: Object.fromEntries(Object.entries(workerScript).map(([k2, v]) => [k2, Math.round(v * 10) / 10])),
        inclusive: profileInclusive(profile, start.ts, end.ts, [
          'reportScreenRead',
          'reportsBuilt',
          'reportBuild',
          'calibrationFromPoolStats',
          'performWorkOnRootViaSchedulerTask',
          'performWorkOnRoot',
          'renderRootConcurrent',
          'renderRootSync',
          'commitRoot',
          'commitRootImpl',
          'flushPassiveEffects',
          'completeWork',
          'ReportView',
          'ReportScreen',
          'TodayScreen',
          'poolStatsRefresh',
          'committeeRowsRefresh',
        ]),
        selfTop: profileSelf(profile, start.ts, end.ts),
      };
      rows.push(row);
      writeFileSync(join(outDir, `open-${k}.trace.json`), JSON.stringify({ traceEvents: events }));
      writeFileSync(join(outDir, `open-${k}.cpuprofile`), JSON.stringify(profile));
      console.log(JSON.stringify(row, null, 1));
    }
    writeFileSync(join(outDir, 'summary.json'), JSON.stringify(rows, null, 1));
  } finally {
    await context.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

await main();
