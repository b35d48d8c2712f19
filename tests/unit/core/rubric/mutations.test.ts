/**
 * Each test breaks the valid mini pack in one way an author might and checks the loader rejects it
 * with the file, line and column of the offending node — never by throwing.
 */
import { describe, expect, it } from 'vitest';
import { rubricPackLoad, type RubricSourceFile } from '../../../../src/core/rubric/loader';
import type { RubricIssue } from '../../../../src/core/rubric/issues';
import { asFiles, miniEdited, miniPack, miniWith } from './rubricTestKit';

function issuesOf(files: RubricSourceFile[]): RubricIssue[] {
  let result: ReturnType<typeof rubricPackLoad> | undefined;
  expect(() => {
    result = rubricPackLoad(files);
  }).not.toThrow();
  if (!result || result.ok) throw new Error('expected the pack to be rejected');
  return result.issues;
}

/** The single issue the mutation causes. */
function onlyIssue(files: RubricSourceFile[]): RubricIssue {
  const issues = issuesOf(files);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}

describe('YAML-level mistakes', () => {
  it('bad syntax (unclosed flow list) points at where the parser gave up', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', 'dimensions: [testing, debugging]\n', 'dimensions: [testing, debugging\n'));
    expect(issue).toMatchObject({ file: 'mini/kits/pairing.yaml', line: 7, column: 1, path: '' });
    expect(issue.message).toMatch(/^YAML syntax: /);
  });

  it('a duplicate key points at the second occurrence and names the key', () => {
    const issue = onlyIssue(miniEdited('mini/pack.yaml', 'title: Mini\n', 'title: Mini\ntitle: Again\n'));
    expect(issue).toMatchObject({ file: 'mini/pack.yaml', line: 4, column: 1 });
    expect(issue.message).toContain('duplicate key "title"');
  });

  it('a duplicate key deep inside a list item points at that key', () => {
    const issue = onlyIssue(miniEdited('mini/signals.yaml', '    severity: high\n', '    severity: high\n    polarity: weak\n'));
    expect(issue).toMatchObject({ file: 'mini/signals.yaml', line: 15, column: 5 });
    expect(issue.message).toContain('duplicate key "polarity"');
  });

  it('an alias bomb is rejected at the first alias instead of exhausting memory', () => {
    const bomb = [
      'kind: signals',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'signals: []',
    ].join('\n');
    const issue = onlyIssue([...asFiles(miniPack()), { path: 'mini/more-signals.yaml', text: bomb }]);
    expect(issue).toMatchObject({ file: 'mini/more-signals.yaml', line: 3, column: 8 });
    expect(issue.message).toContain('aliases expand to too many nodes');
  });

  it('tabs used for indentation are named as such', () => {
    const issue = onlyIssue(miniEdited('mini/pack.yaml', 'summary: A tiny pack for tests.\n', 'sources:\n\t- x\nsummary: A tiny pack for tests.\n'));
    expect(issue).toMatchObject({ file: 'mini/pack.yaml', line: 7 });
    expect(issue.message).toContain('tabs');
  });

  it('two YAML documents in one file are refused at the separator', () => {
    const issue = onlyIssue(miniEdited('mini/pack.yaml', 'summary: A tiny pack for tests.\n', 'summary: A tiny pack for tests.\n---\nkind: pack\n'));
    expect(issue).toMatchObject({ file: 'mini/pack.yaml', line: 7, column: 1 });
    expect(issue.message).toContain('one YAML document');
  });

  it('an empty YAML file says what a rubric file starts with', () => {
    const issue = onlyIssue([...asFiles(miniPack()), { path: 'mini/kits/empty.yaml', text: '# nothing yet\n' }]);
    expect(issue).toMatchObject({ file: 'mini/kits/empty.yaml', line: 1, column: 1 });
    expect(issue.message).toContain('the file is empty');
  });
});

