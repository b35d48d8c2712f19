/**
 * Practice cases checked against the rest of their pack: the kit and its sections, every key
 * rating a point of its dimension's scale (or "no evidence") on a dimension the kit rates, the
 * anchor example it names, every signal known, every finding a planted defect of an exercise, the
 * levels named. Each problem is one issue at the file, line and column of the field.
 */
import type { RubricLocated } from '../rubric/crossCheck';
import { rubricKnownNamesHint, type RubricIssue } from '../rubric/issues';
import type { PracticeCase } from '../rubric/practiceSchema';
import type { Dimension, Exercise, Kit, Level, Signal } from '../rubric/schema';
import { rubricIssueAt } from '../rubric/yamlSource';

export interface PracticeCheckPack {
  levels: readonly Level[];
  dimensions: readonly Dimension[];
  signals: readonly Signal[];
  kits: readonly Kit[];
  exercises: readonly Exercise[];
}

export function practiceCrossCheck(
  cases: ReadonlyArray<RubricLocated<PracticeCase>>,
  pack: PracticeCheckPack,
): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const seen = new Map<string, string>();
  for (const located of cases) {
    const { yaml, value } = located;
    const at = (path: Array<string | number>, message: string) => issues.push(rubricIssueAt(yaml, path, message));
    const other = seen.get(value.id);
    if (other !== undefined) at(['id'], `practice case id "${value.id}" is already used in ${other}`);
    else seen.set(value.id, yaml.file);
    const levelIds = pack.levels.map((l) => l.id);
    if (!levelIds.includes(value.candidate.targetLevel)) {
      at(
        ['candidate', 'targetLevel'],
        `unknown level "${value.candidate.targetLevel}"${rubricKnownNamesHint(value.candidate.targetLevel, levelIds, 'levels')}`,
      );
    }
    if (!levelIds.includes(value.key.level)) {
      at(
        ['key', 'level'],
        `unknown level "${value.key.level}"${rubricKnownNamesHint(value.key.level, levelIds, 'levels')}`,
      );
    }
    const kit = pack.kits.find((k) => k.id === value.kit);
    if (!kit) {
      const kitIds = pack.kits.map((k) => k.id);
      at(['kit'], `unknown kit "${value.kit}"${rubricKnownNamesHint(value.kit, kitIds, 'kits')}`);
    } else {
      checkSections(value, kit, at);
      checkKey(value, kit, pack, at);
    }
    checkFindings(value, pack, at);
    const signalIds = pack.signals.map((s) => s.id);
    value.key.signals.forEach((id, i) => {
      if (!signalIds.includes(id))
        at(['key', 'signals', i], `unknown signal "${id}"${rubricKnownNamesHint(id, signalIds, 'signals')}`);
    });
  }
  return issues;
}

type At = (path: Array<string | number>, message: string) => void;

function checkSections(value: PracticeCase, kit: Kit, at: At): void {
  const sectionIds = kit.sections.map((s) => s.id);
  value.candidate.sections.forEach((s, i) => {
    if (!sectionIds.includes(s.section)) {
      at(
        ['candidate', 'sections', i, 'section'],
        `kit "${kit.id}" has no section "${s.section}"${rubricKnownNamesHint(s.section, sectionIds, 'sections')}`,
      );
    }
  });
}

function checkKey(value: PracticeCase, kit: Kit, pack: PracticeCheckPack, at: At): void {
  const rated = new Set<string>();
  value.key.ratings.forEach((r, i) => {
    const path = ['key', 'ratings', i];
    if (rated.has(r.dimension)) at([...path, 'dimension'], `the key rates "${r.dimension}" twice`);
    rated.add(r.dimension);
    const dimension = pack.dimensions.find((d) => d.id === r.dimension);
    if (!dimension) {
      at(
        [...path, 'dimension'],
        `unknown dimension "${r.dimension}"${rubricKnownNamesHint(
          r.dimension,
          pack.dimensions.map((d) => d.id),
          'dimensions',
        )}`,
      );
      return;
    }
    if (!kit.dimensions.includes(r.dimension)) {
      at(
        [...path, 'dimension'],
        `kit "${kit.id}" does not rate "${r.dimension}" (it rates ${kit.dimensions.join(', ')})`,
      );
    }
    if (r.rating === 'no-evidence') {
      if (r.example !== undefined) at([...path, 'example'], 'a "no-evidence" key names no anchor example');
      return;
    }
    const scale = dimension.anchors.map((a) => a.score);
    const anchor = dimension.anchors.find((a) => a.score === r.rating);
    if (!anchor) {
      at(
        [...path, 'rating'],
        `${r.rating} is not on the scale of "${r.dimension}" (${scale.join(', ')}, or no-evidence)`,
      );
      return;
    }
    if (r.example !== undefined && r.example > anchor.examples.length) {
      at(
        [...path, 'example'],
        `anchor ${anchor.score} of "${r.dimension}" has ${anchor.examples.length} examples; example ${r.example} does not exist`,
      );
    }
  });
  for (const dimensionId of kit.dimensions) {
    if (!rated.has(dimensionId))
      at(
        ['key', 'ratings'],
        `the key has no rating for "${dimensionId}", which kit "${kit.id}" rates (use rating: no-evidence if none applies)`,
      );
  }
}

function checkFindings(value: PracticeCase, pack: PracticeCheckPack, at: At): void {
  value.candidate.findings.forEach((f, i) => {
    const exercise = pack.exercises.find((e) => e.id === f.exercise);
    if (!exercise || exercise.format !== 'artifact-review') {
      const reviews = pack.exercises.filter((e) => e.format === 'artifact-review').map((e) => e.id);
      at(
        ['candidate', 'findings', i, 'exercise'],
        `"${f.exercise}" is not an artifact-review exercise of this pack${rubricKnownNamesHint(f.exercise, reviews, 'artifact reviews')}`,
      );
      return;
    }
    const defectIds = exercise.defects.map((d) => d.id);
    if (!defectIds.includes(f.defect)) {
      at(
        ['candidate', 'findings', i, 'defect'],
        `exercise "${exercise.id}" has no planted defect "${f.defect}"${rubricKnownNamesHint(f.defect, defectIds, 'defects')}`,
      );
    }
  });
}
