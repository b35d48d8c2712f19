/**
 * Checks that need more than one file: ids unique per kind, every reference resolving (a kit's
 * dimensions, a defect's artifact, a signal's level cap …), level expectations that match the
 * ladder and never drop on the way up, anchors in score order, defect lines inside their artifact.
 * Every issue still names the file, line and column of the offending node.
 */
import type { z } from 'zod';
import {
  incidentScenarioCrossCheck,
  incidentScenarioExemplarCheck,
  incidentScenarioOppositeRules,
  incidentScenarioSignalRefs,
} from '../incident/scenarioCrossCheck';
import { rubricKnownNamesHint, type RubricFieldPath, type RubricIssue } from './issues';
import type {
  Dimension,
  Exercise,
  Kit,
  PackManifest,
  dimensionsFileSchema,
  ladderFileSchema,
  scenarioFileSchema,
  signalsFileSchema,
} from './schema';
import { rubricIssueAt, type RubricYamlFile } from './yamlSource';

/** A schema-checked file together with its positions. */
export interface RubricLocated<T> {
  yaml: RubricYamlFile;
  value: T;
}

/** The schema-checked files of one pack, ready to be checked against each other. */
export interface RubricPackParts {
  manifest: RubricLocated<PackManifest>;
  ladder: RubricLocated<z.output<typeof ladderFileSchema>>;
  dimensions: RubricLocated<z.output<typeof dimensionsFileSchema>>;
  signals: Array<RubricLocated<z.output<typeof signalsFileSchema>>>;
  kits: Array<RubricLocated<Kit>>;
  exercises: Array<RubricLocated<Exercise>>;
  scenarios: Array<RubricLocated<z.output<typeof scenarioFileSchema>>>;
  /** Text of every non-rubric file of the pack (LF line ends), by path relative to the pack folder. */
  packFiles: Record<string, string>;
  /**
   * Ids declared by files that failed their schema check (already reported). References to them
   * are not reported again as unknown, so one broken file gives one set of problems.
   */
  unverifiedIds?: Partial<Record<'signal' | 'kit' | 'exercise' | 'scenario', ReadonlySet<string>>>;
}

interface Definition {
  yaml: RubricYamlFile;
  path: RubricFieldPath;
}

interface IdRegistry {
  add: (id: string, yaml: RubricYamlFile, path: RubricFieldPath) => void;
  /** True for a defined id, and for an id of a file that failed its own check (reported there). */
  has: (id: string) => boolean;
  known: () => string[];
}

/** Collects ids of one kind and reports the second definition of any id. */
function idRegistry(noun: string, issues: RubricIssue[], unverified: ReadonlySet<string> = new Set()): IdRegistry {
  const ids = new Map<string, Definition>();
  return {
    add(id, yaml, path) {
      const first = ids.get(id);
      if (!first) {
        ids.set(id, { yaml, path });
        return;
      }
      const where = first.yaml.locate(first.path);
      const place = first.yaml === yaml ? `line ${where.line}` : `${first.yaml.file}:${where.line}`;
      issues.push(rubricIssueAt(yaml, [...path, 'id'], `duplicate ${noun} id "${id}" (already defined at ${place}); ids must be unique`));
    },
    has: (id) => ids.has(id) || unverified.has(id),
    known: () => [...ids.keys()],
  };
}

/** Line count as an editor shows it: a final newline does not start another line. */
export function rubricArtifactLineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/**
 * Cross-checks the files of one pack. Returns no issues when every reference resolves and the
 * ladder, anchors and artifacts agree; see the module comment for the full list.
 */
