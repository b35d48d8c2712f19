/**
 * PDFs say what they are in one readable form — "Committee packet — Staff DevOps Engineer —
 * 2026-12-01" — in the document title (the PDF's Title and the browser's file name) and the
 * running header of every page, for the batch packet, a single report and the recruiter summary,
 * named or blind. And the printed charts keep every axis label inside their box.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';
import { dbRows } from './pages/dbRows';

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
const day = String.raw`\d{4}-\d{2}-\d{2}`;

async function openPrint(page: Page, route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${route}`);
  await expect(page.locator('html[data-print-ready]')).toHaveCount(1, { timeout: 60_000 });
}

/** Every axis label's box lies inside its chart's box. */
async function expectLabelsInside(chart: Locator): Promise<void> {
  const box = (await chart.boundingBox())!;
  const labels = chart.locator('text.axis-label');
  expect(await labels.count()).toBeGreaterThan(0);
  for (const label of await labels.all()) {
    const b = (await label.boundingBox())!;
    const name = `label "${await label.textContent()}"`;
    expect(b.x, name).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.y, name).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(b.x + b.width, name).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(b.y + b.height, name).toBeLessThanOrEqual(box.y + box.height + 0.5);
  }
}

test('batch packet, report and recruiter summary: readable title, PDF Title and running header; printed chart labels inside their charts', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  await reports.openDemoLoop();
  await expect(reports.comparison().getByRole('link', { name: 'Amira Haddad' })).toBeVisible();
  const candidates = await dbRows<{ id: string; name: string }>(page, 'candidates', 'loopdesk-demo');
  const amira = candidates.find((c) => c.name === 'Amira Haddad')!;
  const three = candidates.filter((c) => /^(Amira Haddad|Kenji Watanabe|Ryan Mitchell)$/.test(c.name)).map((c) => c.id);
  expect(three).toHaveLength(3);

  const prints = [
    { label: 'batch', route: `#/print/batch?candidates=${three.join('.')}&audience=committee`, title: `Committee packet — Staff DevOps Engineer — ${day}` },
    { label: 'report', route: `#/print/report/${amira.id}?audience=committee`, title: `Committee packet — Amira Haddad — ${day}` },
    { label: 'recruiter', route: `#/print/report/${amira.id}?audience=recruiter`, title: `Recruiter summary — Amira Haddad — ${day}` },
    { label: 'blind report', route: `#/print/report/${amira.id}?audience=committee&blind=1`, title: `Committee packet — Candidate [A-Z2-9]{3} — ${day}` },
  ];
  // A4 at 96 dpi, printed: the charts as the PDF lays them out.
  await page.setViewportSize({ width: 794, height: 1123 });
  for (const { label, route, title } of prints) {
    await openPrint(page, route);
    const documentTitle = await page.title();
    expect(documentTitle, `${label}: document title`).toMatch(new RegExp(`^${title}$`));

    await page.emulateMedia({ media: 'print' });
    if (label === 'batch') await expectLabelsInside(page.getByTestId('overlay-chart'));
    if (label !== 'recruiter') for (const chart of await page.getByTestId('profile-chart').all()) await expectLabelsInside(chart);
    await page.emulateMedia({ media: 'screen' });

    if (!hasPoppler) continue;
    const path = testInfo.outputPath(`${label.replace(/\W+/g, '-')}.pdf`);
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info, `${label}: PDF Title`).toContain(`Title:           ${documentTitle}\n`);
    // Every page carries the same words as its running header.
    const pages = execFileSync('pdftotext', ['-layout', path, '-']).toString().split('\f').filter((p) => p.trim() !== '');
    for (const [i, text] of pages.entries()) {
      expect(text.trimStart().startsWith(`${documentTitle} · Loopdesk`), `${label}: running header of page ${i + 1}`).toBe(true);
    }
  }
});
