import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliMain } from '../../../src/cli/index';
import { RUBRIC_MAX_FILE_BYTES } from '../../../src/cli/rubricFiles';
import { rubricJsonSchemaText } from '../../../src/core/rubric/jsonSchema';

const repoRoot = join(import.meta.dirname, '../../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // Like src/cli/main.ts: a newline is added only when the text lacks one.
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const code = await cliMain(argv, { out: (t) => (out += line(t)), err: (t) => (err += line(t)), cwd: repoRoot });
  return { code, out, err };
}

describe('loopdesk validate --json', () => {
  it('reports the fixture pack with the documented shape and exits 0', async () => {
    const { code, out, err } = await run('validate', 'tests/fixtures/packs', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['packs', 'errors']);
    expect(report.errors).toEqual([]);
    expect(report.packs).toEqual([
      {
        id: 'frontend-engineer',
        version: '1.0.0',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        dimensions: 3,
        signals: { strong: 3, weak: 2, redFlag: 2 },
        levels: 5,
        kits: 3,
        exercises: [
          { id: 'component-review', defects: 5 },
          { id: 'performance-budget', defects: 0 },
        ],
        scenarios: 1,
      },
    ]);
  });

  it('gives the same hash for a pack folder as for its rubrics root', async () => {
    const root = JSON.parse((await run('validate', 'tests/fixtures/packs', '--json')).out);
    const single = JSON.parse((await run('validate', 'tests/fixtures/packs/frontend-engineer', '--json')).out);
    expect(single.packs[0].hash).toBe(root.packs[0].hash);
  });

  it('lists each error with file, line, column, path and message, and exits 1', async () => {
    const { code, out } = await run('validate', 'tests/fixtures/packs-broken', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      packs: [],
      errors: [
        {
          file: join('tests/fixtures/packs-broken', 'broken-pack/kits/incident-debrief.yaml'),
          line: 22,
          column: 18,
          path: 'sections[0].dimensions[0]',
          message: 'unknown dimension "incident-respons" — did you mean "incident-response"? Known: incident-response, automation',
        },
      ],
    });
  });

  it('answers JSON even when the folder does not exist', async () => {
    const { code, out } = await run('validate', 'no/such/dir', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).errors[0].message).toContain('is not a folder');
  });
});

describe('loopdesk validate (text)', () => {
  it('prints each pack with id, version, short hash and counts', async () => {
    const { code, out } = await run('validate', 'tests/fixtures/packs');
    expect(code).toBe(0);
    expect(out).toMatch(/^ok {2}frontend-engineer 1\.0\.0 {2}[0-9a-f]{12}$/m);
    expect(out).toContain('5 levels, 3 dimensions, 7 signals (3 strong, 2 weak, 2 red-flag), 3 kits, 2 exercises (5 planted defects), 1 scenario');
  });

  it('prints errors as file:line:column path: message and exits 1', async () => {
    const { code, out } = await run('validate', 'tests/fixtures/packs-broken/broken-pack');
    expect(code).toBe(1);
    expect(out).toContain('FAIL broken-pack: 1 problem');
    expect(out).toContain(
      `${join('tests/fixtures/packs-broken/broken-pack', 'kits/incident-debrief.yaml')}:22:18 sections[0].dimensions[0]: unknown dimension "incident-respons"`,
    );
    expect(out).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('explains its usage when the folder is missing', async () => {
    const { code, err } = await run('validate');
    expect(code).toBe(2);
    expect(err).toContain('Usage: loopdesk validate <dir> [--json]');
  });
});

describe('reading rubric folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loopdesk-validate-'));
    cpSync(join(repoRoot, 'tests/fixtures/packs/frontend-engineer'), join(dir, 'frontend-engineer'), { recursive: true });
    cpSync(join(repoRoot, 'tests/fixtures/packs/frontend-engineer'), join(dir, 'huge'), { recursive: true });
    writeFileSync(join(dir, 'huge/pack.yaml'), readFileSync(join(dir, 'huge/pack.yaml'), 'utf8').replace('id: frontend-engineer', 'id: huge'));
    writeFileSync(join(dir, 'huge/exercises/artifacts/SearchBox.jsx'), 'x'.repeat(RUBRIC_MAX_FILE_BYTES + 1));
    // Editor and VCS droppings are skipped, not read as rubric files.
    writeFileSync(join(dir, 'frontend-engineer/.draft.yaml'), 'not: [valid');
    mkdirSync(join(dir, 'frontend-engineer/node_modules'));
    writeFileSync(join(dir, 'frontend-engineer/node_modules/x.yaml'), 'not: [valid');
    writeFileSync(join(dir, 'rubric.schema.json'), '{}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips dotfiles and node_modules, and refuses files over the size cap without reading them', async () => {
    const { code, out } = await run('validate', dir, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.packs.map((p: { id: string }) => p.id)).toEqual(['frontend-engineer']);
    expect(report.errors).toEqual([
      {
        file: join(dir, 'huge/exercises/artifacts/SearchBox.jsx'),
        line: 1,
        column: 1,
        path: '',
        message: 'the file is larger than 2 MiB, the limit for a rubric file or artifact; it was not read',
      },
      expect.objectContaining({ file: join(dir, 'huge/exercises/component-review.yaml'), path: 'artifacts[0].file' }),
    ]);
  });
});