describe('schema mistakes', () => {
  it('a missing field points at the mapping that lacks it', () => {
    const issue = onlyIssue(miniEdited('mini/dimensions.yaml', '    title: Testing\n', ''));
    expect(issue).toEqual({
      file: 'mini/dimensions.yaml',
      line: 3,
      column: 5,
      path: 'dimensions[0].title',
      message: 'missing required field "title" (text)',
    });
  });

  it('a wrong type points at the value', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', 'minutes: 30', 'minutes: thirty'));
    expect(issue).toEqual({
      file: 'mini/kits/pairing.yaml',
      line: 11,
      column: 14,
      path: 'sections[0].minutes',
      message: 'expected a number, found the text "thirty"',
    });
  });

  it('a misspelt required key is one error at the key, naming the intended one as required', () => {
    const issues = issuesOf(miniEdited('mini/kits/pairing.yaml', 'summary: Debug', 'sumary: Debug'));
    // Not also "missing required field summary": the misspelling is the one thing to fix.
    expect(issues.map((i) => [i.file, i.line, i.column, i.path])).toEqual([['mini/kits/pairing.yaml', 5, 1, 'sumary']]);
    expect(issues[0]!.message).toContain('unknown field "sumary" — did you mean "summary"? ("summary" is required here) Allowed here: kind, id, title');
  });

  it('a misspelt key inside a list item is one error too', () => {
    const issues = issuesOf(miniEdited('mini/ladder.yaml', 'tenure:', 'tenur:'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toMatch(/^levels\[0\]\.tenur$/);
    expect(issues[0]!.message).toContain('did you mean "tenure"? ("tenure" is required here)');
  });

  it('a value outside an enum lists the allowed values', () => {
    const issue = onlyIssue(miniEdited('mini/signals.yaml', 'polarity: strong', 'polarity: good'));
    expect(issue).toMatchObject({ file: 'mini/signals.yaml', line: 4, column: 15, path: 'signals[0].polarity' });
    expect(issue.message).toBe('must be one of "strong", "weak", "red-flag" (found the text "good")');
  });

  it('an anchor with one example says each anchor needs 2-4', () => {
    const issue = onlyIssue(miniEdited('mini/dimensions.yaml', 'examples: [First example at 3., Second example at 3.]', 'examples: [First example at 3.]'));
    expect(issue).toMatchObject({ line: 20, column: 19, path: 'dimensions[0].anchors[2].examples' });
    expect(issue.message).toBe('each anchor needs 2-4 behavioural examples');
  });

  it('a bad id format explains kebab-case', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', 'id: first-step', 'id: First Step'));
    expect(issue).toMatchObject({ line: 14, column: 13, path: 'sections[0].questions[0].id' });
    expect(issue.message).toContain('kebab-case');
  });

  it('an unknown exercise format names the two formats', () => {
    const issue = onlyIssue(miniEdited('mini/exercises/log-review.yaml', 'format: artifact-review', 'format: review'));
    expect(issue).toMatchObject({ file: 'mini/exercises/log-review.yaml', line: 2, column: 9, path: 'format' });
    expect(issue.message).toBe('must be one of "case-study", "artifact-review"');
  });

  it('a file without kind is reported at its first line', () => {
    const issue = onlyIssue([...asFiles(miniPack()), { path: 'mini/notes.yaml', text: 'title: notes\n' }]);
    expect(issue).toMatchObject({ file: 'mini/notes.yaml', line: 1, column: 1 });
    expect(issue.message).toContain('missing required field "kind"');
  });

  it('a misspelt kind suggests the right one', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', 'kind: kit', 'kind: kitt'));
    expect(issue).toMatchObject({ line: 1, column: 7, path: 'kind' });
    expect(issue.message).toContain('did you mean "kit"?');
  });
});

describe('pack structure mistakes', () => {
  it('a missing ladder names the file to create', () => {
    const issue = onlyIssue(miniWith('mini/ladder.yaml', undefined));
    expect(issue).toMatchObject({ file: 'mini/ladder.yaml', line: 1, column: 1 });
    expect(issue.message).toContain('no "kind: ladder" file');
  });

  it('a second manifest is reported at its kind, naming the other one (files taken in path order)', () => {
    const issue = onlyIssue([...asFiles(miniPack()), { path: 'mini/extra/pack.yaml', text: miniPack()['mini/pack.yaml']! }]);
    expect(issue).toMatchObject({ file: 'mini/pack.yaml', line: 1, column: 7, path: 'kind' });
    expect(issue.message).toContain('exactly one "kind: pack" file and mini/extra/pack.yaml is already one');
  });
});

