/**
 * Notes keystroke → next paint (SPEC §9: p95 ≤ 16 ms), in the interview runner of a draft
 * interview of "me", with the whole seeded database in IndexedDB. Typing follows a person's
 * rhythm (seeded): 70–170 ms between keys, a pause of 300–700 ms now and then (so the 250 ms
 * autosave writes while typing goes on and the runner re-renders with the saved note) and Enter
 * after about 50 characters (a new time-stamped line is committed and listed). The floor is the
 * same typing into a bare <textarea> on a static page in the same browser.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { benchRandom, type BenchRandom } from '../seed/benchRandom';
import { benchLaunch, benchPage, benchProbeRead } from '../lib/benchBrowser';
import { benchCpuProfile } from '../lib/benchProfile';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
import { benchFigure, benchPercentile, benchRound, type BenchFigure } from '../lib/benchStats';
import type { BenchProbeState } from '../page/benchProbeTypes';

const words =
  'the canary error rate climbs in the five percent slice so they roll back first and then read the logs before paging the owning team'.split(
    ' ',
  );

/** Types `count` keys with a person's rhythm; `random` carries the rhythm across calls. */
async function typeLikeAPerson(
  page: Page,
  count: number,
  random: BenchRandom,
  line: { length: number },
): Promise<void> {
  let typed = 0;
  while (typed < count) {
    const word = `${random.pick(words)} `;
    for (const ch of word) {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      typed++;
      line.length++;
      await page.waitForTimeout(random.chance(0.06) ? random.int(300, 700) : random.int(70, 170));
    }
    if (line.length > 50 + random.int(0, 20)) {
      await page.keyboard.press('Enter');
      typed++;
      line.length = 0;
      await page.waitForTimeout(random.int(150, 400));
    }
  }
}

function summarise(state: BenchProbeState, warmup: number) {
  const samples = state.keystrokes.slice(warmup);
  const keys = state.keys.slice(warmup);
  const from = keys[0]?.at ?? 0;
  // Event Timing: keyboard interactions of the measured part that took more than a frame.
  const slowInteractions = new Set(
    state.eventTiming
      .filter((e) => e.start >= from && e.interactionId > 0 && e.duration > 16)
      .map((e) => e.interactionId),
  );
  // Which keystrokes were slow, and what preceded them (a line committed with Enter, a pause that
  // let the autosave write).
  const slow = samples
    .map((ms, i) => ({
      ms,
      i,
      key: keys[i]!.key,
      sinceEnter: sinceLast(keys, i, (k) => k.key === 'Enter'),
      gap: i > 0 ? keys[i]!.at - keys[i - 1]!.at : 0,
    }))
    .filter((x) => x.ms > 16);
  return {
    samples,
    p50: benchPercentile(samples, 50),
    p95: benchPercentile(samples, 95),
    max: Math.max(...samples),
    eventTimingSlow: slowInteractions.size,
    eventTimingWorst: state.eventTiming.filter((e) => e.start >= from).reduce((m, e) => Math.max(m, e.duration), 0),
    longTasks: state.longTasks.filter((t) => t.start >= from).map((t) => benchRound(t.end - t.start, 0)),
    slow: slow.map((x) => ({
      ms: benchRound(x.ms, 1),
      key: x.key,
      msSinceEnter: benchRound(x.sinceEnter, 0),
      gapBefore: benchRound(x.gap, 0),
    })),
  };
}

function sinceLast(
  keys: Array<{ key: string; at: number }>,
  i: number,
  match: (k: { key: string }) => boolean,
): number {
  for (let j = i - 1; j >= 0; j--) if (match(keys[j]!)) return keys[i]!.at - keys[j]!.at;
  return Number.POSITIVE_INFINITY;
}

export async function keystrokeMeasure(
  ctx: BenchContext,
): Promise<{ p50: BenchFigure; p95: BenchFigure; p95VsFloor: BenchFigure; details: unknown }> {
  const warmup = ctx.isQuick ? 6 : 15;
  const count = ctx.sizes.keystrokes + warmup;

  // The app (runner of one of my drafts, full database) and the floor (a bare textarea, empty
  // profile) side by side, typed in alternating chunks so background load hits both alike.
  const context = await benchLaunch(ctx.seededProfile);
  const floorContext = await benchLaunch(mkdtempSync(join(ctx.tmp, 'floor-')));
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, null) });
    await floorContext.addInitScript({ content: benchProbeScript(ctx, null) });
    const page = await benchPage(context);
    const floorPage = await benchPage(floorContext);
    const interviewId = ctx.myDraftIds[0]!;
    await page.goto(`${ctx.origin}/#/interviews/${interviewId}`);
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.waitFor();
    await note.click();
    await floorPage.goto(`${ctx.origin}/__bench/textarea.html`);
    await floorPage.getByRole('textbox', { name: 'Note' }).click();
    await page.waitForTimeout(500);

    const appRhythm = { random: benchRandom(7), line: { length: 0 } };
    const floorRhythm = { random: benchRandom(7), line: { length: 0 } };
    const chunk = 20;
    for (let typed = 0; typed < count; typed += chunk) {
      const n = Math.min(chunk, count - typed);
      await typeLikeAPerson(page, n, appRhythm.random, appRhythm.line);
      await typeLikeAPerson(floorPage, n, floorRhythm.random, floorRhythm.line);
    }
    await page.waitForTimeout(600);
    const app = summarise(await benchProbeRead(page), warmup);
    const floor = summarise(await benchProbeRead(floorPage), warmup);
    const profile = ctx.cpuProfileDir
      ? (
          await benchCpuProfile(page, join(ctx.cpuProfileDir, 'keystrokes.cpuprofile'), () =>
            typeLikeAPerson(page, 60, benchRandom(11), { length: 0 }),
          )
        ).summary
      : null;
    return {
      p50: benchFigure(app.p50, 'ms', floor.p50, 12, 'value'),
      // Two targets: ≤ 12 ms, and ≤ 1.5× the bare textarea typed the same way.
      p95: benchFigure(app.p95, 'ms', floor.p95, 12, 'value'),
      p95VsFloor: benchFigure(app.p95, 'ms', floor.p95, 1.5, 'ratio'),
      details: {
        interviewId,
        keystrokes: app.samples.length,
        app: {
          p50: benchRound(app.p50),
          p95: benchRound(app.p95),
          max: benchRound(app.max),
          eventTimingSlow: app.eventTimingSlow,
          eventTimingWorst: app.eventTimingWorst,
          slow: app.slow,
          longTasks: app.longTasks,
        },
        floor: {
          p50: benchRound(floor.p50),
          p95: benchRound(floor.p95),
          max: benchRound(floor.max),
          eventTimingSlow: floor.eventTimingSlow,
          slow: floor.slow,
          longTasks: floor.longTasks,
        },
        appSamples: app.samples.map((x) => benchRound(x, 1)),
        ...(profile ? { profile } : {}),
      },
    };
  } finally {
    await context.close();
    await floorContext.close();
  }
}
