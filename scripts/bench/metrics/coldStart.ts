/**
 * Cold start to interactive Today (SPEC §9: ≤ 1.5× a blank React page from the same build setup).
 * Each start is a new Chromium process on its profile (the seeded one for the app, an empty one for
 * the blank page) opening the page from the same server. Ready = the first frame painted after
 * Today lists my interviews (the blank page: its <h1>); interactive = ready, or the end of the last
 * long task (> 50 ms) before 500 ms without one, whichever is later. Times are from navigation start.
 * App and blank starts alternate; one of each is a warm-up.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { benchAct, benchLaunch, benchPage } from '../lib/benchBrowser';
import { benchCpuProfile } from '../lib/benchProfile';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
import { benchFigure, benchMedian, benchRound, type BenchFigure } from '../lib/benchStats';
import type { BenchProbeState } from '../page/benchProbeTypes';

const quietMs = 500;

interface StartTiming {
  readyMs: number;
  interactiveMs: number;
  longTasks: number;
  domContentLoadedMs: number;
}

async function startOnce(ctx: BenchContext, profile: string, url: string, readySelector: string): Promise<StartTiming> {
  const context = await benchLaunch(profile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, readySelector) });
    const page: Page = await benchPage(context);
    await page.goto(url);
    const deadline = performance.now() + 60_000;
    let state: BenchProbeState | null = null;
    while (!state) {
      if (performance.now() > deadline) throw new Error(`${url}: not ready within 60 s`);
      await page.waitForTimeout(50);
      state = await benchAct(page, 'settled', quietMs);
    }
    const domContentLoadedMs = await benchAct(page, 'domContentLoaded');
    const readyMs = state.readyAt!;
    const interactiveMs = Math.max(readyMs, ...state.longTasks.map((t) => t.end));
    return { readyMs, interactiveMs, longTasks: state.longTasks.length, domContentLoadedMs };
  } finally {
    await context.close();
  }
}

/**
 * One extra app start under the CPU profiler. The profiler attaches to a page of the same origin
 * first (so the renderer process is already up: this start is a little warmer than the measured
 * ones), then the app is opened in it.
 */
async function profiledStart(ctx: BenchContext, profile: string, url: string, readySelector: string) {
  const context = await benchLaunch(profile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, readySelector) });
    const page = await benchPage(context);
    await page.goto(`${ctx.origin}/__bench/textarea.html`);
    const { summary } = await benchCpuProfile(
      page,
      join(ctx.cpuProfileDir!, 'cold-start-today.cpuprofile'),
      async () => {
        await page.goto(url);
        let state: BenchProbeState | null = null;
        while (!state) {
          await page.waitForTimeout(50);
          state = await benchAct(page, 'settled', quietMs);
        }
      },
    );
    return summary;
  } finally {
    await context.close();
  }
}

export async function coldStartMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const blankProfile = mkdtempSync(join(ctx.tmp, 'blank-'));
  const app: StartTiming[] = [];
  const blank: StartTiming[] = [];
  for (let i = 0; i < ctx.sizes.coldStarts + 1; i++) {
    const a = await startOnce(ctx, ctx.seededProfile, `${ctx.origin}/#/today`, 'main .interview-list a');
    const b = await startOnce(ctx, blankProfile, `${ctx.origin}/__blank/`, 'main h1');
    if (i > 0) {
      app.push(a);
      blank.push(b);
    }
  }
  const profile = ctx.cpuProfileDir
    ? await profiledStart(ctx, ctx.seededProfile, `${ctx.origin}/#/today`, 'main .interview-list a')
    : null;
  const appMs = benchMedian(app.map((t) => t.interactiveMs));
  const blankMs = benchMedian(blank.map((t) => t.interactiveMs));
  const r = (xs: StartTiming[]) =>
    xs.map((t) => ({
      ready: benchRound(t.readyMs),
      interactive: benchRound(t.interactiveMs),
      longTasks: t.longTasks,
      dcl: benchRound(t.domContentLoadedMs),
    }));
  return {
    figure: benchFigure(appMs, 'ms', blankMs, 1.5, 'ratio'),
    details: {
      appReadyMedian: benchRound(benchMedian(app.map((t) => t.readyMs))),
      blankReadyMedian: benchRound(benchMedian(blank.map((t) => t.readyMs))),
      app: r(app),
      blank: r(blank),
      ...(profile ? { profile } : {}),
    },
  };
}
