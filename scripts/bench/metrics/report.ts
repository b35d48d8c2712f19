/**
 * One candidate report, data to rendered (SPEC §9: ≤ 100 ms), and the report PDF against
 * `page.pdf` of a static page of the same size (≤ 1.3×).
 *
 * Report: in the app with the seeded database, already open on Today, the report route of a
 * candidate whose loop is closed is opened (`location.hash`); the time runs from there to the first
 * frame painted with the report (`article.report`) — reading the data from IndexedDB, calibrating,
 * building and rendering, as a person opening a report waits for it. A different candidate each
 * time, one warm-up. Floor: the same report DOM (captured) set into a page of the same origin with
 * the app's stylesheet — parsing, style, layout and paint of the same content.
 *
 * PDF: opening the print route `#/print/report/<id>?audience=committee` in a new tab until
 * `page.pdf` (the desktop app's printToPDF options) returns, against opening a static snapshot of
 * that same printed document (same stylesheet and @page rules, no scripts) until `page.pdf`
 * returns. Page counts are checked equal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { benchAct, benchCall, benchLaunch, benchPage } from '../lib/benchBrowser';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
import { benchFigure, benchMedian, benchRound, type BenchFigure } from '../lib/benchStats';
import type { BenchReportBreakdown } from '../page/benchApiTypes';
import { benchCpuProfile, type BenchProfileSummary } from '../lib/benchProfile';

const pdfOptions = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
} as const;

function appStylesheet(ctx: BenchContext): string {
  const html = readFileSync(join(ctx.build.distWeb, 'index.html'), 'utf8');
  const href = /<link rel="stylesheet"[^>]*href="\.?\/?([^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error('no stylesheet in dist-web/index.html');
  return `/${href}`;
}

async function openToday(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/today`);
  await page.waitForSelector('main .interview-list a');
}

export async function reportMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, null) });
    const page = await benchPage(context);
    await openToday(page, ctx.origin);
    const ids = ctx.reportCandidateIds.slice(0, ctx.sizes.reports + 1);
    const app: number[] = [];
    let firstOpenMs = 0;
    let markup = '';
    for (let i = 0; i < ids.length; i++) {
      await page.goto(`${ctx.origin}/#/today`);
      await page.waitForSelector('main .interview-list a');
      await page.waitForTimeout(300);
      const ms = await benchAct(page, 'routeUntil', `#/reports/${ids[i]!}`, 'main article.report');
      if (i > 0) app.push(ms);
      else firstOpenMs = ms;
      markup = await benchAct(page, 'innerHtml', 'main');
    }

    let profile: BenchProfileSummary | null = null;
    if (ctx.cpuProfileDir) {
      await page.goto(`${ctx.origin}/#/today`);
      await page.waitForSelector('main .interview-list a');
      await page.waitForTimeout(300);
      const id = ctx.reportCandidateIds[ids.length]!;
      profile = (
        await benchCpuProfile(page, join(ctx.cpuProfileDir, 'report-open.cpuprofile'), () =>
          benchAct(page, 'routeUntil', `#/reports/${id}`, 'main article.report'),
        )
      ).summary;
    }

    // Floor: the same markup rendered statically with the app's stylesheet.
    const css = appStylesheet(ctx);
    writeFileSync(
      join(ctx.tmp, 'data', 'static-render.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"></head><body><main id="main"></main></body></html>`,
    );
    const floorPage = await context.newPage();
    await floorPage.addInitScript({ content: benchProbeScript(ctx, null) });
    await floorPage.goto(`${ctx.origin}/__bench/data/static-render.html`);
    const floor: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const ms = await benchAct(floorPage, 'renderMarkup', 'main', markup);
      if (i > 0) floor.push(ms);
    }
    await floorPage.close();

    // Where the time goes: the report screen's steps, one by one, on the host page.
    const host = await context.newPage();
    await host.goto(`${ctx.origin}/__bench/host.html`);
    await host.waitForSelector('html[data-bench-ready]', { state: 'attached' });
    const breakdown: BenchReportBreakdown[] = [];
    for (const id of ids.slice(1, 3)) breakdown.push(await benchCall(host, 'reportBreakdown', ctx.pack, id));
    await host.close();

    const value = benchMedian(app);
    return {
      figure: benchFigure(value, 'ms', benchMedian(floor), 100, 'value'),
      details: {
        // The warm-up: the first report opened in this app session (caches empty).
        firstOpenMs: benchRound(firstOpenMs),
        samples: app.map((x) => benchRound(x)),
        floorSamples: floor.map((x) => benchRound(x)),
        markupChars: markup.length,
        ...(profile ? { profile } : {}),
        breakdown: breakdown.map((b) => ({
          evidenceLoadMs: benchRound(b.evidenceLoadMs),
          poolCalibrationMs: benchRound(b.poolCalibrationMs),
          reportBuildMs: benchRound(b.reportBuildMs),
          candidateEvidenceLoadMs: benchRound(b.candidateEvidenceLoadMs),
          scopedReportBuildMs: benchRound(b.scopedReportBuildMs),
          poolRowsGetAllMs: benchRound(b.poolRowsGetAllMs),
          poolCalibrationFromGetAllMs: benchRound(b.poolCalibrationFromGetAllMs),
          rows: b.rows,
        })),
      },
    };
  } finally {
    await context.close();
  }
}

function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

export async function pdfMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, null) });
    const ids = ctx.reportCandidateIds.slice(0, ctx.sizes.pdfs + 1);
    const css = appStylesheet(ctx);
    const app: Array<{ total: number; ready: number; pdf: number; pages: number }> = [];
    const snap: Array<{ total: number; pdf: number; pages: number }> = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      // A new tab with the app loaded (the print route alone never loads the rubric packs: see
      // docs/benchmarks.md), then the print route; timed from the route to the PDF's bytes.
      const page = await context.newPage();
      await page.goto(`${ctx.origin}/#/rubrics`);
      await page.waitForSelector('[data-testid="pack-card"]');
      await page.waitForTimeout(200);
      const started = performance.now();
      const readyMs = await benchAct(
        page,
        'routeUntil',
        `#/print/report/${id}?audience=committee`,
        'html[data-print-ready]',
      );
      const readyAt = started + readyMs;
      const pdf = await page.pdf(pdfOptions);
      const done = performance.now();

      // The static twin: the printed document as it stands, scripts removed, @page rules as a file.
      const snapshot = await benchAct(page, 'printSnapshot');
      await page.close();
      writeFileSync(join(ctx.tmp, 'data', `static-report-${i}.css`), snapshot.pageRules);
      writeFileSync(
        join(ctx.tmp, 'data', `static-report-${i}.html`),
        `<!doctype html><html lang="${snapshot.lang}"><head><meta charset="utf-8"><title>${snapshot.title.replace(/</g, '&lt;')}</title><link rel="stylesheet" href="${css}"><link rel="stylesheet" href="static-report-${i}.css"></head><body>${snapshot.body}</body></html>`,
      );
      const staticPage = await context.newPage();
      const staticStarted = performance.now();
      await staticPage.goto(`${ctx.origin}/__bench/data/static-report-${i}.html`);
      const staticLoaded = performance.now();
      const staticPdf = await staticPage.pdf(pdfOptions);
      const staticDone = performance.now();
      await staticPage.close();
      if (i > 0) {
        app.push({ total: done - started, ready: readyAt - started, pdf: done - readyAt, pages: pdfPages(pdf) });
        snap.push({ total: staticDone - staticStarted, pdf: staticDone - staticLoaded, pages: pdfPages(staticPdf) });
      }
    }
    let profile: BenchProfileSummary | null = null;
    if (ctx.cpuProfileDir) {
      const page = await context.newPage();
      await page.goto(`${ctx.origin}/#/rubrics`);
      await page.waitForSelector('[data-testid="pack-card"]');
      const id = ctx.reportCandidateIds[ids.length]!;
      profile = (
        await benchCpuProfile(page, join(ctx.cpuProfileDir, 'report-pdf.cpuprofile'), async () => {
          await benchAct(page, 'routeUntil', `#/print/report/${id}?audience=committee`, 'html[data-print-ready]');
          await page.pdf(pdfOptions);
        })
      ).summary;
      await page.close();
    }
    const value = benchMedian(app.map((a) => a.total));
    const floor = benchMedian(snap.map((s) => s.total));
    return {
      figure: benchFigure(value, 'ms', floor, 1.3, 'ratio'),
      details: {
        app: app.map((a) => ({
          total: benchRound(a.total),
          ready: benchRound(a.ready),
          pdf: benchRound(a.pdf),
          pages: a.pages,
        })),
        static: snap.map((s) => ({ total: benchRound(s.total), pdf: benchRound(s.pdf), pages: s.pages })),
        pdfCallOnly: {
          app: benchRound(benchMedian(app.map((a) => a.pdf))),
          static: benchRound(benchMedian(snap.map((s) => s.pdf))),
        },
        samePageCounts: app.every((a, i) => a.pages === snap[i]!.pages),
        ...(profile ? { profile } : {}),
      },
    };
  } finally {
    await context.close();
  }
}
