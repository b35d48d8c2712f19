/**
 * Report opens and report PDFs, timed as the people who wait for them meet them.
 *
 * Report (targets: first open after a new seal p95 ≤ 300 ms, any later open p95 ≤ 100 ms): in the
 * app with the seeded database, the report route of a candidate whose loop is closed is opened
 * (`location.hash`) from Today; the time runs from there to the first frame painted with the
 * report (`article.report`) — reading the data, the pool statistics, building and rendering.
 * Before each "first" sample one interview is sealed through the app's own actions; nothing is
 * discarded as warm-up. Floor (reported, not the target): the DOM the last open painted in its
 * timed frame (the report's top; the rest renders after it) set into a page of the same origin
 * with the app's stylesheet.
 *
 * PDF (target ≤ 1.5× the floor): a fresh page of the same browser profile opened straight on the
 * print route (`#/print/report/<id>` or `#/print/batch?candidates=…`), as the desktop export opens
 * a fresh hidden window, until `page.pdf` (the desktop app's printToPDF options) returns; floor:
 * a fresh page on the static twin of the same printed document (same stylesheet and @page rules,
 * no scripts) until `page.pdf` returns. Page counts are checked equal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { benchAct, benchCall, benchLaunch, benchPage } from '../lib/benchBrowser';
import { benchProbeScript, type BenchContext } from '../lib/benchContext';
import { benchFigure, benchMedian, benchPercentile, benchRound, type BenchFigure } from '../lib/benchStats';
import type { BenchReportBreakdown } from '../page/benchApiTypes';
import { benchCpuProfile, type BenchProfileSummary } from '../lib/benchProfile';
import { printStateScript } from '../../../src/main/report/pdfExport';
import { printPageFile } from '../../../src/shared/desktopApi';

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

/**
 * Opens one report and returns the time from the route change to the first frame painted with it.
 * The app tab first goes back to Today, as a person moving between screens would.
 */
async function reportOpen(page: Page, origin: string, candidateId: string): Promise<number> {
  await page.goto(`${origin}/#/today`);
  await page.waitForSelector('main .interview-list a');
  return benchAct(page, 'routeUntil', `#/reports/${candidateId}`, 'main article.report');
}

/**
 * Report opens as a committee member meets them: before each "first" sample one of my draft
 * interviews is sealed through the app's own actions (in a second tab of the same profile), so the
 * report opened next meets evidence that changed since the pool statistics were last computed;
 * the "later" sample opens another report with nothing changed in between. No sample is discarded:
 * the first open of the session is the first "first after a seal".
 */
