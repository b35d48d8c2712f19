/** Shared inputs for the rubric loader tests: a small pack in memory and packs from disk. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RubricSourceFile } from '../../../../src/core/rubric/loader';

export const repoRoot = join(import.meta.dirname, '../../../..');

/** Every file under `root` as `{ path, text }` with `/`-separated paths relative to `root`. */
export function filesUnder(root: string): RubricSourceFile[] {
  const out: RubricSourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/** The pack files written in `docs/rubric-authoring.md` (each fenced block after `<!-- file: … -->`). */
export function authoringGuideFiles(): RubricSourceFile[] {
  const guide = readFileSync(join(repoRoot, 'docs/rubric-authoring.md'), 'utf8');
  return [...guide.matchAll(/<!-- file: (\S+) -->\r?\n```[\w-]*\r?\n([\s\S]*?)```/g)].map((m) => ({ path: m[1]!, text: m[2]! }));
}

const anchors = (dim: string) =>
  [1, 2, 3, 4]
    .map(
      (score) => `      - score: ${score}
        label: Point ${score}
        summary: What ${score} means for ${dim}.
        examples: [First example at ${score}., Second example at ${score}.]`,
    )
    .join('\n');

/**
 * A small valid pack `mini/` whose line numbers the mutation tests rely on. Line numbers noted in
 * comments are 1-based.
 */
export function miniPack(): Record<string, string> {
  return {
    'mini/pack.yaml': `kind: pack
id: mini
title: Mini
role: Tester
version: 1.0.0
summary: A tiny pack for tests.
`,
    'mini/ladder.yaml': `kind: ladder
levels:
  - id: mid
    title: Mid
    tenure: 2 years
    scope: A team.
    decisionOwnership: Their code.
    stakeholderSurface: Their team.
    unlock: Leading.
    plateau: Coasting.
    failureMode: Heroics.
  - id: senior
    title: Senior
    tenure: 5 years
    scope: An area.
    decisionOwnership: The area.
    stakeholderSurface: Several teams.
    unlock: Direction.
    plateau: Silo.
    failureMode: Process.
`,
    // dimensions[0] starts at line 3, its expectations are on line 25; dimensions[1] at line 26.
    'mini/dimensions.yaml': `kind: dimensions
dimensions:
  - id: testing
    title: Testing
    summary: Writing tests.
    meetsBar: Tests what matters.
    evidence: [Names the risk a test covers.]
    anchors:
${anchors('testing')}
    expectations: { mid: 2, senior: 3 }
  - id: debugging
    title: Debugging
    summary: Finding causes.
    meetsBar: Finds causes fast.
    evidence: [Forms hypotheses.]
    anchors:
${anchors('debugging')}
    expectations: { mid: 2, senior: 3 }
`,
    'mini/signals.yaml': `kind: signals
signals:
  - id: writes-tests-first
    polarity: strong
    title: Writes tests first
    description: Starts from a failing test.
    dimensions: [testing]
    severity: medium
  - id: blames-others
    polarity: red-flag
    title: Blames others
    description: Blames people.
    dimensions: [debugging]
    severity: high
    levelCap: mid
`,
    'mini/kits/pairing.yaml': `kind: kit
id: pairing
title: Pairing
format: debugging
summary: Debug a failing test together.
dimensions: [testing, debugging]
exercise: log-review
sections:
  - id: debug
    title: Debug
    minutes: 30
    goal: Find the bug.
    questions:
      - id: first-step
        prompt: What do you look at first?
        dimensions: [debugging]
    dimensions: [debugging]
`,
    'mini/exercises/log-review.yaml': `kind: exercise
format: artifact-review
id: log-review
title: Log review
dimensions: [debugging]
brief: Read the log.
artifacts:
  - id: build-log
    title: build.log
    language: log
    file: exercises/build.log
defects:
  - id: flaky
    title: Flaky test
    artifact: build-log
    lines: [2, 3]
    severity: medium
    dimensions: [debugging]
    description: Passes on retry.
    strongAnswer: Quarantines it.
`,
    'mini/exercises/build.log': 'step 1 ok\nstep 2 FAIL\nstep 2 retry ok\ndone\n',
  };
}

export function asFiles(record: Record<string, string>): RubricSourceFile[] {
  return Object.entries(record).map(([path, text]) => ({ path, text }));
}

/** The mini pack with one file replaced (or removed when `text` is undefined). */
export function miniWith(path: string, text: string | undefined): RubricSourceFile[] {
  const files = miniPack();
  if (text === undefined) delete files[path];
  else files[path] = text;
  return asFiles(files);
}

/** The mini pack with `search` replaced by `replacement` in one file (the search must be present). */
export function miniEdited(path: string, search: string, replacement: string): RubricSourceFile[] {
  const original = miniPack()[path]!;
  if (!original.includes(search)) throw new Error(`test setup: "${search}" not in ${path}`);
  return miniWith(path, original.replace(search, replacement));
}
