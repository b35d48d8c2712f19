import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { rubricPacksLoad, type RubricPacksLoadResult } from '../../src/core/rubric/loader';
import type { ArtifactReviewExercise } from '../../src/core/rubric/schema';
import { test, expect } from './fixtures';
import { RubricsPage } from './pages/RubricsPage';

/** Loads a folder of pack folders the way the app does, to know what the screens must show. */
function packsIn(root: string): RubricPacksLoadResult {
  const files: Array<{ path: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (name.startsWith('.') || name === 'rubric.schema.json') continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return rubricPacksLoad(files);
}

const builtIn = packsIn('rubrics');
const staffDevops = builtIn.packs.find((p) => p.manifest.id === 'staff-devops')!;

test('the library lists the built-in Staff DevOps pack with its version, hash and contents', async ({ page }) => {
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  const card = rubrics.packCard(staffDevops.manifest.title);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Built-in');
  await expect(card).toContainText(staffDevops.manifest.version);
  await expect(card).toContainText(staffDevops.hash.slice(0, 12));
  await expect(card).toContainText('10 dimensions');
  await expect(rubrics.loadErrors()).toHaveCount(0);
});

test('the pack browser shows the ten dimensions, each with its four anchors', async ({ page }) => {
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.openPack(staffDevops.manifest.title);
  await expect(rubrics.dimensionCards()).toHaveCount(10);
  for (const dimension of staffDevops.dimensions) {
    const anchors = rubrics.anchorsOf(rubrics.dimensionCard(dimension.title));
    await expect(anchors).toHaveCount(4);
    for (const [i, anchor] of dimension.anchors.entries()) {
      await expect(anchors.nth(i)).toContainText(`Score ${anchor.score}`);
      await expect(anchors.nth(i)).toContainText(anchor.label);
    }
  }
});

test('an artifact shows its lines numbered, and choosing a defect marks its lines', async ({ page }) => {
  const exercise = staffDevops.exercises.find((e): e is ArtifactReviewExercise => e.id === 'terraform-review')!;
  const artifact = exercise.artifacts[0]!;
  const defect = exercise.defects.find((d) => d.artifact === artifact.id)!;
  const [first, last] = defect.lines;
  const lines = staffDevops.artifactText[artifact.id]!.replace(/\n$/, '').split('\n');

  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.openPack(staffDevops.manifest.title);
  await rubrics.openTab('Exercises');
  await rubrics.openExercise(exercise.title);

  const code = rubrics.codeView(artifact.file);
  const codeLines = rubrics.codeLines(code);
  await expect(codeLines).toHaveCount(lines.length);
  await expect(codeLines.nth(first - 1)).toHaveText(`${first}${lines[first - 1] || '\u200b'}`);
  await expect(codeLines.nth(lines.length - 1)).toContainText(String(lines.length));

  await rubrics.chooseDefect(defect.title);
  await expect(codeLines.nth(first - 1)).toHaveAttribute('data-highlighted', 'true');
  await expect(codeLines.nth(last - 1)).toHaveAttribute('data-highlighted', 'true');
  await expect(codeLines.nth(last)).not.toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByText(defect.strongAnswer)).toBeVisible();
});

test('a pack for another role added from a folder appears in the library and survives a reload', async ({ page }) => {
  const fixture = packsIn('tests/fixtures/packs').packs[0]!;
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.addPackFolder(`tests/fixtures/packs/${fixture.manifest.id}`);

  const card = rubrics.packCard(fixture.manifest.title);
  await expect(card).toContainText('User');
  await expect(card).toContainText(fixture.manifest.role);
  await expect(card).toContainText(fixture.hash.slice(0, 12));
  await expect(rubrics.packCard(staffDevops.manifest.title)).toBeVisible();

  await page.reload();
  await rubrics.openPack(fixture.manifest.title);
  await expect(rubrics.dimensionCards()).toHaveCount(fixture.dimensions.length);
  for (const dimension of fixture.dimensions)
    await expect(rubrics.anchorsOf(rubrics.dimensionCard(dimension.title))).toHaveCount(4);
});

test('choosing a folder of pack folders adds each pack in it', async ({ page }) => {
  const fixtures = packsIn('tests/fixtures/packs').packs;
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.addPackFolder('tests/fixtures/packs');
  for (const pack of fixtures) await expect(rubrics.packCard(pack.manifest.title)).toContainText('User');
  await expect(rubrics.loadErrors()).toHaveCount(0);
});

test('a broken pack shows each problem with file:line:column while the built-in pack keeps working', async ({
  page,
}) => {
  const broken = packsIn('tests/fixtures/packs-broken');
  const [error] = broken.errors;
  expect(error, 'the broken fixture must fail to load').toBeDefined();

  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.addPackFolder(`tests/fixtures/packs-broken/${error!.packDir}`);

  const group = rubrics.loadError(error!.packDir);
  await expect(group).toBeVisible();
  for (const issue of error!.issues) {
    const text = `${issue.file}:${issue.line}:${issue.column}${issue.path ? ` ${issue.path}` : ''} — ${issue.message}`;
    await expect(group.getByRole('listitem').filter({ hasText: text })).toHaveCount(1);
  }

  await rubrics.openPack(staffDevops.manifest.title);
  await expect(rubrics.dimensionCards()).toHaveCount(10);

  await page.goBack();
  await rubrics.removePack(error!.packDir);
  await expect(rubrics.loadErrors()).toHaveCount(0);
});

test('removing a user pack asks once, naming it, and takes it out of the library', async ({ page }) => {
  const fixture = packsIn('tests/fixtures/packs').packs[0]!;
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  await rubrics.addPackFolder(`tests/fixtures/packs/${fixture.manifest.id}`);
  await expect(rubrics.packCard(fixture.manifest.title)).toBeVisible();

  await page.getByRole('button', { name: `Remove ${fixture.manifest.title}`, exact: true }).click();
  await page
    .getByRole('group', { name: `Confirm removing ${fixture.manifest.title}` })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(rubrics.packCard(fixture.manifest.title)).toBeVisible();

  await rubrics.removePack(fixture.manifest.title);
  await expect(rubrics.packCard(fixture.manifest.title)).toHaveCount(0);
  await expect(rubrics.packCard(staffDevops.manifest.title)).toBeVisible();
  await page.reload();
  await expect(rubrics.packCard(staffDevops.manifest.title)).toBeVisible();
  await expect(rubrics.packCard(fixture.manifest.title)).toHaveCount(0);
});

test('the library and every pack tab pass an accessibility scan', async ({ page }) => {
  // Seven axe scans: each takes 20-45 s on a loaded two-core machine.
  test.setTimeout(360_000);
  const rubrics = new RubricsPage(page);
  await rubrics.openLibrary();
  const scan = async (where: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  await scan('library');
  await rubrics.openPack(staffDevops.manifest.title);
  for (const tab of ['Dimensions', 'Ladder', 'Signals', 'Kits', 'Exercises', 'Scenarios'] as const) {
    await rubrics.openTab(tab);
    await scan(tab);
  }
});
