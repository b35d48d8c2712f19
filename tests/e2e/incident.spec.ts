/**
 * The incident simulation end to end: the interviewer runs the canary scenario from the console,
 * the candidate's presenter tab follows it and shows nothing of the interviewer's side, a reload
 * resumes the run, and the sealed interview's report carries the outcome and its derived signals.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { incidentScenarioSchema } from '../../src/core/incident/scenarioSchema';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { IncidentPage } from './pages/IncidentPage';

const packDir = join(import.meta.dirname, '../../rubrics/staff-devops');
const scenario = incidentScenarioSchema.parse(parse(readFileSync(join(packDir, 'scenarios/canary-error-climb.yaml'), 'utf8')));
const catalogue = (parse(readFileSync(join(packDir, 'signals.yaml'), 'utf8')) as { signals: Array<{ id: string; title: string }> })
  .signals;
const signalTitle = (id: string) => catalogue.find((s) => s.id === id)!.title;

/** Everything in the scenario that is for the interviewer only; the presenter must show none of it. */
const interviewerOnly: string[] = [
  scenario.situation,
  ...scenario.actions.flatMap((a) => [a.label, a.description ?? '']),
  ...scenario.milestones.map((m) => m.title),
  ...[...scenario.debrief, ...scenario.postmortem].flatMap((p) => [p.prompt, ...(p.listenFor ?? [])]),
  ...scenario.injects.map((i) => i.note ?? ''),
  ...scenario.rules.map((r) => r.description),
  ...new Set([...scenario.rules.map((r) => r.signal), ...scenario.actions.flatMap((a) => (a.redFlag ? [a.redFlag] : []))].map(signalTitle)),
].filter((text) => text.length > 0);

