/**
 * Loads rubric packs from their source files: YAML parsed with positions, each file checked
 * against the schema its `kind` names, the files of a pack cross-checked, the content hashed.
 * Input is plain `{ path, text }` pairs, so the same loader runs in the CLI (files from disk), the
 * app (bundled files) and tests (files in memory).
 */
import type { z } from 'zod';
import { rubricPackCrossCheck, type RubricLocated, type RubricPackParts } from './crossCheck';
import { rubricPackHash } from './hash';
import { rubricIssuesSort, rubricKnownNamesHint, type RubricIssue, type RubricResult } from './issues';
import {
  dimensionsFileSchema,
  exerciseFileSchema,
  kitFileSchema,
  ladderFileSchema,
  packManifestSchema,
  scenarioFileSchema,
  signalsFileSchema,
  type RubricPack,
} from './schema';
import { practiceCrossCheck } from '../practice/practiceCheck';
import { practiceCaseFileSchema } from './practiceSchema';
import { rubricSchemaCheck } from './schemaCheck';
import { rubricIssueAt, rubricTextNormalize, rubricYamlParse, type RubricYamlFile } from './yamlSource';

/** One file of a rubrics tree; `path` is relative to the rubrics root, e.g. `staff-devops/ladder.yaml`. */
export interface RubricSourceFile {
  path: string;
  text: string;
}

export type { RubricIssue } from './issues';
export type RubricLoadResult = RubricResult<RubricPack>;

/** Every pack found in a rubrics tree, and the problems of those that failed. */
export interface RubricPacksLoadResult {
  packs: RubricPack[];
  /** The folder (first path segment) each loaded pack came from, by pack id. */
  packDirs: Record<string, string>;
  errors: Array<{ packDir: string; issues: RubricIssue[] }>;
}

const fileSchemas = {
  pack: packManifestSchema,
  ladder: ladderFileSchema,
  dimensions: dimensionsFileSchema,
  signals: signalsFileSchema,
  kit: kitFileSchema,
  exercise: exerciseFileSchema,
  scenario: scenarioFileSchema,
  practice: practiceCaseFileSchema,
} as const;

type RubricKind = keyof typeof fileSchemas;
const rubricKinds = Object.keys(fileSchemas) as RubricKind[];

/** Where each required file kind is conventionally created, for "missing file" messages. */
const conventionalFile: Partial<Record<RubricKind, string>> = {
  pack: 'pack.yaml',
  ladder: 'ladder.yaml',
  dimensions: 'dimensions.yaml',
  signals: 'signals.yaml',
};

const isYamlPath = (path: string) => /\.ya?ml$/i.test(path);

function pathNormalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

