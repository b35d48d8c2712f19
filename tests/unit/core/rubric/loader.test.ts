import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rubricPackLoad, rubricPacksLoad } from '../../../../src/core/rubric/loader';
import {
  rubricDimension,
  rubricKit,
  rubricLevelIndex,
  rubricSignalsFor,
} from '../../../../src/core/rubric/lookup';
import { asFiles, authoringGuideFiles, filesUnder, miniPack, repoRoot } from './rubricTestKit';

const frontendFiles = () => filesUnder(join(repoRoot, 'tests/fixtures/packs'));

describe('rubricPackLoad', () => {
  it('loads the frontend-engineer fixture pack with every file kind', () => {
    const result = rubricPackLoad(frontendFiles());
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    const pack = result.value;
    expect(pack.manifest).toMatchObject({ id: 'frontend-engineer', version: '1.0.0', role: 'Frontend Engineer' });
    expect(pack.levels.map((l) => l.id)).toEqual(['junior', 'mid', 'senior', 'staff', 'principal']);
    expect(pack.dimensions.map((d) => d.id)).toEqual(['component-architecture', 'web-performance', 'accessibility']);
    // Two signals files, merged in path order (concerns.yaml before strengths.yaml).
    expect(pack.signals.map((s) => s.id)).toEqual([
      'prop-drilling',
      'library-for-everything',
      'dismisses-accessibility',
      'hot-patches-production',
      'measures-before-optimising',
      'keyboard-first-testing',
      'rolls-back-fast',
    ]);
    expect(pack.kits.map((k) => k.id).sort()).toEqual(['component-review', 'incident-drill', 'performance-design']);
    expect(pack.exercises.map((e) => [e.id, e.format])).toEqual([
      ['component-review', 'artifact-review'],
      ['performance-budget', 'case-study'],
    ]);
    expect(pack.scenarios.map((s) => s.id)).toEqual(['blank-page-release']);
    expect(pack.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats a YAML file named by an exercise as an artifact, not a rubric file', () => {
    const result = rubricPackLoad(frontendFiles());
    if (!result.ok) throw new Error('fixture pack should load');
    expect(result.value.artifactText['release-pipeline']).toContain('aws s3 sync dist/');
    expect(result.value.artifactText['search-box']).toContain('export function SearchBox');
  });

  it('applies schema defaults, so consumers never see a missing list', () => {
    const result = rubricPackLoad(frontendFiles());
    if (!result.ok) throw new Error('fixture pack should load');
    const wrapUp = result.value.kits.find((k) => k.id === 'component-review')!.sections.find((s) => s.id === 'wrap-up')!;
    expect(wrapUp.questions).toEqual([]);
    expect(wrapUp.dimensions).toEqual([]);
    expect(result.value.signals.find((s) => s.id === 'dismisses-accessibility')!.category).toBe('blueprint');
  });

  it('validates the complete minimal pack written in docs/rubric-authoring.md', () => {
    const files = authoringGuideFiles();
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['example-sre/pack.yaml', 'example-sre/ladder.yaml', 'example-sre/dimensions.yaml', 'example-sre/signals.yaml']),
    );
    const result = rubricPackLoad(files);
    if (!result.ok) throw new Error(`the guide's example pack is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
    expect(result.value.manifest.id).toBe('example-sre');
    expect(result.value.exercises).toHaveLength(1);
  });

  it('accepts pack-relative paths (no pack folder) the same way', () => {
    const files = asFiles(miniPack()).map((f) => ({ ...f, path: f.path.replace(/^mini\//, '') }));
    const result = rubricPackLoad(files);
    expect(result.ok).toBe(true);
  });

  it('accepts Windows separators in paths', () => {
    const files = asFiles(miniPack()).map((f) => ({ ...f, path: f.path.replace(/\//g, '\\') }));
    const result = rubricPackLoad(files);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.artifactText['build-log']).toContain('step 2 FAIL');
  });

  it('refuses files from two pack folders and says which function to use', () => {
    const files = [...asFiles(miniPack()), { path: 'other/pack.yaml', text: 'kind: pack\n' }];
    const result = rubricPackLoad(files);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toContain('rubricPacksLoad');
  });
});

describe('rubricPacksLoad', () => {
  it('loads each pack folder on its own: one broken pack never hides the others', () => {
    const good = asFiles(miniPack());
    const broken = filesUnder(join(repoRoot, 'tests/fixtures/packs-broken'));
    const result = rubricPacksLoad([...broken, ...good, ...frontendFiles()]);
    expect(result.packs.map((p) => p.manifest.id)).toEqual(['frontend-engineer', 'mini']);
    expect(result.packDirs).toEqual({ 'frontend-engineer': 'frontend-engineer', mini: 'mini' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.packDir).toBe('broken-pack');
    expect(result.errors[0]!.issues).toEqual([
      {
        file: 'broken-pack/kits/incident-debrief.yaml',
        line: 22,
        column: 18,
        path: 'sections[0].dimensions[0]',
        message: 'unknown dimension "incident-respons" — did you mean "incident-response"? Known: incident-response, automation',
      },
    ]);
  });

  it('reports a second folder declaring an existing pack id, at its manifest id', () => {
    const copy = asFiles(miniPack()).map((f) => ({ ...f, path: f.path.replace(/^mini\//, 'mini-copy/') }));
    const result = rubricPacksLoad([...asFiles(miniPack()), ...copy]);
    expect(result.packs).toHaveLength(1);
    expect(result.errors).toEqual([
      {
        packDir: 'mini-copy',
        issues: [
          {
            file: 'mini-copy/pack.yaml',
            line: 2,
            column: 5,
            path: 'id',
            message: 'pack id "mini" is already used by the pack in mini/; pack ids must be unique',
          },
        ],
      },
    ]);
  });

  it('reports YAML files lying directly in the rubrics root and ignores other root files', () => {
    const result = rubricPacksLoad([...asFiles(miniPack()), { path: 'stray.yaml', text: 'kind: kit\n' }, { path: 'README.md', text: '# hi' }]);
    expect(result.packs).toHaveLength(1);
    expect(result.errors).toEqual([
      { packDir: '.', issues: [expect.objectContaining({ file: 'stray.yaml', line: 1, column: 1, message: expect.stringContaining('pack folder') })] },
    ]);
  });
});

describe('pack lookups', () => {
  const result = rubricPackLoad(frontendFiles());
  if (!result.ok) throw new Error('fixture pack should load');
  const pack = result.value;

  it('finds dimensions and kits by id, undefined for unknown ids', () => {
    expect(rubricDimension(pack, 'accessibility')?.title).toBe('Accessibility');
    expect(rubricDimension(pack, 'nope')).toBeUndefined();
    expect(rubricKit(pack, 'incident-drill')?.scenario).toBe('blank-page-release');
    expect(rubricKit(pack, 'nope')).toBeUndefined();
  });

  it('lists the signals linked to a dimension, every polarity', () => {
    expect(rubricSignalsFor(pack, 'accessibility').map((s) => [s.id, s.polarity])).toEqual([
      ['dismisses-accessibility', 'red-flag'],
      ['keyboard-first-testing', 'strong'],
    ]);
    expect(rubricSignalsFor(pack, 'nope')).toEqual([]);
  });

  it('orders levels lowest first and answers -1 for an unknown level', () => {
    expect(rubricLevelIndex(pack, 'junior')).toBe(0);
    expect(rubricLevelIndex(pack, 'staff')).toBe(3);
    expect(rubricLevelIndex(pack, 'wizard')).toBe(-1);
  });
});
