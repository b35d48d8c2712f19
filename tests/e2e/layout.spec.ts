/**
 * Layouts at the two sizes interviewers use (1280x800 laptop, 1920x1080 monitor): no horizontal
 * scrollbar on the document or any main region of the runner, the artifact review, the incident
 * console, the loop, scorecards-due and the committee screens; axe finds nothing serious in light or dark.
 * Screenshots go to LOOPDESK_SHOTS (default /tmp/shots-live) for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { IncidentPage } from './pages/IncidentPage';

const shotsDir = process.env['LOOPDESK_SHOTS'] ?? '/tmp/shots-live';

/** Regions that scroll on their own: each must fit its content's width. */
const regions = [
  'main',
  '.runner-col',
  '.runner-tabpanel',
  '.section-scroll',
  '.note-list',
  '.rating-rows',
  '.artifact-review',
  '.artifact-code',
  '.artifact-checklist',
  '.incident-console',
  '.incident-grid > *',
  '.page',
  'table',
];

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflowing = await page.evaluate((selectors) => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) found.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const selector of selectors) {
      document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
        const style = getComputedStyle(el);
        // Only regions that can scroll sideways count (a code view scrolls its own lines on purpose, not the page).
        if (style.overflowX === 'visible' && el.tagName !== 'MAIN') return;
        if (el.closest('.code') && el !== el.closest('.code')) return;
        if (el.scrollWidth > el.clientWidth + 1) found.push(`${selector}[${i}] ${el.scrollWidth} > ${el.clientWidth}`);
      });
    }
    return found;
  }, regions);
  expect(overflowing, `${screen}: regions scrolling sideways`).toEqual([]);
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
}

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function check(page: Page, screen: string, colorScheme: 'light' | 'dark'): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page, `${screen} at ${size.width}x${size.height}`);
    await page.screenshot({ path: `${shotsDir}/${screen}-${size.width}x${size.height}-${colorScheme}.png` });
  }
  await expectNoSeriousViolations(page, `${screen} (${colorScheme})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`runner, artifact review, incident console, loop and committee fit both sizes with no serious axe findings (${colorScheme})`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await page.emulateMedia({ colorScheme });
    const today = new TodayPage(page);
    const people = new PeoplePage(page);
    const runner = new RunnerPage(page);
    await today.open();
    await today.createProfile('Grace Hopper');
    await people.addCandidate('Ada Lovelace', { level: 'Staff' });
    await people.planLoop([
      { kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' },
      { kit: 'Incident simulation — the 3 a.m. canary', interviewer: 'Grace Hopper' },
    ]);
    const loopUrl = page.url();
    await check(page, 'loop', colorScheme);

    await people.openInterviewFromLoop('Terraform / IaC review');
    await expect(page.getByRole('button', { name: 'Start interview' })).toBeVisible();
    await check(page, 'runner-prepared', colorScheme);
    await runner.writeNote(
      'Spotted the wildcard IAM policy first and sized its blast radius across every account in the org',
    );
    await runner.writeNote('Asked whether the state bucket is shared with staging; it is');
    await runner.focusFirstRating();
    await runner.press('3', 'j', '2');
    await runner.expectSaved();
    await check(page, 'runner', colorScheme);
    await runner.openTab('Artifact review');
    await runner.tickDefect('local, unlocked backend');
    await check(page, 'artifact-review', colorScheme);

    await page.goto(loopUrl);
    await people.openInterviewFromLoop('Incident simulation — the 3 a.m. canary');
    const incident = new IncidentPage(page);
    await incident.open();
    await incident.startScenario();
    await incident.pause();
    await incident.logByKeys('a', 'd');
    await check(page, 'incident-console', colorScheme);

    await page.goto(loopUrl);
    await check(page, 'loop-with-progress', colorScheme);
    await page.getByRole('link', { name: 'Scorecards due' }).first().click();
    await expect(page.getByRole('table', { name: 'Scorecards due' })).toBeVisible();
    await check(page, 'scorecards-due', colorScheme);
    await page.goto(page.url().replace(/#.*/, '#/committee'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, 'committee', colorScheme);
  });
}