function firstSegment(path: string): string | undefined {
  const slash = path.indexOf('/');
  return slash > 0 ? path.slice(0, slash) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Artifact paths an exercise names, read before the exercise is validated (to classify YAML artifacts). */
function artifactPathsNamed(value: unknown): string[] {
  if (!isPlainObject(value) || value.kind !== 'exercise' || !Array.isArray(value.artifacts)) return [];
  return value.artifacts.flatMap((a) => (isPlainObject(a) && typeof a.file === 'string' ? [pathNormalize(a.file)] : []));
}

interface Checked<K extends RubricKind> {
  kind: K;
  located: RubricLocated<z.output<(typeof fileSchemas)[K]>>;
}

/**
 * Loads one pack from its files (paths relative to the rubrics root, all in the same pack folder,
 * e.g. `staff-devops/...`; paths without a folder are taken as relative to the pack folder itself).
 *
 * Every `.yaml`/`.yml` file is a rubric file recognised by its `kind` — except a YAML file an
 * exercise names in `artifacts[].file`, which is an artifact. Other files are artifacts. The pack
 * needs exactly one `kind: pack` manifest, one ladder, one dimensions file and at least one signals
 * file (several are merged in path order). The result is the cross-checked {@link RubricPack}, or
 * every problem found, each with file, line and column. Never throws on bad input.
 */
export function rubricPackLoad(files: RubricSourceFile[]): RubricLoadResult {
  const normalized = files
    .map((f) => ({ path: pathNormalize(f.path), text: rubricTextNormalize(f.text) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const folders = new Set(normalized.map((f) => firstSegment(f.path)));
  const packDir = folders.size === 1 ? [...folders][0] : undefined;
  if (folders.size > 1 && !folders.has(undefined)) {
    return {
      ok: false,
      issues: [
        {
          file: normalized[0]?.path ?? '',
          line: 1,
          column: 1,
          path: '',
          message: `these files belong to more than one pack folder (${[...folders].join(', ')}); load them with rubricPacksLoad`,
        },
      ],
    };
  }
  const prefix = packDir === undefined ? '' : `${packDir}/`;
  const packRelative = (path: string) => path.slice(prefix.length);

  const issues: RubricIssue[] = [];
  const parsed = normalized.filter((f) => isYamlPath(f.path)).map((f) => ({ source: f, yaml: rubricYamlParse(f.path, f.text) }));
  const artifactPaths = new Set(parsed.flatMap((p) => artifactPathsNamed(p.yaml.value)));

  const packFiles: Record<string, string> = {};
  for (const f of normalized) {
    const rel = packRelative(f.path);
    if (!isYamlPath(f.path) || artifactPaths.has(rel)) packFiles[rel] = f.text;
  }

  const checked: Array<Checked<RubricKind>> = [];
  const unverifiedIds = { signal: new Set<string>(), kit: new Set<string>(), exercise: new Set<string>(), scenario: new Set<string>() };
  const rubricSources: RubricSourceFile[] = [];
  for (const { source, yaml } of parsed) {
    const rel = packRelative(source.path);
    if (artifactPaths.has(rel)) continue;
    rubricSources.push({ path: rel, text: source.text });
    if (yaml.issues.length > 0) {
      issues.push(...yaml.issues);
      const partial = yaml.value;
      if (isPlainObject(partial) && rubricKinds.includes(partial.kind as RubricKind)) noteUnverifiedIds(partial.kind as RubricKind, partial, unverifiedIds);
      continue;
    }
    const kind = fileKind(yaml, issues);
    if (!kind) continue;
    const result = rubricSchemaCheck(yaml, fileSchemas[kind]);
    if (!result.ok) {
      issues.push(...result.issues);
      noteUnverifiedIds(kind, yaml.value, unverifiedIds);
    } else checked.push({ kind, located: { yaml, value: result.value } } as Checked<RubricKind>);
  }

  const ofKind = <K extends RubricKind>(kind: K) =>
    checked.filter((c): c is Checked<K> => c.kind === kind).map((c) => c.located as Checked<K>['located']);

  // How many files of each kind: counted over files whose `kind` was readable, valid or not.
  const kindsSeen = new Map<RubricKind, RubricYamlFile[]>();
  for (const { yaml } of parsed) {
    const value = yaml.value;
    if (!artifactPaths.has(packRelative(yaml.file)) && isPlainObject(value) && rubricKinds.includes(value.kind as RubricKind)) {
      const kind = value.kind as RubricKind;
      const seen = kindsSeen.get(kind);
      if (seen) seen.push(yaml);
      else kindsSeen.set(kind, [yaml]);
    }
  }
  for (const kind of ['pack', 'ladder', 'dimensions'] as const) {
    const seen = kindsSeen.get(kind) ?? [];
    for (const extra of seen.slice(1)) {
      issues.push(
        rubricIssueAt(extra, ['kind'], `a pack has exactly one "kind: ${kind}" file and ${seen[0]!.file} is already one; merge the two files`),
      );
    }
  }
  // A file whose YAML is too broken to show its kind might be the missing one: say nothing then.
  const isAnyKindUnreadable = parsed.some(
    ({ yaml }) => yaml.issues.length > 0 && !artifactPaths.has(packRelative(yaml.file)) && !(isPlainObject(yaml.value) && typeof yaml.value.kind === 'string'),
  );
  for (const kind of ['pack', 'ladder', 'dimensions', 'signals'] as const) {
    if ((kindsSeen.get(kind) ?? []).length === 0 && !isAnyKindUnreadable) {
      issues.push({
        file: `${prefix}${conventionalFile[kind]}`,
        line: 1,
        column: 1,
        path: '',
        message: `the pack has no "kind: ${kind}" file; create ${conventionalFile[kind]} (see docs/rubric-authoring.md)`,
      });
    }
  }

  const [manifest] = ofKind('pack');
  const [ladder] = ofKind('ladder');
  const [dimensions] = ofKind('dimensions');
  if (manifest && ladder && dimensions && ofKind('signals').length > 0) {
    const parts: RubricPackParts = {
      manifest,
      ladder,
      dimensions,
      signals: ofKind('signals'),
      kits: ofKind('kit'),
      exercises: ofKind('exercise'),
      scenarios: ofKind('scenario'),
      packFiles,
      unverifiedIds,
    };
    issues.push(...rubricPackCrossCheck(parts));
    const practice = ofKind('practice');
    issues.push(
      ...practiceCrossCheck(practice, {
        levels: ladder.value.levels,
        dimensions: dimensions.value.dimensions,
        signals: parts.signals.flatMap((s) => s.value.signals),
        kits: parts.kits.map((k) => k.value),
        exercises: parts.exercises.map((e) => e.value),
      }),
    );
    if (issues.length === 0) {
      // Practice cases never feed a report, so they leave the hash that reports pin unchanged.
      const practicePaths = new Set(practice.map((p) => packRelative(p.yaml.file)));
      const artifactText: Record<string, string> = {};
      const usedArtifacts: RubricSourceFile[] = [];
      for (const exercise of parts.exercises) {
        if (exercise.value.format !== 'artifact-review') continue;
        for (const artifact of exercise.value.artifacts) {
          const text = packFiles[artifact.file]!;
          artifactText[artifact.id] = text;
          usedArtifacts.push({ path: artifact.file, text });
        }
      }
      const uniqueArtifacts = [...new Map(usedArtifacts.map((a) => [a.path, a])).values()];
      return {
        ok: true,
        value: {
          manifest: manifest.value,
          hash: rubricPackHash([...rubricSources.filter((s) => !practicePaths.has(s.path)), ...uniqueArtifacts]),
          levels: ladder.value.levels,
          probes: ladder.value.probes,
          dimensions: dimensions.value.dimensions,
          signals: parts.signals.flatMap((s) => s.value.signals),
          kits: parts.kits.map((k) => k.value),
          exercises: parts.exercises.map((e) => e.value),
          artifactText,
          scenarios: parts.scenarios.map((s) => s.value),
          practiceCases: practice.map((p) => p.value),
        },
      };
    }
  }
  return { ok: false, issues: rubricIssuesSort(issues) };
}

/** Remembers the ids a file that failed its schema check declares, so references to them are not reported twice. */
function noteUnverifiedIds(kind: RubricKind, value: unknown, into: Record<'signal' | 'kit' | 'exercise' | 'scenario', Set<string>>): void {
  if (!isPlainObject(value)) return;
  if (kind === 'signals' && Array.isArray(value.signals)) {
    for (const signal of value.signals) if (isPlainObject(signal) && typeof signal.id === 'string') into.signal.add(signal.id);
  } else if ((kind === 'kit' || kind === 'exercise' || kind === 'scenario') && typeof value.id === 'string') {
    into[kind].add(value.id);
  }
}

function fileKind(yaml: RubricYamlFile, issues: RubricIssue[]): RubricKind | undefined {
  const value = yaml.value;
  const kinds = rubricKinds.join(', ');
  if (value === null || value === undefined) {
    issues.push(rubricIssueAt(yaml, [], `the file is empty; a rubric file starts with "kind:" (one of ${kinds})`));
    return undefined;
  }
  if (!isPlainObject(value)) {
    issues.push(rubricIssueAt(yaml, [], `a rubric file is a mapping of fields starting with "kind:" (one of ${kinds}), not ${Array.isArray(value) ? 'a list' : 'a single value'}`));
    return undefined;
  }
  if (!('kind' in value)) {
    issues.push(
      rubricIssueAt(
        yaml,
        [],
        `missing required field "kind" — one of ${kinds}. (A YAML artifact must be named in an exercise's artifacts[].file.)`,
      ),
    );
    return undefined;
  }
  if (typeof value.kind !== 'string' || !rubricKinds.includes(value.kind as RubricKind)) {
    const found = typeof value.kind === 'string' ? value.kind : String(value.kind);
    issues.push(rubricIssueAt(yaml, ['kind'], `unknown kind "${found}"${rubricKnownNamesHint(found, rubricKinds, 'kinds')}`));
    return undefined;
  }
  return value.kind as RubricKind;
}

/**
 * Loads every pack of a rubrics tree. Files are grouped by their first folder (`<pack-dir>/…`);
 * each group loads on its own, so one broken pack never hides the others. YAML files directly in
 * the root are reported (a rubric file belongs in a pack folder); other root files are ignored.
 * Two folders declaring the same pack id are an error for the second one.
 */
export function rubricPacksLoad(files: RubricSourceFile[]): RubricPacksLoadResult {
  const groups = new Map<string, RubricSourceFile[]>();
  const errors: RubricPacksLoadResult['errors'] = [];
  const strays: RubricIssue[] = [];
  for (const file of files) {
    const path = pathNormalize(file.path);
    const dir = firstSegment(path);
    if (dir === undefined) {
      if (isYamlPath(path)) {
        strays.push({ file: path, line: 1, column: 1, path: '', message: 'rubric files belong in a pack folder (rubrics/<pack-id>/…); move this file into one' });
      }
      continue;
    }
    const group = groups.get(dir);
    if (group) group.push({ path, text: file.text });
    else groups.set(dir, [{ path, text: file.text }]);
  }
  if (strays.length > 0) errors.push({ packDir: '.', issues: strays });

  const packs: RubricPack[] = [];
  const packDirById = new Map<string, string>();
  for (const [packDir, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const result = rubricPackLoad(group);
    if (!result.ok) {
      errors.push({ packDir, issues: result.issues });
      continue;
    }
    const other = packDirById.get(result.value.manifest.id);
    if (other !== undefined) {
      const manifestYaml = group
        .filter((f) => isYamlPath(f.path))
        .map((f) => rubricYamlParse(f.path, rubricTextNormalize(f.text)))
        .find((y) => isPlainObject(y.value) && y.value.kind === 'pack');
      const yaml = manifestYaml ?? rubricYamlParse(`${packDir}/pack.yaml`, '');
      errors.push({
        packDir,
        issues: [rubricIssueAt(yaml, ['id'], `pack id "${result.value.manifest.id}" is already used by the pack in ${other}/; pack ids must be unique`)],
      });
      continue;
    }
    packDirById.set(result.value.manifest.id, packDir);
    packs.push(result.value);
  }
  return { packs, packDirs: Object.fromEntries(packDirById), errors };
}
