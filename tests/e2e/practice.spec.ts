import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { DataPage } from './pages/DataPage';
import { PracticePage } from './pages/PracticePage';
import { dbRows } from './pages/dbRows';

const realTables = [
  'candidates',
  'interviewers',
  'loops',
  'interviews',
  'ratings',
  'notes',
  'signalTags',
  'defectFindings',
  'incidentRuns',
  'decisions',
  'interviewVersions',
  'audit',
  'settings',
  'tombstones',
];

/** Every real table's rows, read straight from IndexedDB (the practice table excluded). */
async function realData(page: Page): Promise<Record<string, unknown[]>> {
  const data: Record<string, unknown[]> = {};
  for (const table of realTables) data[table] = await dbRows(page, table);
  return data;
}

/**
 * Waits until the statistics derived from sealed evidence (pool statistics, the committee rows —
 * refreshed once evidence has been quiet for a few seconds — and any other entry keyed by the audit
 * head) are computed for the current head, so later comparisons see a settled state.
 */
async function derivedSettled(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const head = (await dbRows<{ seq: number; hash: string }>(page, 'audit')).sort((a, b) => a.seq - b.seq).at(-1);
        const derived = (await dbRows<{ key: string; value: { key?: unknown } }>(page, 'settings')).filter(
          (s) => typeof s.value === 'object' && s.value !== null && typeof s.value.key === 'string',
        );
        return (
          !!head &&
          derived.some((s) => s.key === 'poolStats:staff-devops') &&
          derived.some((s) => s.key === 'committeeRows:data:staff-devops') &&
          derived.every((s) => (s.value.key as string).endsWith(`:${head.seq}:${head.hash}`))
        );
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** The interviewer seals one real IaC review, so reports, the committee and pool statistics have data. */
async function sealRealInterview(page: Page): Promise<string> {
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  await people.addCandidate('Katherine Johnson', { email: 'katherine@example.org', level: 'Staff' });
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Terraform / IaC review');
  await runner.focusFirstRating();
  await runner.press('3', 'j', '3', 'j', '3', 'j', '3', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  const candidates = await dbRows<{ id: string }>(page, 'candidates');
  return candidates[0]!.id;
}

test('an interviewer scores a practice case by keyboard, sees it against the key, and nothing of it reaches reports, committee, bundles or calibration', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const today = new TodayPage(page);
  const practice = new PracticePage(page);
  await today.open();
  await today.createProfile('Grace Hopper');
  const candidateId = await sealRealInterview(page);
  // The pool statistics of the sealed evidence are stored once the worker has computed them.
  await derivedSettled(page);
  const before = await realData(page);

  // The practice case, marked "Practice" in the heading and the banner.
  await practice.open();
  await expect(page.getByTestId('practice-banner')).toContainText('never in reports');
  await practice.startCase('Practice: a fast fixer who blames and declares victory early');
  await expect(page.getByTestId('practice-banner')).toContainText('scripted candidate');
  await expect(page.getByText('Practice', { exact: true }).first()).toBeVisible();
  // The scripted candidate's words for the current section, then the next section's.
  await expect(page.getByTestId('practice-transcript')).toContainText('Transcript · ');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /detection and first decisions/ }).click();
  await expect(page.getByTestId('practice-transcript')).toContainText('SSH onto two of the canary hosts');
  await page.getByRole('tab', { name: 'Incident log' }).click();
  await expect(page.getByRole('table')).toContainText('Edited the feature-flag file by hand');
  await page.getByRole('tab', { name: 'Incident log' }).press('ArrowLeft');

  // Ratings by the runner's keys from the page: 2, next, 3, next, 2, next, 0 (no evidence).
  await page.getByRole('heading', { name: /scripted/, level: 1 }).click();
  await practice.rateInOrder([
    ['Incident leadership', '2'],
    ['Observability & reliability', '3'],
    ['Communication', '2'],
    ['CI/CD & release engineering', '0'],
  ]);
  await practice.tagSignal('blames people', 'Blames people or other teams');
  await practice.tagSignal('outcomes with numbers', 'Describes outcomes with numbers');
  await page.getByRole('textbox', { name: 'Your notes' }).fill('Fast diagnosis, but a lone wolf');
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await practice.seal();

  // The comparison, still marked Practice: rating, key, distance and direction, the anchor that applied, the expert's reason.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Practice: .* — compared with the key$/);
  await expect(page.getByTestId('practice-banner')).toContainText('not in any report');
  const leadership = practice.comparisonRow('incident-leadership');
  await expect(leadership.getByRole('cell').nth(0)).toHaveText('2');
  await expect(leadership.getByRole('cell').nth(1)).toHaveText('1');
  await expect(leadership).toContainText('1 (+1)');
  await expect(leadership).toContainText('lenient');
  await expect(leadership).toContainText('Worked alone without declaring roles');
  await expect(practice.comparisonRow('observability-reliability')).toContainText('matches the key');
  await expect(practice.comparisonRow('communication')).toContainText('1 (+1)');
  await expect(practice.comparisonRow('cicd-release')).toContainText('no evidence in the script');
  await expect(page.getByTestId('practice-signals-missed')).toContainText('Red flag');
  await expect(page.getByTestId('practice-signals-missed')).not.toContainText('Blames people');
  await expect(page.getByTestId('practice-signals-matched')).toContainText('Blames people');
  await expect(page.getByTestId('practice-signals-extra')).toContainText('Describes outcomes with numbers');
  await expect(page.getByTestId('practice-mean-distance')).toContainText('lenient');
  const runs = await dbRows<{ id: string; sealedAt: number | null }>(page, 'practiceRuns');
  expect(runs).toHaveLength(1);
  expect(runs[0]!.sealedAt).not.toBeNull();
  const runId = runs[0]!.id;

  // Calibration and every real table: unchanged, row for row, pool statistics included.
  expect(await realData(page)).toEqual(before);

  // Reports and the committee screen show only the real candidate.
  await openApp(page, `#/reports/${candidateId}`);
  await expect(page.getByTestId('recommendation')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/scripted|practice/i);
  await openApp(page, '#/committee');
  const compared = page.getByRole('table', { name: 'Candidates compared' });
  await expect(compared.getByRole('row')).toHaveCount(2);
  await expect(compared).toContainText('Katherine Johnson');
  await expect(page.locator('main')).not.toContainText(/scripted|practice/i);

  // Bundles: the full export carries no trace of the practice run.
  const data = new DataPage(page);
  await data.open();
  const download = await data.exportScope('Everything');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('Katherine Johnson');
  for (const trace of [runId, 'incident-blame', 'scripted', 'lone wolf', 'practiceRuns']) expect(text).not.toContain(trace);
  expect(await realData(page)).toEqual(before);

  // A second run, then the personal history: distance per dimension as a chart with its table.
  await practice.open();
  await expect(page.getByTestId('practice-history')).toContainText('Over 1 sealed practice run');
  await practice.startCase('Practice: a paved road that teams chose to use');
  await page.getByRole('heading', { name: /scripted/, level: 1 }).click();
  await practice.rateInOrder([
    ['Cloud & infrastructure architecture', '4'],
    ['IaC engineering', '4'],
    ['CI/CD & release engineering', '4'],
    ['Security & compliance automation', '4'],
    ['Prioritization & product thinking', '4'],
    ['Cross-team influence', '4'],
  ]);
  await practice.seal();
  await expect(practice.comparisonRow('iac-engineering')).toContainText('1 (+1)');
  await practice.open();
  const history = page.getByTestId('practice-history');
  await expect(history).toContainText('Over 2 sealed practice runs');
  await expect(history.getByTestId('practice-history-chart')).toBeVisible();
  await expect(history.getByRole('img', { name: /^Incident leadership: mean distance 1.00, signed \+1.00, lenient over 1 run$/ })).toBeVisible();
  const table = history.getByRole('table');
  await expect(table.getByRole('row', { name: /IaC engineering/ })).toContainText('+1.00');
  // CI/CD: "no evidence" on both sides in the first run (no distance), 4 against 4 in the second.
  await expect(table.getByRole('row', { name: /CI\/CD & release engineering/ })).toContainText('on the key');
  await expect(page.getByTestId('practice-run-row')).toHaveCount(2);
  expect(await realData(page)).toEqual(before);
});

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`practice screens have no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    const today = new TodayPage(page);
    const practice = new PracticePage(page);
    await today.open();
    await today.createProfile('Grace Hopper');
    await practice.open();
    await expectNoSeriousViolations(page, 'practice home, no runs');
    await practice.startCase('Practice: a fast fixer who blames and declares victory early');
    await page.getByRole('heading', { name: /scripted/, level: 1 }).click();
    await practice.rateInOrder([
      ['Incident leadership', '1'],
      ['Observability & reliability', '3'],
      ['Communication', '1'],
      ['CI/CD & release engineering', '0'],
    ]);
    await practice.tagSignal('blames people', 'Blames people or other teams');
    await expectNoSeriousViolations(page, 'practice runner');
    await page.getByRole('tab', { name: 'Incident log' }).click();
    await expectNoSeriousViolations(page, 'practice incident log');
    await practice.seal();
    await expectNoSeriousViolations(page, 'practice comparison');
    await practice.open();
    await expect(page.getByTestId('practice-history-chart')).toBeVisible();
    await expectNoSeriousViolations(page, 'practice history');
  });
}
