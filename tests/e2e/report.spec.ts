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

  // Committee: three candidates compared; blind mode hides names and contact details.
  const table = reports.comparison();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('Ryan Mitchell');
  await reports.setBlind(true);
  await expect(table).not.toContainText('Ryan Mitchell');
  await expect(table).not.toContainText('Amira Haddad');
  await expect(table.getByRole('link', { name: /^Candidate [A-Z2-9]{3}$/ })).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Only candidates with red flags' }).check();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Only candidates with red flags' }).uncheck();
  await reports.setBlind(false);
  await expect(page.getByRole('table', { name: 'Interviewer offsets' })).toContainText('Tomás Herrera');

  // The red-flag candidate's report: recommendation with reasons, red flag first with its evidence.
  await reports.openReportFromComparison('Ryan Mitchell');
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
