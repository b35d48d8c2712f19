import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rubricFilesRead } from '../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../src/core/demo/demoLoop';
import { rubricPacksLoad } from '../../src/core/rubric/loader';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { dbRows } from './pages/dbRows';

const hasPoppler = existsSync('/usr/bin/pdftotext');
const shots = process.env['LOOPDESK_SHOTS_DIR'];

/**
 * The demo's open loop — its candidates' names and notes as the script writes them (the same text
 * whatever seed the app used); the closed loops of its history are not part of it.
 */
function demoOpenLoop(): { names: string[]; notes: Array<{ text: string; isPrivate: boolean }> } {
  const files = rubricFilesRead(join(import.meta.dirname, '../../rubrics'))!;
  const pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
  const candidateIds = new Set(content.loops.filter((l) => l.status === 'open').map((l) => l.candidateId));
  const interviewIds = new Set(content.interviews.filter((i) => candidateIds.has(i.candidateId)).map((i) => i.id));
  return {
    names: content.candidates.filter((c) => candidateIds.has(c.id)).map((c) => c.name),
    notes: content.notes.filter((n) => interviewIds.has(n.interviewId)).map((n) => ({ text: n.text, isPrivate: n.isPrivate })),
  };
}

const squash = (text: string) => text.replace(/[\s\u00ad]+/g, ' ').replace(/- /g, '-').trim();

async function printPdf(page: Page, route: string, path: string): Promise<string> {
  await page.goto('about:blank');
  await page.goto(`/${route}`);
  await expect(page.locator('html[data-print-ready]')).toHaveCount(1);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return execFileSync('pdftotext', [path, '-']).toString();
}

/** Per page, how far down its text reaches (0–1 of the page height). */
function pageFill(path: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString();
  return html
    .split('<page ')
    .slice(1)
    .map((p) => {
      const height = Number(/height="([\d.]+)"/.exec(p)![1]);
      // The running footer sits in the bottom margin; ignore words there.
      const ys = [...p.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < height * 0.93);
      return ys.length === 0 ? 0 : Math.max(...ys) / height;
    });
}

/** The demo workspace's candidate ids by name, for the given names. */
async function candidateIds(page: Page, names: string[]): Promise<Record<string, string>> {
  const candidates = await dbRows<{ id: string; name: string }>(page, 'candidates', 'loopdesk-demo');
  return Object.fromEntries(candidates.filter((c) => names.includes(c.name)).map((c) => [c.name, c.id]));
}

test('the demo loop: the note behind a rating is one click away, and every public note reaches the committee packet but no private one the recruiter summary', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  await reports.openDemoLoop();
  // The table fills once the calibrated reports are computed: wait for the open loop's candidates.
  const demo = demoOpenLoop();
  for (const name of demo.names) await expect(reports.comparison().getByRole('link', { name })).toBeVisible({ timeout: 30_000 });
  const ids = await candidateIds(page, demo.names);
  expect(Object.keys(ids)).toHaveLength(demo.names.length);

  // From a rating in the per-interviewer table, one click brings its notes into view.
  await reports.openReportFromComparison('Ryan Mitchell');
  const entry = page.getByTestId('evidence-entry').filter({ has: page.getByTestId('evidence-note') }).first();
  const target = (await entry.getAttribute('id'))!;
  const rating = page.locator(`button[aria-controls="${target}"]`);
  await expect(rating).toHaveCount(1);
  await rating.click();
  await expect(entry).toBeFocused();
  await expect(entry.getByTestId('evidence-note').first()).toBeInViewport();

  test.skip(!hasPoppler, 'pdftotext (poppler-utils) is not installed: PDF text not checked.');
  const notes = demo.notes;
  expect(notes.filter((n) => !n.isPrivate).length).toBeGreaterThan(0);
  expect(notes.filter((n) => n.isPrivate).length).toBeGreaterThan(0);
  const dir = shots ?? testInfo.outputPath('pdf');
  mkdirSync(dir, { recursive: true });

  // The batch committee packet: comparison page first, then one section per candidate; every note.
  const all = Object.values(ids).join('.');
  const packetPath = join(dir, 'committee-packet.pdf');
  const packet = squash(await printPdf(page, `#/print/batch?candidates=${all}&audience=committee`, packetPath));
  for (const note of notes.filter((n) => !n.isPrivate)) expect(packet, 'a public note missing from the packet').toContain(squash(note.text));
  expect(packet.indexOf('Committee packet — Staff DevOps Engineer')).toBeGreaterThanOrEqual(0);
  expect(packet.indexOf('Committee packet — Staff DevOps Engineer')).toBeLessThan(packet.indexOf('Level recommendation (mechanical)'));
  // Reliability once, on the comparison page, not per candidate.
  expect(packet.split('How reliable the numbers are').length - 1).toBe(1);
  // No page is more than half empty, except the last page of a section (before a new candidate).
  const fills = pageFill(packetPath);
  const pages = execFileSync('pdftotext', ['-layout', packetPath, '-']).toString().split('\f');
  fills.forEach((fill, i) => {
    const isSectionEnd = i === fills.length - 1 || /\d sealed interviews? ·/.test(pages[i + 1]!.slice(0, 600)) || i === 0;
    if (!isSectionEnd) expect(fill, `page ${i + 1} of the packet is more than half empty`).toBeGreaterThan(0.5);
  });
  // A readable title in the PDF's metadata.
  expect(execFileSync('pdfinfo', [packetPath]).toString()).toMatch(/Title:\s+Committee packet — Staff DevOps Engineer — \d{4}-\d{2}-\d{2}/);
  execFileSync('pdftoppm', ['-png', '-r', '60', packetPath, join(dir, 'packet-page')]);

  // Recruiter summaries: one or two pages each, and no private note.
  for (const [name, id] of Object.entries(ids)) {
    const path = join(dir, `recruiter-${id.slice(0, 8)}.pdf`);
    const text = squash(await printPdf(page, `#/print/report/${id}?audience=recruiter`, path));
    expect(text).toContain(name);
    for (const note of notes.filter((n) => n.isPrivate)) expect(text).not.toContain(squash(note.text));
    for (const heading of ['Strengths', 'Concerns', 'Open questions', 'Committee decision']) expect(text).toContain(heading);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
    expect(pageCount, `${name}'s recruiter summary`).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '60', path, join(dir, `recruiter-${id.slice(0, 8)}-page`)]);
  }
});