describe('cross-reference mistakes', () => {
  it('an unknown dimension in a kit section points at the list item', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', '\n    dimensions: [debugging]\n', '\n    dimensions: [debuging]\n'));
    expect(issue).toEqual({
      file: 'mini/kits/pairing.yaml',
      line: 17,
      column: 18,
      path: 'sections[0].dimensions[0]',
      message: 'unknown dimension "debuging" — did you mean "debugging"? Known: testing, debugging',
    });
  });

  it("a section dimension outside the kit's dimensions is named", () => {
    const files = miniEdited('mini/kits/pairing.yaml', 'dimensions: [testing, debugging]', 'dimensions: [testing]');
    const issues = issuesOf(files);
    expect(issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [16, 22, 'sections[0].questions[0].dimensions[0]'],
      [17, 18, 'sections[0].dimensions[0]'],
    ]);
    expect(issues[1]!.message).toContain(`dimension "debugging" is not one of this kit's dimensions (testing)`);
  });

  it('an unknown exercise named by a kit', () => {
    const issue = onlyIssue(miniEdited('mini/kits/pairing.yaml', 'exercise: log-review', 'exercise: log-reveiw'));
    expect(issue).toMatchObject({ line: 7, column: 11, path: 'exercise' });
    expect(issue.message).toContain('unknown exercise "log-reveiw" — did you mean "log-review"?');
  });

  it('an unknown levelCap lists the levels', () => {
    const issue = onlyIssue(miniEdited('mini/signals.yaml', 'levelCap: mid', 'levelCap: staff'));
    expect(issue).toMatchObject({ file: 'mini/signals.yaml', line: 15, column: 15, path: 'signals[1].levelCap' });
    expect(issue.message).toContain('unknown level "staff"');
    expect(issue.message).toContain('mid, senior');
  });

  it('a duplicate signal id across two signals files names the first definition', () => {
    const extra = 'kind: signals\nsignals:\n  - id: blames-others\n    polarity: weak\n    title: T\n    description: D\n    dimensions: [testing]\n    severity: low\n';
    const issue = onlyIssue([...asFiles(miniPack()), { path: 'mini/signals-2.yaml', text: extra }]);
    // mini/signals-2.yaml sorts before mini/signals.yaml, so the copy in signals.yaml is the second.
    expect(issue).toMatchObject({ file: 'mini/signals.yaml', line: 9, column: 9, path: 'signals[1].id' });
    expect(issue.message).toBe('duplicate signal id "blames-others" (already defined at mini/signals-2.yaml:3); ids must be unique');
  });

  it('expectations that drop going up the ladder', () => {
    const issue = onlyIssue(miniEdited('mini/dimensions.yaml', 'expectations: { mid: 2, senior: 3 }', 'expectations: { mid: 3, senior: 2 }'));
    expect(issue).toMatchObject({ line: 25, column: 37, path: 'dimensions[0].expectations.senior' });
    expect(issue.message).toContain('must not drop going up the ladder');
  });

  it('expectations missing a level and naming an unknown one', () => {
    const issues = issuesOf(miniEdited('mini/dimensions.yaml', 'expectations: { mid: 2, senior: 3 }', 'expectations: { mid: 2, senoir: 3 }'));
    expect(issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [25, 19, 'dimensions[0].expectations'],
      [25, 37, 'dimensions[0].expectations.senoir'],
    ]);
    expect(issues[0]!.message).toContain('missing the minimum rating for level "senior"');
    expect(issues[1]!.message).toContain('unknown level "senoir" — did you mean "senior"?');
  });

  it('anchors out of score order', () => {
    const issue = onlyIssue(miniEdited('mini/dimensions.yaml', '      - score: 2\n        label: Point 2\n        summary: What 2 means for testing.', '      - score: 3\n        label: Point 2\n        summary: What 2 means for testing.'));
    expect(issue).toMatchObject({ line: 13, column: 16, path: 'dimensions[0].anchors[1].score' });
    expect(issue.message).toContain('anchor 2 must have score 2 (found 3)');
  });

  it('defect lines past the end of the artifact', () => {
    const issue = onlyIssue(miniEdited('mini/exercises/log-review.yaml', 'lines: [2, 3]', 'lines: [2, 5]'));
    expect(issue).toMatchObject({ file: 'mini/exercises/log-review.yaml', line: 16, column: 12, path: 'defects[0].lines' });
    expect(issue.message).toBe('lines [2, 5] go past the end of artifact "build-log", which has 4 lines');
  });

  it('defect lines running backwards', () => {
    const issue = onlyIssue(miniEdited('mini/exercises/log-review.yaml', 'lines: [2, 3]', 'lines: [3, 2]'));
    expect(issue).toMatchObject({ line: 16, column: 12, path: 'defects[0].lines' });
    expect(issue.message).toContain('run backwards');
  });

  it('a defect naming an artifact of no exercise', () => {
    const issue = onlyIssue(miniEdited('mini/exercises/log-review.yaml', 'artifact: build-log', 'artifact: buld-log'));
    expect(issue).toMatchObject({ line: 15, column: 15, path: 'defects[0].artifact' });
    expect(issue.message).toContain('unknown artifact "buld-log" — did you mean "build-log"?');
  });

  it('an artifact file missing from the pack folder', () => {
    const issue = onlyIssue(miniWith('mini/exercises/build.log', undefined));
    expect(issue).toMatchObject({ file: 'mini/exercises/log-review.yaml', line: 11, column: 11, path: 'artifacts[0].file' });
    expect(issue.message).toContain('artifact file "exercises/build.log" is not in the pack folder');
  });

  it('an artifact path that leaves the pack folder is refused by the schema', () => {
    const issue = onlyIssue(miniEdited('mini/exercises/log-review.yaml', 'file: exercises/build.log', 'file: ../secrets.txt'));
    expect(issue).toMatchObject({ line: 11, column: 11, path: 'artifacts[0].file', message: 'must stay inside the pack folder' });
  });
});

