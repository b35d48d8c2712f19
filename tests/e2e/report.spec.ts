import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { ReportPage } from './pages/ReportPage';

const hasPoppler = existsSync('/usr/bin/pdftotext');

test('the demo loop: committee comparison with blind mode, a report with red flags first, a decision, and a PDF', async ({ page }, testInfo) => {
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  await reports.openDemoLoop();

  // Committee: the open loop's three candidates and the 25 of the demo's history compared (the
  // table renders the rows in view; aria-rowcount counts them all, header included); blind mode
  // hides names and contact details.
  const table = reports.comparison();
  await expect(table).toHaveAttribute('aria-rowcount', '29');
  await expect(table).toContainText('Ryan Mitchell');
  await reports.setBlind(true);
  await expect(table).not.toContainText('Ryan Mitchell');
  await expect(table).not.toContainText('Amira Haddad');
  const rendered = await table.locator('tbody tr').filter({ has: page.getByRole('link') }).count();
  expect(rendered).toBeGreaterThan(3);
  await expect(table.getByRole('link', { name: /^Candidate [A-Z2-9]{3}$/ })).toHaveCount(rendered);
  await page.getByRole('checkbox', { name: 'Only candidates with red flags' }).check();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Only candidates with red flags' }).uncheck();
  await reports.setBlind(false);
  // The calibration table below the comparison is built when scrolled near.
  await page.getByRole('heading', { name: 'Interviewer calibration' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('table', { name: 'Interviewer offsets' })).toContainText('Tomás Herrera');

  // The red-flag candidate's report. Its first frame holds the top (header, decision,
  // recommendation, red flags); the dimension profile and everything below follow in the next task.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { firstFrameSections: string[] }).firstFrameSections = seen;
    const observer = new MutationObserver(() => {
      const report = document.querySelector('main article.report');
      if (!report) return;
      observer.disconnect();
      seen.push(...[...report.querySelectorAll('h2')].map((h) => h.textContent ?? ''));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
  await reports.openReportFromComparison('Ryan Mitchell');
  await expect(page.getByRole('table', { name: 'Dimension profile' })).toBeVisible();
  const firstFrame = await page.evaluate(() => (window as unknown as { firstFrameSections: string[] }).firstFrameSections);
  expect(firstFrame).toContain('Red flags');
  expect(firstFrame).not.toContain('Dimension profile');
  // Recommendation with reasons, red flag first with its evidence.
  const rec = page.getByTestId('recommendation');
  await expect(rec).toContainText('Mid');
  await expect(rec).toContainText('caps the level at Mid');
  await expect(rec).toContainText('Committee review required');
  await expect(rec.getByRole('list').first()).toContainText('needs');
  const sections = await page.locator('.report h2').allTextContents();
  expect(sections.indexOf('Red flags')).toBeLessThan(sections.indexOf('Dimension profile'));
  const redFlags = page.locator('section', { has: page.getByRole('heading', { name: 'Red flags' }) });
  await expect(redFlags).toContainText('Red flag');
  await expect(redFlags.locator('.evidence li').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dimension profile' })).toContainText('Calibrated');
  await expect(page.getByRole('group', { name: /Dimension profile/ })).toBeVisible();
  const hash = (await reports.inputsHash().textContent())!;

  // Each interviewer's leniency offset with its 95% interval, and what the interval means.
  await expect(page.getByTestId('interviewer-row')).toHaveCount(4);
  for (const cell of await page.getByTestId('offset-interval').all()) await expect(cell).toHaveText(/^[+-]?\d\.\d\d to [+-]?\d\.\d\d$/);
  await expect(page.getByTestId('offset-explanation')).toContainText('95% interval');
  // The anchoring audit of the loop: who sealed when, and independence as a fact.
  const anchoring = page.getByTestId('anchoring-audit');
  await expect(anchoring).toContainText(/Sealing order: .+, .+, .+ and .+\./);
  await expect(anchoring).toContainText('All four scorecards were sealed before any was visible to another panelist.');
  await expect(anchoring).toContainText('No scorecard was amended after another panelist had sealed.');
  await expect(anchoring.getByRole('table', { name: 'Sealing order' }).locator('tbody tr')).toHaveCount(4);

  // The committee's decision is kept apart from the mechanical recommendation.
  await reports.recordDecision('No hire', 'Secrets handling red flag confirmed by two interviewers.');
  await expect(rec).toContainText('Mid');

  // PDF of the print route: candidate, level and the footer hash in its text.
  const candidateId = page.url().split('/').at(-1)!.split('?')[0]!;
  await page.goto(`/#/print/report/${candidateId}?audience=committee`);
  await expect(page.locator('html[data-print-ready]')).toHaveCount(1);
  await expect(page.getByText('private note', { exact: true }).first()).toBeVisible();
  const pdfPath = testInfo.outputPath('ryan-committee.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  test.skip(!hasPoppler, 'pdftotext (poppler-utils) is not installed: PDF text not checked.');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('Ryan Mitchell');
  expect(text).toContain('caps the level at Mid');
  expect(text).toContain(hash);
  expect(text).toContain('Independence of scoring');
  expect(text).toContain('All four scorecards were sealed before any was visible to another panelist.');
  expect(text).toContain('95% interval');
  expect(text).toMatch(/Page 1 of \d+/);
  execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, testInfo.outputPath('page')]);
  expect(readdirSync(testInfo.outputDir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length).toBeGreaterThan(0);

  // The recruiter summary leaves private notes out. Opened in a tab of its own, as an export does.
  await page.goto('about:blank');
  await page.goto(`/#/print/report/${candidateId}?audience=recruiter`);
  await expect(page.locator('html[data-print-ready]')).toHaveCount(1);
  await expect(page.getByText('private note', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Recruiter summary without private notes')).toBeVisible();
});

test('a past loop of the demo: an amendment after the others had sealed, in the anchoring audit, on screen and blind', async ({ page }) => {
  test.setTimeout(180_000);
  const today = new TodayPage(page);
  const reports = new ReportPage(page);
  await today.open();
  await today.createProfile('Committee Chair');
  await reports.openDemoLoop();
  // Omar Farouk's loop (the demo's history) holds Tomás's amendment, made after the three others sealed.
  await page.goto('/#/candidates');
  await page.getByRole('link', { name: 'Omar Farouk' }).first().click();
  const candidateId = page.url().match(/candidates\/([^/?]+)/)![1]!;
  await page.goto(`/#/reports/${candidateId}`);
  const anchoring = page.getByTestId('anchoring-audit');
  await expect(anchoring).toContainText(
    /Tomás Herrera amended \(version 2, "Re-read my notes after the debrief\."\) after Ngozi Adeyemi, Hannah Becker and Arjun Mehta had sealed, and changed (one rating|\w+ ratings): \w+ toward the first sealed scores, no away\./,
  );
  await expect(anchoring.getByRole('table', { name: 'Sealing order' }).locator('tbody tr')).toHaveCount(5);
  const changes = anchoring.getByRole('table', { name: 'Ratings changed by Tomás Herrera in version 2' });
  await expect(changes.locator('tbody tr').first()).toContainText('toward');

  await reports.setBlind(true);
  await expect(page.getByRole('heading', { level: 1, name: /^Candidate [A-Z2-9]{3}$/ })).toBeVisible();
  await expect(anchoring).toContainText('Tomás Herrera amended (version 2');
  await expect(page.locator('main')).not.toContainText(/Omar|Farouk/);
});