export function rubricPackCrossCheck(parts: RubricPackParts): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const at = (yaml: RubricYamlFile, path: RubricFieldPath, message: string) => issues.push(rubricIssueAt(yaml, path, message));

  // Ladder.
  const levels = idRegistry('level', issues);
  parts.ladder.value.levels.forEach((level, i) => levels.add(level.id, parts.ladder.yaml, ['levels', i]));
  const probes = idRegistry('levelling probe', issues);
  parts.ladder.value.probes.forEach((probe, i) => probes.add(probe.id, parts.ladder.yaml, ['probes', i]));
  const levelOrder = parts.ladder.value.levels.map((l) => l.id);

  // Dimensions.
  const dimensions = idRegistry('dimension', issues);
  parts.dimensions.value.dimensions.forEach((dimension, i) => {
    const yaml = parts.dimensions.yaml;
    const path = ['dimensions', i];
    dimensions.add(dimension.id, yaml, path);
    checkAnchors(dimension, yaml, path, at);
    checkExpectations(dimension, levelOrder, yaml, path, at);
  });

  // One misspelt dimension is one mistake however often it is used: its uses are gathered per file
  // and reported once, at the first, with the lines of the others.
  const unknownDimensionUses = new Map<string, { yaml: RubricYamlFile; id: string; paths: RubricFieldPath[] }>();
  const checkDimensionRefs = (yaml: RubricYamlFile, path: RubricFieldPath, ids: readonly string[], within?: { ids: readonly string[]; what: string }) => {
    ids.forEach((id, i) => {
      if (!dimensions.has(id)) {
        const key = `${yaml.file}\u0000${id}`;
        const uses = unknownDimensionUses.get(key) ?? { yaml, id, paths: [] };
        uses.paths.push([...path, i]);
        unknownDimensionUses.set(key, uses);
      } else if (within && !within.ids.includes(id)) {
        at(yaml, [...path, i], `dimension "${id}" is not one of ${within.what} (${within.ids.join(', ')}); add it there or remove it here`);
      }
    });
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) at(yaml, [...path, i], `dimension "${id}" is listed twice`);
      seen.add(id);
    });
  };

  // Signals, merged across files.
  const signals = idRegistry('signal', issues, parts.unverifiedIds?.signal);
  for (const file of parts.signals) {
    file.value.signals.forEach((signal, i) => {
      const path = ['signals', i];
      signals.add(signal.id, file.yaml, path);
      checkDimensionRefs(file.yaml, [...path, 'dimensions'], signal.dimensions);
      if (signal.levelCap !== undefined && !levels.has(signal.levelCap)) {
        at(file.yaml, [...path, 'levelCap'], `unknown level "${signal.levelCap}"${rubricKnownNamesHint(signal.levelCap, levelOrder, 'levels')}`);
      }
    });
  }

  // Exercises and their artifacts.
  const exercises = idRegistry('exercise', issues, parts.unverifiedIds?.exercise);
  const artifacts = idRegistry('artifact', issues);
  for (const file of parts.exercises) {
    const { yaml, value: exercise } = file;
    exercises.add(exercise.id, yaml, []);
    checkDimensionRefs(yaml, ['dimensions'], exercise.dimensions);
    if (exercise.format !== 'artifact-review') continue;
    const lineCounts = new Map<string, number>();
    exercise.artifacts.forEach((artifact, i) => {
      artifacts.add(artifact.id, yaml, ['artifacts', i]);
      const text = parts.packFiles[artifact.file];
      if (text === undefined) {
        const present = Object.keys(parts.packFiles);
        at(
          yaml,
          ['artifacts', i, 'file'],
          `artifact file "${artifact.file}" is not in the pack folder (the path is relative to the pack folder)${
            present.length ? rubricKnownNamesHint(artifact.file, present, 'files present') : ''
          }`,
        );
      } else {
        lineCounts.set(artifact.id, rubricArtifactLineCount(text));
      }
    });
    const ownArtifacts = exercise.artifacts.map((a) => a.id);
    const defects = idRegistry('defect', issues);
    exercise.defects.forEach((defect, i) => {
      const path = ['defects', i];
      defects.add(defect.id, yaml, path);
      checkDimensionRefs(yaml, [...path, 'dimensions'], defect.dimensions);
      if (!ownArtifacts.includes(defect.artifact)) {
        at(yaml, [...path, 'artifact'], `unknown artifact "${defect.artifact}"${rubricKnownNamesHint(defect.artifact, ownArtifacts, 'artifacts of this exercise')}`);
        return;
      }
      const [start, end] = defect.lines;
      if (start > end) {
        at(yaml, [...path, 'lines'], `lines [${start}, ${end}] run backwards; write [first, last] with first ≤ last`);
      }
      const count = lineCounts.get(defect.artifact);
      if (count !== undefined && Math.max(start, end) > count) {
        at(yaml, [...path, 'lines'], `lines [${start}, ${end}] go past the end of artifact "${defect.artifact}", which has ${count} lines`);
      }
    });
  }

  // Incident scenarios: their own consistency (the incident module's check), then their links
  // into the pack — dimensions, and signals raised by anti-actions and rules.
  const scenarios = idRegistry('scenario', issues, parts.unverifiedIds?.scenario);
  const signalPolarity = new Map(parts.signals.flatMap((f) => f.value.signals.map((s) => [s.id, s.polarity] as const)));
  for (const file of parts.scenarios) {
    const { yaml, value: scenario } = file;
    scenarios.add(scenario.id, yaml, []);
    const fileName = yaml.file.slice(yaml.file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    if (fileName !== scenario.id) {
      at(yaml, ['id'], `scenario id "${scenario.id}" must be the file name without .yaml ("${fileName}"); rename the file or change the id`);
    }
    checkDimensionRefs(yaml, ['dimensions'], scenario.dimensions);
    for (const list of ['debrief', 'postmortem'] as const) {
      scenario[list].forEach((prompt, i) => checkDimensionRefs(yaml, [list, i, 'dimensions'], prompt.dimensions ?? []));
    }
    const internal = incidentScenarioCrossCheck(scenario);
    for (const issue of internal) at(yaml, issue.path, issue.message);
    // The exemplars can only be replayed on a consistent scenario.
    if (internal.length === 0) {
      for (const issue of [...incidentScenarioOppositeRules(scenario), ...incidentScenarioExemplarCheck(scenario)])
        at(yaml, issue.path, issue.also ? `${issue.message}; the other rule is at line ${yaml.locate(issue.also).line}` : issue.message);
    }
    for (const ref of incidentScenarioSignalRefs(scenario)) {
      const polarity = signalPolarity.get(ref.signal);
      if (polarity === undefined && signals.has(ref.signal)) continue;
      if (polarity === undefined) {
        at(yaml, ref.path, `unknown signal "${ref.signal}"${rubricKnownNamesHint(ref.signal, signals.known(), 'signals')}`);
      } else if (polarity !== ref.polarity) {
        at(yaml, ref.path, `signal "${ref.signal}" is ${polarity} in the catalogue but raised here as ${ref.polarity}; make them agree`);
      }
    }
  }

  // Kits.
  const kits = idRegistry('kit', issues, parts.unverifiedIds?.kit);
  for (const file of parts.kits) {
    const { yaml, value: kit } = file;
    kits.add(kit.id, yaml, []);
    checkDimensionRefs(yaml, ['dimensions'], kit.dimensions);
    const kitScope = { ids: kit.dimensions, what: "this kit's dimensions" };
    if (kit.exercise !== undefined && !exercises.has(kit.exercise)) {
      at(yaml, ['exercise'], `unknown exercise "${kit.exercise}"${rubricKnownNamesHint(kit.exercise, exercises.known(), 'exercises')}`);
    }
    if (kit.scenario !== undefined && !scenarios.has(kit.scenario)) {
      at(yaml, ['scenario'], `unknown scenario "${kit.scenario}"${rubricKnownNamesHint(kit.scenario, scenarios.known(), 'scenarios')}`);
    }
    const sections = idRegistry('section', issues);
    const questions = idRegistry('question', issues);
    kit.sections.forEach((section, s) => {
      const path = ['sections', s];
      sections.add(section.id, yaml, path);
      checkDimensionRefs(yaml, [...path, 'dimensions'], section.dimensions, kitScope);
      section.questions.forEach((question, q) => {
        const qPath = [...path, 'questions', q];
        questions.add(question.id, yaml, qPath);
        checkDimensionRefs(yaml, [...qPath, 'dimensions'], question.dimensions, kitScope);
      });
    });
  }

  for (const { yaml, id, paths } of unknownDimensionUses.values()) {
    const located = paths.map((path) => ({ path, line: yaml.locate(path).line })).sort((a, b) => a.line - b.line);
    const lines = [...new Set(located.map((l) => l.line))];
    const uses = paths.length > 1 ? ` (used ${paths.length} times: line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` : '';
    at(yaml, located[0]!.path, `unknown dimension "${id}"${uses}${rubricKnownNamesHint(id, dimensions.known())}`);
  }

  return issues;
}