describe('mistakes in authors\' words', () => {
  it('a key indented one space too little is an indentation error at that key, with its path and a neighbour to copy', () => {
    const issue = onlyIssue(miniEdited('mini/ladder.yaml', '    scope: A team.', '   scope: A team.'));
    expect(issue).toEqual({
      file: 'mini/ladder.yaml',
      line: 6,
      column: 4,
      path: 'levels[0].scope',
      message: 'indentation: `scope` is at column 4, expected 5 (like `tenure` on line 5)',
    });
  });

  it('a key indented one space too far is reported on its own line, not the line before', () => {
    const issue = onlyIssue(miniEdited('mini/ladder.yaml', '    scope: A team.', '     scope: A team.'));
    expect(issue).toMatchObject({ line: 6, column: 6, path: 'levels[0].scope' });
    expect(issue.message).toBe('indentation: `scope` is at column 6, expected 5 (like `tenure` on line 5)');
  });

  it('a list item indented under the previous item is caught, though YAML reads it as one string', () => {
    const issue = onlyIssue(
      miniEdited(
        'mini/dimensions.yaml',
        '        examples: [First example at 3., Second example at 3.]\n',
        '        examples:\n          - First example at 3.\n            - Second example at 3.\n',
      ),
    );
    expect(issue).toMatchObject({ file: 'mini/dimensions.yaml', column: 13, path: 'dimensions[0].anchors[2].examples[0]' });
    expect(issue.message).toMatch(/^`- Second example at 3\.` is read as more text of the item on line \d+, not as a new list item: put its "-" at column 11/);
    expect(issue.message).not.toContain('2-4 behavioural examples');
  });

  it('a list item dedented out of its list names the column of its siblings', () => {
    const issue = onlyIssue(
      miniEdited(
        'mini/dimensions.yaml',
        '        examples: [First example at 3., Second example at 3.]\n',
        '        examples:\n        - First example at 3.\n       - Second example at 3.\n',
      ),
    );
    expect(issue.message).toMatch(/^indentation: list item `- Second example at 3\.` is at column 8, expected 9 \(like the item on line \d+\)$/);
  });

  it('one unknown dimension used three times in a kit is one error listing the lines', () => {
    const original = miniPack()['mini/kits/pairing.yaml']!;
    const edited = original.replace('[testing, debugging]', '[testing, debuging]').replaceAll('[debugging]', '[debuging]');
    const lines = edited.split('\n').flatMap((l, i) => (l.includes('debuging') ? [i + 1] : []));
    expect(lines).toHaveLength(3);
    const issue = onlyIssue(miniWith('mini/kits/pairing.yaml', edited));
    expect(issue).toMatchObject({ file: 'mini/kits/pairing.yaml', line: lines[0], path: 'dimensions[1]' });
    expect(issue.message).toContain(`unknown dimension "debuging" (used 3 times: lines ${lines.join(', ')}) — did you mean "debugging"?`);
  });
});