export async function reportMeasure(
  ctx: BenchContext,
): Promise<{ firstAfterSeal: BenchFigure; later: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, null) });
    const page = await benchPage(context);
    await openToday(page, ctx.origin);
    const host = await context.newPage();
    await host.goto(`${ctx.origin}/__bench/host.html`);
    await host.waitForSelector('html[data-bench-ready]', { state: 'attached' });

    const n = ctx.sizes.reports;
    // Seal drafts from the end of the list: the keystroke and rating metrics use its start.
    const toSeal = ctx.myDraftIds.slice(-n);
    if (toSeal.length < n) throw new Error(`report: ${n} drafts of mine to seal needed, ${toSeal.length} seeded`);
    const ids = ctx.reportCandidateIds;
    if (ids.length < 2 * n + 1) throw new Error(`report: ${2 * n + 1} report candidates needed, ${ids.length} seeded`);
    const firstAfterSeal: number[] = [];
    const later: number[] = [];
    for (let i = 0; i < n; i++) {
      await benchCall(host, 'sealOne', ctx.pack, toSeal[i]!, ctx.meId);
      // The report is opened in the tab a person is looking at: the host tab, opened after the
      // app's, would otherwise leave the app in a background tab whose frames Chromium throttles
      // (about one a second), and every open would be timed to that throttled frame.
      await page.bringToFront();
      firstAfterSeal.push(await reportOpen(page, ctx.origin, ids[2 * i]!));
      later.push(await reportOpen(page, ctx.origin, ids[2 * i + 1]!));
    }
    // The floor shows what the last open painted in its timed frame: the report's top, as the
    // screen renders the rest after that frame.
    const markup = await benchAct(page, 'paintedMarkup');

    let profile: BenchProfileSummary | null = null;
    if (ctx.cpuProfileDir) {
      await page.goto(`${ctx.origin}/#/today`);
      await page.waitForSelector('main .interview-list a');
      const id = ids[2 * n]!;
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
    for (let i = 0; i < n; i++) floor.push(await benchAct(floorPage, 'renderMarkup', 'main', markup));
    await floorPage.close();

    // Where the time goes: the report screen's steps, one by one, on the host page.
    const breakdown: BenchReportBreakdown[] = [];
    for (const id of ids.slice(0, 2)) breakdown.push(await benchCall(host, 'reportBreakdown', ctx.pack, id));
    await host.close();

    const floorMs = benchMedian(floor);
    return {
      firstAfterSeal: benchFigure(benchPercentile(firstAfterSeal, 95), 'ms', floorMs, 300, 'value'),
      later: benchFigure(benchPercentile(later, 95), 'ms', floorMs, 100, 'value'),
      details: {
        firstAfterSeal: {
          p50: benchRound(benchMedian(firstAfterSeal)),
          p95: benchRound(benchPercentile(firstAfterSeal, 95)),
          samples: firstAfterSeal.map((x) => benchRound(x)),
        },
        later: {
          p50: benchRound(benchMedian(later)),
          p95: benchRound(benchPercentile(later, 95)),
          samples: later.map((x) => benchRound(x)),
        },
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

/** One PDF from a print route opened in a fresh page, timed from navigation to the PDF's bytes. */
async function printRouteToPdf(
  ctx: BenchContext,
  page: Page,
  route: string,
): Promise<{ total: number; ready: number; pdf: number; pages: number; bytes: Buffer }> {
  const started = performance.now();
  // On the page the exports open (the print screen alone), as the desktop app's hidden window does.
  await page.goto(`${ctx.origin}/${printPageFile}${route}`);
  // Waited on as the desktop app's export waits (`printStateScript`, an attribute observer), not with
  // waitForSelector: Playwright's polling backs off to every 500 ms, which added up to 500 ms (about
  // 250 on average) of idle to the app's side that neither the app nor the static twin has.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const error = await Promise.race([
    page.evaluate(printStateScript) as Promise<string | null>,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the print route was not ready within 300 s')), 300_000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (error !== null) throw new Error(`the print route reported an error: ${error}`);
  const readyAt = performance.now();
  const bytes = await page.pdf(pdfOptions);
  const done = performance.now();
  return { total: done - started, ready: readyAt - started, pdf: done - readyAt, pages: pdfPages(bytes), bytes };
}

/** The printed document as it stands, scripts removed, @page rules as a file: the static twin. */
async function staticTwinWrite(ctx: BenchContext, page: Page, name: string): Promise<string> {
  const snapshot = await benchAct(page, 'printSnapshot');
  writeFileSync(join(ctx.tmp, 'data', `${name}.css`), snapshot.pageRules);
  writeFileSync(
    join(ctx.tmp, 'data', `${name}.html`),
    `<!doctype html><html lang="${snapshot.lang}"><head><meta charset="utf-8"><title>${snapshot.title.replace(/</g, '&lt;')}</title>${(snapshot.stylesheets.length > 0 ? snapshot.stylesheets : [appStylesheet(ctx)]).map((href) => `<link rel="stylesheet" href="${href}">`).join('')}<link rel="stylesheet" href="${name}.css"></head><body>${snapshot.body}</body></html>`,
  );
  return `__bench/data/${name}.html`;
}

/**
 * PDF export as the desktop app does it: a fresh window (here a fresh page of the same browser
 * profile, nothing of the app loaded in it) opened on the print route until the PDF's bytes,
 * against the static twin of the same printed document opened in a fresh page until its PDF's
 * bytes. Every sample counts, the first included, for both.
 */
async function pdfFromFreshPages(
  ctx: BenchContext,
  routes: string[],
  name: string,
  target: number,
): Promise<{ figure: BenchFigure; details: unknown }> {
  const context = await benchLaunch(ctx.seededProfile);
  try {
    await context.addInitScript({ content: benchProbeScript(ctx, null) });
    const app: Array<{ total: number; ready: number; pdf: number; pages: number }> = [];
    const snap: Array<{ total: number; pdf: number; pages: number }> = [];
    for (const [i, route] of routes.entries()) {
      const page = await context.newPage();
      const { bytes: _bytes, ...sample } = await printRouteToPdf(ctx, page, route);
      app.push(sample);
      const twin = await staticTwinWrite(ctx, page, `${name}-${i}`);
      await page.close();
      const staticPage = await context.newPage();
      const staticStarted = performance.now();
      await staticPage.goto(`${ctx.origin}/${twin}`);
      const staticLoaded = performance.now();
      const staticPdf = await staticPage.pdf(pdfOptions);
      const staticDone = performance.now();
      await staticPage.close();
      snap.push({ total: staticDone - staticStarted, pdf: staticDone - staticLoaded, pages: pdfPages(staticPdf) });
    }
    let profile: BenchProfileSummary | null = null;
    if (ctx.cpuProfileDir) {
      const page = await context.newPage();
      profile = (
        await benchCpuProfile(page, join(ctx.cpuProfileDir, `${name}.cpuprofile`), () =>
          printRouteToPdf(ctx, page, routes[0]!),
        )
      ).summary;
      await page.close();
    }
    const value = benchMedian(app.map((a) => a.total));
    const floor = benchMedian(snap.map((s) => s.total));
    return {
      figure: benchFigure(value, 'ms', floor, target, 'ratio'),
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

/** One candidate's committee report PDF (target ≤ 1.5× its static twin). */
export function pdfMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const routes = ctx.reportCandidateIds.slice(0, ctx.sizes.pdfs).map((id) => `#/print/report/${id}?audience=committee`);
  return pdfFromFreshPages(ctx, routes, 'report-pdf', 1.5);
}

/** The committee packet of 20 candidates in one PDF (target ≤ 1.5× its static twin). */
export function batchPdfMeasure(ctx: BenchContext): Promise<{ figure: BenchFigure; details: unknown }> {
  const ids = ctx.reportCandidateIds;
  if (ids.length < 20) throw new Error(`batchPdf: 20 report candidates needed, ${ids.length} seeded`);
  const routes = Array.from({ length: ctx.sizes.batchPdfs }, (_, k) => {
    const twenty = Array.from({ length: 20 }, (_, j) => ids[(k * 7 + j) % ids.length]!);
    return `#/print/batch?candidates=${twenty.join('.')}&audience=committee`;
  });
  return pdfFromFreshPages(ctx, routes, 'batch-pdf', 1.5);
}
