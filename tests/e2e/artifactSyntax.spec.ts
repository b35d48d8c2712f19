/**
 * Artifacts are shown with syntax colours (highlight.js, bundled: no network) and keep their line
 * numbers and defect marks. Screenshots at the two reference sizes go to /tmp/shots-authoring/.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { RubricsPage } from './pages/RubricsPage';

const shots = '/tmp/shots-authoring';

// Adding a pack folder and scanning in two colour schemes takes a while on a loaded machine.
test.describe.configure({ timeout: 180_000 });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`a JavaScript artifact of a user pack is highlighted, numbered and marked at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    // One axe scan (20-45 s under load) after adding a pack folder.
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    const rubrics = new RubricsPage(page);
    await rubrics.openLibrary();
    await rubrics.addPackFolder('tests/fixtures/packs/frontend-engineer');
    await rubrics.openPack('Frontend Engineer');
    await rubrics.openTab('Exercises');
    await rubrics.openExercise('Search box and release pipeline review');

    const code = rubrics.codeView('exercises/artifacts/SearchBox.jsx');
    await expect(code).toHaveAttribute('data-language', 'javascript');
    await expect(code.locator('.hljs-keyword').first()).toBeVisible();
    const lines = rubrics.codeLines(code);
    await expect(lines).toHaveCount(22);
    await expect(lines.nth(0)).toContainText(/^1\S/);

    await rubrics.chooseDefect(await page.locator('.catalogue-defect-title').first().innerText());
    await expect(code.locator('[data-highlighted="true"]').first()).toBeVisible();
    // Colours come from classes (the CSP allows no inline styles): the keyword is not the text colour.
    const keywordColour = await code.locator('.hljs-keyword').first().evaluate((el) => getComputedStyle(el).color);
    const textColour = await code.evaluate((el) => getComputedStyle(el).color);
    expect(keywordColour).not.toBe(textColour);
    await page.screenshot({ path: `${shots}/artifact-js-${viewport.width}x${viewport.height}.png` });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const scan = await new AxeBuilder({ page }).include('.code-view').analyze();
      expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    }
    await page.screenshot({ path: `${shots}/artifact-js-dark-${viewport.width}x${viewport.height}.png` });
  });
}

test('the built-in Terraform module is highlighted as HCL', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.openPack('Staff DevOps Engineer');
  await rubrics.openTab('Exercises');
  await page.getByRole('navigation', { name: 'Exercises' }).getByRole('link', { name: /Terraform/ }).click();
  const code = page.locator('[data-language="hcl"]').first();
  await expect(code.locator('.hljs-keyword', { hasText: 'resource' }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/artifact-hcl-1280x800.png` });
});
