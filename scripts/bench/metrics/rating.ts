/**
 * A rating change committed (SPEC §9: ≤ 1.5× a bare Dexie put of the same record). On the app's
 * origin with the seeded database: `ratingSet` — the write the runner's autosave awaits before it
 * shows "Saved" (one strict-durability transaction: re-read the interview, validate, put the
 * rating into the interview's evidence row, touch the interview) — against a bare `db.evidence.put`
 * of that row with the rating changed, on the same database, interleaved. Median of each after a warm-up.
 */
import { benchCall, benchHostOpen, benchLaunch, benchPage } from '../lib/benchBrowser';
import type { BenchContext } from '../lib/benchContext';
import { benchFigure, benchMedian, benchPercentile, benchRound, type BenchFigure } from '../lib/benchStats';

export async function ratingMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    const page = await benchPage(context);
    await benchHostOpen(page, ctx.origin);
    const dimensionIds = ctx.pack.dimensions.map((d) => d.id);
    const { action, bare, withoutTouch } = await benchCall(
      page,
      'ratingBench',
      ctx.myDraftIds,
      dimensionIds,
      ctx.sizes.ratingWrites,
      20,
    );
    const a = benchMedian(action);
    const b = benchMedian(bare);
    return {
      figure: benchFigure(a, 'ms', b, 1.5, 'ratio'),
      details: {
        writes: action.length,
        ratingSet: { median: benchRound(a), p95: benchRound(benchPercentile(action, 95)) },
        barePut: { median: benchRound(b), p95: benchRound(benchPercentile(bare, 95)) },
        // Diagnostic: ratingSet's transaction without re-writing the interview row.
        withoutInterviewTouch: {
          median: benchRound(benchMedian(withoutTouch)),
          ratio: benchRound(benchMedian(withoutTouch) / b),
        },
      },
    };
  } finally {
    await context.close();
  }
}
