/**
 * Cold starts of several builds of the app against the blank page, interleaved in one period, for
 * telling a start-up change from the machine's noise: each round opens every build once (order
 * reversed every other round) and the blank page, each in a new Chromium on its profile, and reads
 * ready and DOMContentLoaded as the coldStart metric does (its probe, first round a warm-up). The
 * builds share the app's origin (the first at /, the others at /v1/, /v2/…), so all of them open
 * the seeded profile's database and Today snapshot. Prints medians, then every sample as JSON.
 *
 *   LOOPDESK_BENCH_OUT=DIR npx tsx scripts/bench/coldStartBuilds.ts PORT PROFILE ROUNDS BUILD_DIR...
 *
 * DIR is a bench output folder (its blank page and probe); PROFILE was seeded with --seed-only on
 * PORT; each BUILD_DIR is a web build (`LOOPDESK_WEB_OUT=… npx vite build --config vite.web.config.ts`).
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { benchLaunch, benchPage, benchAct } from './lib/benchBrowser';
import { benchServerStart } from './lib/benchServer';

const [portArg, profile, roundsArg, ...dirs] = process.argv.slice(2);
const benchOut = process.env['LOOPDESK_BENCH_OUT']!;
const probe = readFileSync(join(benchOut, 'bench-probe.js'), 'utf8');

async function once(profileDir: string, url: string, selector: string) {
  const context = await benchLaunch(profileDir);
  try {
    await context.addInitScript({
      content: `${probe}\n;globalThis.__benchProbeInstall(${JSON.stringify({ readySelector: selector })});`,
    });
    const page = await benchPage(context);
    await page.goto(url);
    let state = null;
    while (!state) {
      await page.waitForTimeout(50);
      state = await benchAct(page, 'settled', 500);
    }
    const dcl = await benchAct(page, 'domContentLoaded');
    const interactive = Math.max(state.readyAt!, ...state.longTasks.map((t) => t.end));
    return { ready: state.readyAt!, dcl, interactive };
  } finally {
    await context.close();
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const mounts: Record<string, string> = { '/__blank/': join(benchOut, 'blank') };
  dirs.forEach((d, i) => (mounts[i === 0 ? '/' : `/v${i}/`] = d));
  const server = await benchServerStart(mounts, Number(portArg));
  const blankProfile = mkdtempSync(join(tmpdir(), 'blank-'));
  const res: Record<string, Array<{ ready: number; dcl: number; interactive: number }>> = {};
  const load0 = loadavg();
  try {
    for (let r = 0; r <= Number(roundsArg); r++) {
      const order = r % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()];
      for (const i of order) {
        const t = await once(profile!, `${server.origin}/${i === 0 ? '' : `v${i}/`}#/today`, 'main .interview-list a');
        if (r > 0) (res[`app${i}`] ??= []).push(t);
      }
      const b = await once(blankProfile, `${server.origin}/__blank/`, 'main h1');
      if (r > 0) (res['blank'] ??= []).push(b);
    }
  } finally {
    await server.close();
    rmSync(blankProfile, { recursive: true, force: true });
  }
  const out: Record<string, unknown> = { load: [load0, loadavg()], dirs };
  for (const [k, v] of Object.entries(res)) {
    out[k] = {
      readyMedian: +median(v.map((x) => x.ready)).toFixed(1),
      dclMedian: +median(v.map((x) => x.dcl)).toFixed(1),
      interactiveMedian: +median(v.map((x) => x.interactive)).toFixed(1),
      samples: v.map((x) => [+x.ready.toFixed(1), +x.dcl.toFixed(1)]),
    };
    console.log(
      k,
      (out[k] as { readyMedian: number }).readyMedian,
      (out[k] as { dclMedian: number }).dclMedian,
      (out[k] as { interactiveMedian: number }).interactiveMedian,
    );
  }
  console.log(JSON.stringify(out));
}
void main();