test('an interviewer runs the canary incident with a presenter tab, survives a reload, and the report shows the outcome', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const today = new TodayPage(page);
  const people = new PeoplePage(page);
  const runner = new RunnerPage(page);
  const incident = new IncidentPage(page);
  const presenterErrors: string[] = [];

  await today.open();
  await today.createProfile('Grace Hopper');
  await people.addCandidate('Ada Lovelace', { level: 'Staff' });
  const candidateId = /#\/candidates\/([^/?]+)/.exec(page.url())![1]!;
  await people.planLoop([{ kit: 'Incident simulation — the 3 a.m. canary', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Incident simulation — the 3 a.m. canary');
  await expect(page.getByRole('heading', { name: /Ada Lovelace/, level: 1 })).toBeVisible();

  // Start the scenario and hold the clock so every step below is at a known sim time.
  await incident.open();
  await incident.startScenario();
  await incident.pause();
  await runner.expectSaved();

  // The presenter opens in a second tab: the candidate's screen, no app navigation.
  let presenter = await incident.openPresenter();
  presenter.page.on('console', (m) => m.type() === 'error' && presenterErrors.push(m.text()));
  presenter.page.on('pageerror', (e) => presenterErrors.push(e.message));
  await expect(presenter.panel('Canary 5xx rate')).toHaveAttribute('data-alerting', 'false');
  await expect(presenter.page.getByRole('navigation')).toHaveCount(0);
  await expect(presenter.alerts()).toHaveCount(0);
  await expect(presenter.panel('Stable fleet 5xx rate')).toHaveCount(0);

  // Two minutes in: the canary's error rate is past its threshold and the on-call is paged.
  await incident.jump(2);
  await expect(presenter.panel('Canary 5xx rate')).toHaveAttribute('data-alerting', 'true');
  await expect(presenter.panel('Canary 5xx rate')).toContainText('Alerting');
  await expect(presenter.alerts().filter({ hasText: '[P2] checkout-api canary: 5xx rate above 2%' })).toBeVisible();
  await expect(presenter.root()).toContainText('alert above 2%');
  const canaryWhileFailing = await presenter.panelValue('Canary 5xx rate');
  expect(canaryWhileFailing).toBeGreaterThan(2);

  // The candidate acknowledges, checks the deploys, compares canary and stable, declares, tells
  // people and rolls back: one key each.
  await incident.logByKeys('a', 'd', 'g', 'i', 's', 'r');
  await expect(incident.milestone('acknowledge')).toContainText('Met');
  await expect(incident.milestone('mitigate')).toContainText('Met');
  // A mistaken key is withdrawn with "Undo last" and leaves no red flag behind.
  await incident.logByKeys('p');
  await incident.undoLast();
  await expect(incident.logEntries().filter({ hasText: '(withdrawn)' })).toContainText('Promote the canary to 100%');
  await incident.logCommunication('Rolled back the canary; customers with gift cards may have seen failures; next update 03:20');

  // A note typed during the run records the sim time beside the interview time.
  await runner.writeNote('Rolled back within a minute of seeing the canary split');
  await expect(runner.noteLines().filter({ hasText: 'Rolled back within' })).toContainText(/sim \d\d:\d\d/);

  // The presenter follows: the deploy log, the stable fleet's chart revealed by the comparison.
  await expect(presenter.logs().filter({ hasText: 'error rate: INCONCLUSIVE' })).toBeVisible();
  await expect(presenter.panel('Stable fleet 5xx rate')).toBeVisible();

  // Five minutes later the rollback shows on the chart; the product lead's request has arrived.
  await incident.jump(5);
  await expect(presenter.panel('Canary 5xx rate')).toHaveAttribute('data-alerting', 'false');
  await expect.poll(() => presenter.panelValue('Canary 5xx rate')).toBeLessThan(canaryWhileFailing);
  await expect(presenter.chatMessages().filter({ hasText: 'Mara Lindqvist' })).toBeVisible();
  await expect(presenter.alerts().filter({ hasText: 'Resolved' }).first()).toBeVisible();
  await expect(incident.derivedSignals().filter({ hasText: signalTitle('strong-rollback-first') })).toBeVisible();
  await expect(incident.derivedSignals().filter({ hasText: 'Red flag' })).toHaveCount(0);

  // Closed and reopened, the presenter catches up from the saved run.
  await presenter.page.close();
  presenter = await incident.openPresenter();
  await expect(presenter.panel('Stable fleet 5xx rate')).toBeVisible();
  await expect(presenter.chatMessages().filter({ hasText: 'Mara Lindqvist' })).toBeVisible();

  // Nothing of the interviewer's side ever reaches the candidate's screen.
  const shown = await presenter.text();
  for (const secret of interviewerOnly) expect(shown, `presenter shows interviewer-only text: ${secret}`).not.toContain(secret);

  // Reload mid-run with the clock running: the run resumes where it was, log intact, still running.
  await incident.resume();
  const entriesBefore = await incident.logEntries().count();
  const simBefore = await incident.simMs();
  await runner.expectSaved();
  await page.reload();
  await incident.open();
  await expect(incident.clockState()).toHaveText(/Running/);
  expect(await incident.simMs()).toBeGreaterThanOrEqual(simBefore);
  await expect(incident.logEntries()).toHaveCount(entriesBefore);
  await expect(incident.milestone('mitigate')).toContainText('Met');

  // End the run, rate every dimension by keyboard and seal the scorecard.
  await incident.endRun();
  await runner.focusFirstRating();
  await runner.press('3', 'j', '3', 'j', '3', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  await expect(page.getByText(/Submitted .* and sealed/)).toBeVisible();
  await incident.open();
  await expect(incident.clock().getByRole('button', { name: 'Resume' })).toBeDisabled();

  // The report carries the incident outcome and the signals the simulation derived.
  await page.goto(`/#/reports/${candidateId}`);
  const outcome = page.getByTestId('incident-outcome');
  await expect(outcome).toContainText(scenario.title);
  await expect(outcome).toContainText('Page acknowledged');
  await expect(
    page.locator('.report-signal').filter({ hasText: signalTitle('strong-rollback-first') }).filter({ hasText: 'derived by the incident simulation' }),
  ).toBeVisible();

  await expect(presenter.root()).toContainText('Simulation ended');
  expect(presenterErrors, 'console errors in the presenter').toEqual([]);
});

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the incident console and the presenter have no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    // Three axe scans (20-45 s each under load) around a scripted run.
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    const today = new TodayPage(page);
    const people = new PeoplePage(page);
    const incident = new IncidentPage(page);
    await today.open();
    await today.createProfile('Grace Hopper');
    await people.addCandidate('Katherine Johnson');
    await people.planLoop([{ kit: 'Incident simulation — the 3 a.m. canary', interviewer: 'Grace Hopper' }]);
    await people.openInterviewFromLoop('Incident simulation — the 3 a.m. canary');
    await incident.open();
    await expectNoSeriousViolations(page, 'incident console before the start');
    await incident.startScenario();
    await incident.pause();
    await incident.jump(2);
    await incident.logByKeys('a', 'd', 'r', 'p');
    await incident.jump(5);
    await expect(incident.milestone('mitigate')).toContainText('Met');
    await expectNoSeriousViolations(page, 'incident console during the run');
    const presenter = await incident.openPresenter();
    await presenter.page.emulateMedia({ colorScheme });
    await expect(presenter.logs().first()).toBeVisible();
    await expect(presenter.chatMessages().first()).toBeVisible();
    await expectNoSeriousViolations(presenter.page, 'presenter');
  });
}
