/**
 * Committee screen with the whole seeded pool (full size: 5,000 candidates), data → interactive
 * (target ≤ 1 s): from the route change on an app already open on Today to the first frame
 * painted with the committee table's rows, then to the end of the last long task before a quiet
 * window (the probe's TTI-style "settled"), so a table that paints and then freezes is not
 * counted as ready. Every open counts, the first included.
 *
 * Each round starts a new browser on the seeded profile (a new process: the database opened and
 * the app's code compiled afresh), opens Today, then the committee screen — the cold open a person
 * meets after starting the app — and then Today and the committee screen once more (a later open
 * in the same session). The figure is the p95 over both kinds.
 *
 * The screen reads committee rows that a worker computes when evidence changes. On a profile just
 * seeded, that first computation has not run yet: the run (run.ts) waits for it before any metric
 * (`committeeFirstComputation`: the app open on the committee screen, as after a real import) and
 * reports how long it took (`dataset.postImportMs`, the one wait of a user who opens the screen
 * right after a 25,000-interview import).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { benchAct, benchLaunch, benchPage } from '../lib/benchBrowser';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
import { benchCpuProfile, type BenchProfileSummary } from '../lib/benchProfile';
import { benchFigure, benchMedian, benchPercentile, benchRound, type BenchFigure } from '../lib/benchStats';

const rowsSelector = 'main table tbody tr';
const quietMs = 500;
/** The first computation of the rows after the seeding import (seconds idle, minutes on a loaded machine). */
const firstComputationTimeoutMs = 30 * 60_000;

/** Route → painted rows, or → the end of the last long task after the route, whichever is later. */
async function interactiveAfter(page: Page, routedAt: number, paintedMs: number): Promise<number> {
  for (;;) {
    const probe = await benchAct(page, 'settled', quietMs);
    if (probe) {
      const lastBusy = Math.max(0, ...probe.longTasks.filter((t) => t.end > routedAt).map((t) => t.end - routedAt));
      return Math.max(paintedMs, lastBusy);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Opens the app on the committee screen and waits until its rows are computed and current: the
 * first computation after seeding (the app's own worker), or nothing to wait for. Returns its ms.
 */
export async function committeeFirstComputation(ctx: Pick<BenchContext, 'seededProfile' | 'origin'>): Promise<number> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    const page = await benchPage(context);
    const started = Date.now();
    await page.goto(`${ctx.origin}/#/committee`);
    await page.waitForSelector(rowsSelector, { timeout: firstComputationTimeoutMs });
    await page.waitForSelector('[data-testid="recalculating"]', {
      state: 'detached',
      timeout: firstComputationTimeoutMs,
    });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

/** Today open, then the committee screen: painted and interactive ms from the route change. */
async function committeeOpen(
  page: Page,
  origin: string,
  profileFile?: string,
): Promise<{ painted: number; interactive: number; profile?: BenchProfileSummary }> {
  await page.goto(`${origin}/#/today`);
  await page.waitForSelector('main .interview-list a');
  // The same document throughout (hash routes): the probe's long-task list keeps growing, so
  // only the tasks after this route change count.
  const routedAt = await page.evaluate(() => performance.now());
  const open = async () => {
    const painted = await benchAct(page, 'routeUntil', '#/committee', rowsSelector);
    return { painted, interactive: await interactiveAfter(page, routedAt, painted) };
  };
  if (!profileFile) return open();
  const { result, summary } = await benchCpuProfile(page, profileFile, open);
  return { ...result, profile: summary };
}

export interface CommitteeMeasureOptions {
  /** Rounds of (new browser → Today → committee, Today → committee again). */
  rounds?: number;
}

export async function committeeMeasure(
  ctx: BenchContext,
  options: CommitteeMeasureOptions = {},
): Promise<{ figure: BenchFigure; details: unknown }> {
  const cold: Array<{ painted: number; interactive: number }> = [];
  const later: Array<{ painted: number; interactive: number }> = [];
  let rowsInDom = 0;
  const profiles: BenchProfileSummary[] = [];
  const rounds = options.rounds ?? (ctx.isQuick ? 2 : 5);
  // With --cpu-profile, one more round, profiled and not counted (the profiler slows the page).
  for (let i = 0; i < rounds + (ctx.cpuProfileDir ? 1 : 0); i++) {
    const context = await benchLaunch(ctx.seededProfile);
    try {
      await context.addInitScript({ content: benchProbeScript(ctx, rowsSelector) });
      const page = await benchPage(context);
      const profileOf = (kind: string) =>
        ctx.cpuProfileDir && i === rounds ? join(ctx.cpuProfileDir, `committee-${kind}.cpuprofile`) : undefined;
      const first = await committeeOpen(page, ctx.origin, profileOf('cold'));
      const again = await committeeOpen(page, ctx.origin, profileOf('later'));
      for (const p of [first.profile, again.profile]) if (p) profiles.push(p);
      if (!profileOf('cold')) {
        cold.push(first);
        later.push(again);
      }
      ctx.log(
        `  round ${i + 1}: cold ${first.interactive.toFixed(0)} ms, later ${again.interactive.toFixed(0)} ms${profileOf('cold') ? ' (profiled, not counted)' : ''}`,
      );
      rowsInDom = await page.locator(rowsSelector).count();
    } finally {
      await context.close();
    }
  }
  const interactive = [...cold, ...later].map((s) => s.interactive);
  return {
    figure: benchFigure(
      benchPercentile(interactive, 95),
      'ms',
      benchMedian([...cold, ...later].map((s) => s.painted)),
      1000,
      'value',
    ),
    details: {
      coldInteractiveSamples: cold.map((s) => benchRound(s.interactive)),
      coldPaintedSamples: cold.map((s) => benchRound(s.painted)),
      laterInteractiveSamples: later.map((s) => benchRound(s.interactive)),
      laterPaintedSamples: later.map((s) => benchRound(s.painted)),
      rowsInDom,
      ...(profiles.length > 0 ? { profiles } : {}),
    },
  };
}
