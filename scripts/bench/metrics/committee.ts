/**
 * Committee screen with the whole seeded pool (full size: 5,000 candidates), data → interactive
 * (target ≤ 1 s): from the route change on an app already open on Today to the first frame
 * painted with the committee table's rows, then to the end of the last long task before a quiet
 * window (the probe's TTI-style "settled"), so a table that paints and then freezes is not
 * counted as ready. Every open counts, the first included.
 *
 * The screen reads committee rows that a worker computes when evidence changes. On a profile just
 * seeded by a bundle import, that first computation has not run yet: the run first waits for it
 * (the app open on the committee screen, as after a real import) and reports how long it took
 * (`firstComputationMs`, the one wait of a user who opens the screen right after a 25,000-interview
 * import); the timed opens then measure the screen as every later visit meets it.
 */
import type { Page } from '@playwright/test';
import { benchAct, benchLaunch, benchPage } from '../lib/benchBrowser';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
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

export async function committeeMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, rowsSelector) });
    const page = await benchPage(context);
    const computeStart = Date.now();
    await page.goto(`${ctx.origin}/#/committee`);
    await page.waitForSelector(rowsSelector, { timeout: firstComputationTimeoutMs });
    await page.waitForSelector('[data-testid="recalculating"]', { state: 'detached', timeout: firstComputationTimeoutMs });
    const firstComputationMs = Date.now() - computeStart;
    const painted: number[] = [];
    const interactive: number[] = [];
    const opens = ctx.isQuick ? 2 : 5;
    for (let i = 0; i < opens; i++) {
      await page.goto(`${ctx.origin}/#/today`);
      await page.waitForSelector('main .interview-list a');
      // The same document throughout (hash routes): the probe's long-task list keeps growing, so
      // only the tasks after this route change count.
      const routedAt = await page.evaluate(() => performance.now());
      const paintedMs = await benchAct(page, 'routeUntil', '#/committee', rowsSelector);
      painted.push(paintedMs);
      interactive.push(await interactiveAfter(page, routedAt, paintedMs));
    }
    const rows = await page.locator(rowsSelector).count();
    return {
      figure: benchFigure(benchPercentile(interactive, 95), 'ms', benchMedian(painted), 1000, 'value'),
      details: {
        interactiveSamples: interactive.map((x) => benchRound(x)),
        paintedSamples: painted.map((x) => benchRound(x)),
        rowsInDom: rows,
        firstComputationMs,
      },
    };
  } finally {
    await context.close();
  }
}