type At = (yaml: RubricYamlFile, path: RubricFieldPath, message: string) => void;

function checkAnchors(dimension: Dimension, yaml: RubricYamlFile, path: RubricFieldPath, at: At): void {
  dimension.anchors.forEach((anchor, i) => {
    if (anchor.score !== i + 1) {
      at(
        yaml,
        [...path, 'anchors', i, 'score'],
        `anchors are listed as scores 1, 2, 3, 4 in that order; anchor ${i + 1} must have score ${i + 1} (found ${anchor.score})`,
      );
    }
  });
}

function checkExpectations(dimension: Dimension, levelOrder: string[], yaml: RubricYamlFile, path: RubricFieldPath, at: At): void {
  const expectations = dimension.expectations;
  const expPath = [...path, 'expectations'];
  for (const key of Object.keys(expectations)) {
    if (!levelOrder.includes(key)) {
      at(yaml, [...expPath, key], `unknown level "${key}"${rubricKnownNamesHint(key, levelOrder, 'levels')}`);
    }
  }
  const missing = levelOrder.filter((id) => !(id in expectations));
  if (missing.length > 0) {
    at(yaml, expPath, `missing the minimum rating for level${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; give one for every level of the ladder`);
  }
  let previous: { id: string; score: number } | undefined;
  for (const id of levelOrder) {
    const score = expectations[id];
    if (score === undefined) continue;
    if (previous && score < previous.score) {
      at(
        yaml,
        [...expPath, id],
        `expects ${score} at "${id}" but ${previous.score} at the lower level "${previous.id}"; expectations must not drop going up the ladder`,
      );
    }
    previous = { id, score };
  }
}