describe('loopdesk schema', () => {
  it('prints the JSON Schema exactly as committed to rubrics/rubric.schema.json', async () => {
    const { code, out } = await run('schema');
    expect(code).toBe(0);
    expect(out).toBe(rubricJsonSchemaText());
    expect(JSON.parse(out).$id).toBe('urn:loopdesk:rubric-pack-file');
  });

  it('--out writes the schema beside a pack kept in any folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-schema-'));
    const target = join(dir, 'rubric.schema.json');
    const { code, out } = await run('schema', '--out', target);
    expect(code).toBe(0);
    expect(out).toContain(`Wrote the rubric JSON Schema to ${target}`);
    expect(readFileSync(target, 'utf8')).toBe(rubricJsonSchemaText());
    expect((await run('schema', '--out', join(dir, 'no/such/dir/x.json'))).code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('exemplar promises', () => {
  const fixture = join(repoRoot, 'tests/fixtures/packs/frontend-engineer');
  const scenarioFile = 'scenarios/blank-page-release.yaml';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loopdesk-exemplars-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the fixture pack with its scenario's exemplar block replaced. */
  function packWithExemplars(name: string, exemplars: string): string {
    const pack = join(dir, name);
    cpSync(fixture, pack, { recursive: true });
    const text = readFileSync(join(pack, scenarioFile), 'utf8');
    const start = text.indexOf('exemplars:');
    writeFileSync(join(pack, scenarioFile), `${text.slice(0, start)}${exemplars}`);
    return pack;
  }

  const lineOf = (path: string, needle: string) => readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('fails a strong exemplar that misses a milestone and takes an anti-action, at the exemplar', async () => {
    const pack = packWithExemplars(
      'strong-broken',
      `exemplars:
  strong:
    - { at: "01:30", action: check-releases }
    - { at: "02:00", action: hot-patch-cdn }
    - { at: "02:30", action: roll-back }
  weak:
    - { at: "06:00", action: hot-patch-cdn }
`,
    );
    const { code, out } = await run('validate', pack, '--json');
    expect(code).toBe(1);
    const file = join(pack, scenarioFile);
    const errors = JSON.parse(out).errors as Array<{ file: string; line: number; path: string; message: string }>;
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        line: lineOf(file, '  strong:') + 1,
        path: 'exemplars.strong',
        message: expect.stringContaining('the strong exemplar never reaches milestone "communicated" (target 08:00)'),
      }),
      expect.objectContaining({
        file,
        line: lineOf(file, 'action: hot-patch-cdn }'),
        path: 'exemplars.strong[1]',
        message: expect.stringContaining('raises red flag "hot-patches-production" at 02:00 by taking anti-action "hot-patch-cdn"'),
      }),
    ]);
  });

  it('fails a weak exemplar copied from the strong one: it shows nothing weak', async () => {
    const strong = `    - { at: "01:30", action: check-releases }
    - { at: "02:30", action: roll-back }
    - { at: "04:30", action: post-update }
`;
    const pack = packWithExemplars('weak-copied', `exemplars:\n  strong:\n${strong}  weak:\n${strong}`);
    const { code, out } = await run('validate', pack, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).errors).toEqual([
      expect.objectContaining({ path: 'exemplars.weak', message: expect.stringContaining('the weak exemplar meets every milestone and raises no red flag') }),
    ]);
  });

  it('simulate --exemplar strong exits 1 and names the broken promise when the strong run misses', async () => {
    const pack = packWithExemplars(
      'simulate-broken',
      `exemplars:
  strong:
    - { at: "01:30", action: check-releases }
    - { at: "09:00", action: post-update }
  weak:
    - { at: "06:00", action: hot-patch-cdn }
`,
    );
    const { code, out, err } = await run('simulate', join(pack, scenarioFile), '--exemplar', 'strong');
    expect(code).toBe(1);
    expect(JSON.parse(out).scenario).toBe('blank-page-release'); // the outcome is still printed
    expect(err).toContain('exemplars.strong: the strong exemplar reaches milestone "communicated" late (at 09:00, target 08:00)');
    expect(err).toContain('never reaches milestone "mitigated"');
    expect((await run('simulate', join(fixture, scenarioFile), '--exemplar', 'strong')).code).toBe(0);
  });
});