test("a sealed colleague's scorecard opens read-only for the committee and a panelist who sealed, not for one who has not", async ({ page }) => {
  test.setTimeout(180_000);
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await today.open();
  await today.createProfile('Grace Hopper');

  // The committee (a profile on no panel of the demo) opens a demo scorecard from the report.
  await reports.openDemoLoop();
  await reports.openReportFromComparison('Ryan Mitchell');
  await page.getByTestId('interviewer-row').filter({ hasText: 'Ngozi Adeyemi' }).getByRole('link', { name: 'Open scorecard' }).click();
  const card = page.getByTestId('scorecard');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { level: 1 })).toContainText('Ngozi Adeyemi');
  await expect(card).toContainText('Strong no');
  await expect(card.getByRole('table', { name: 'Ratings with their anchors' })).toContainText(' · ');
  await expect(card).toContainText('Read-only');
  // Read-only: nothing to type into, nothing to tick.
  await expect(card.getByRole('textbox')).toHaveCount(0);
  await expect(card.getByRole('radio')).toHaveCount(0);
  await expect(card.getByRole('checkbox')).toHaveCount(0);

  // A panel of two on a new candidate, back in the real workspace: Grace seals, Linus has not.
  await reports.leaveDemo();
  await people.addCandidate('Edsger Dijkstra');
  await people.planLoop(
    [
      { kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' },
      { kit: 'Observability and SLO design', interviewer: 'Linus Pauling' },
    ],
    ['Linus Pauling'],
  );
  const loopUrl = page.url();
  await people.openInterviewFromLoop('Terraform / IaC review');
  const graceInterview = page.url().split('/').at(-1)!.split('?')[0]!;
  await runner.focusFirstRating();
  await runner.press('4', 'j', '4', 'j', '4', 'j', '4', 'j', '4');
  await runner.expectSaved();
  await runner.submit({ recommendation: 'Strong yes', takeaways: 'Excellent state handling.' });

  await today.open();
  await page.getByText(/Not Grace Hopper\? Switch profile/).click();
  await page.getByLabel('Interviewing as').selectOption({ label: 'Linus Pauling' });
  await expect(today.signedInAs('Linus Pauling')).toBeVisible();
  await page.goto(`/#/scorecards/${graceInterview}`);
  await expect(page.getByTestId('scorecard-refused')).toContainText('have not sealed your own scorecard');
  await expect(page.getByTestId('scorecard')).toHaveCount(0);

  // Once Linus seals his own, Grace's scorecard opens for him, with her overall recommendation.
  await page.goto(loopUrl);
  await people.openInterviewFromLoop('Observability and SLO design');
  await runner.focusFirstRating();
  await runner.press('2', 'j', '3', 'j', '2', 'j', '3');
  await runner.expectSaved();
  await runner.submit({ recommendation: 'No', takeaways: 'SLOs without error budgets.' });
  await page.goto(`/#/scorecards/${graceInterview}`);
  await expect(page.getByTestId('scorecard')).toContainText('Strong yes');
  await expect(page.getByTestId('scorecard')).toContainText('Excellent state handling.');
});
