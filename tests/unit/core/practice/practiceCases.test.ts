import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { practiceRunParse, practiceScore, type PracticeRun } from '../../../../src/core/practice/practiceScore';
import { rubricIssueText } from '../../../../src/core/rubric/issues';
import { rubricPacksLoad, type RubricSourceFile } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

const root = join(import.meta.dirname, '../../../..');
let files: RubricSourceFile[];
let pack: RubricPack;

beforeAll(() => {
  files = rubricFilesRead(join(root, 'rubrics'))!.files;
  pack = rubricPacksLoad(files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

/** The built-in pack with one practice file replaced by `text`; the first problem as a line. */
function loadWithCase(text: string): string[] {
  const others = files.filter((f) => !f.path.endsWith('practice/staff-paved-road.yaml'));
  const result = rubricPacksLoad([...others, { path: 'staff-devops/practice/staff-paved-road.yaml', text }]);
  return result.errors.flatMap((e) => e.issues.map((i) => rubricIssueText(i, i.file)));
}

const shipped = () => files.find((f) => f.path.endsWith('practice/staff-paved-road.yaml'))!.text;

describe('practice cases in the Staff DevOps pack', () => {
  it('ships a clearly Staff case, a Senior presenting Staff claims, and one with a red flag', () => {
    const cases = pack.practiceCases!;
    expect(cases.map((c) => c.id)).toEqual(['incident-blame', 'senior-staff-claims', 'staff-paved-road']);
    const byId = Object.fromEntries(cases.map((c) => [c.id, c]));
    expect(byId['staff-paved-road']!.key.level).toBe('staff');
    expect(byId['senior-staff-claims']!).toMatchObject({
      candidate: { targetLevel: 'staff' },
      key: { level: 'senior' },
    });
    const redFlags = byId['incident-blame']!.key.signals.filter(
      (id) => pack.signals.find((s) => s.id === id)!.polarity === 'red-flag',
    );
    expect(redFlags).toContain('red-flag-blame-individuals');
    expect(byId['incident-blame']!.candidate.incidentLog.length).toBeGreaterThan(0);
  });

  it('leaves the pack hash that reports pin unchanged', () => {
    const without = rubricPacksLoad(files.filter((f) => !f.path.includes('/practice/'))).packs[0]!;
    expect(without.hash).toBe(pack.hash);
    expect(without.practiceCases).toEqual([]);
  });
});

describe('practice cases: loader checks', () => {
  it('refuses a key rating outside the scale, naming the line', () => {
    const problems = loadWithCase(
      shipped().replace(
        '- dimension: iac-engineering\n      rating: 3',
        '- dimension: iac-engineering\n      rating: 5',
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /staff-paved-road\.yaml:\d+:\d+ key\.ratings\[1\]\.rating: 5 is not on the scale of "iac-engineering" \(1, 2, 3, 4, or no-evidence\)/,
    );
  });

  it('refuses an unknown signal, with the closest known one', () => {
    const problems = loadWithCase(shipped().replace('    - strong-outcome-metrics\n', '    - strong-outcome-metric\n'));
    expect(problems).toEqual([expect.stringMatching(/unknown signal "strong-outcome-metric".*strong-outcome-metrics/)]);
  });

  it('refuses a section the kit lacks, a dimension the kit does not rate, and an anchor example that does not exist', () => {
    const text = shipped()
      .replace('- section: tradeoffs', '- section: trade-offs')
      .replace('- dimension: prioritization-product\n      rating: 4', '- dimension: communication\n      rating: 4')
      .replace(
        '- dimension: cicd-release\n      rating: 4\n      example: 1',
        '- dimension: cicd-release\n      rating: 4\n      example: 9',
      );
    const problems = loadWithCase(text).join('\n');
    expect(problems).toMatch(/kit "paved-road-design" has no section "trade-offs"/);
    expect(problems).toMatch(/kit "paved-road-design" does not rate "communication"/);
    expect(problems).toMatch(/the key has no rating for "prioritization-product"/);
    expect(problems).toMatch(/anchor 4 of "cicd-release" has \d examples; example 9 does not exist/);
  });

  it('refuses a finding that names no planted defect', () => {
    const text = shipped()
      .replace(
        'key:\n',
        'findings:\n    - exercise: terraform-review\n      defect: no-such-defect\n      said: It is wrong.\nkey:\n',
      )
      .replace('findings:\n    - exercise', '  findings:\n    - exercise');
    expect(loadWithCase(text).join('\n')).toMatch(/exercise "terraform-review" has no planted defect "no-such-defect"/);
  });
});

describe('practiceScore', () => {
  const run = (over: Partial<PracticeRun> = {}): PracticeRun => ({
    caseId: 'senior-staff-claims',
    ratings: {
      'cross-team-influence': 4,
      'mentorship-leadership': 2,
      communication: 'no-evidence',
      'prioritization-product': 1,
    },
    signals: ['weak-indispensable-expert', 'strong-outcome-metrics'],
    ...over,
  });

  it('compares each rating with the key: distance, direction, the anchor that applies and the reason', () => {
    const result = practiceScore(pack, run());
    if (!result.ok) throw new Error(result.message);
    const [influence, mentorship, communication, priorities] = result.value.dimensions;
    expect(influence).toMatchObject({
      dimensionId: 'cross-team-influence',
      rating: 4,
      key: 2,
      distance: 2,
      direction: 'lenient',
    });
    const anchor = pack.dimensions.find((d) => d.id === 'cross-team-influence')!.anchors[1]!;
    expect(influence!.anchor).toEqual({
      score: 2,
      label: anchor.label,
      summary: anchor.summary,
      example: anchor.examples[0],
    });
    expect(influence!.why).toMatch(/Senior scope, not\s+Staff/);
    expect(mentorship).toMatchObject({ distance: 0, direction: 'match' });
    expect(communication).toMatchObject({ rating: 'no-evidence', key: 3, distance: null, direction: 'mismatch' });
    // The key names no example for communication: the anchor comes without one.
    expect(communication!.anchor).toMatchObject({ score: 3, example: null });
    expect(priorities).toMatchObject({ distance: 1, direction: 'severe' });
    // Over the three numeric pairs: |+2|, 0, |−1| → mean 1; signed (2 + 0 − 1)/3.
    expect(result.value.meanAbsoluteDistance).toBe(1);
    expect(result.value.meanSignedDistance).toBeCloseTo(1 / 3, 12);
  });

  it('lists signals the key holds that were missed, and tagged ones it does not hold', () => {
    const result = practiceScore(pack, run());
    if (!result.ok) throw new Error(result.message);
    expect(result.value.signals.matched.map((s) => s.id)).toEqual(['weak-indispensable-expert']);
    expect(result.value.signals.missed.map((s) => s.id)).toEqual([
      'weak-strategy-without-execution',
      'weak-invisible-impact',
      'weak-tools-not-outcomes',
    ]);
    expect(result.value.signals.extra).toEqual([
      { id: 'strong-outcome-metrics', title: 'Describes outcomes with numbers', polarity: 'strong' },
    ]);
  });

  it('marks a dimension left unrated, and refuses a run for another case, an unknown dimension or signal', () => {
    const partial = practiceScore(pack, run({ ratings: { 'cross-team-influence': 2 } }));
    expect(partial.ok && partial.value.dimensions[1]).toMatchObject({ rating: null, direction: 'mismatch' });
    expect(practiceScore(pack, run({ caseId: 'nope' }))).toEqual({
      ok: false,
      message:
        'pack "staff-devops" has no practice case "nope" (cases: incident-blame, senior-staff-claims, staff-paved-road)',
    });
    expect(practiceScore(pack, run({ ratings: { 'iac-engineering': 3 } }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^the run rates "iac-engineering", which case "senior-staff-claims" does not ask for/,
      ),
    });
    expect(practiceScore(pack, run({ signals: ['made-up'] }))).toMatchObject({
      ok: false,
      message: 'the run tags signal "made-up", which pack "staff-devops" does not know',
    });
  });

  it('parses a run from JSON and names what is wrong and where', () => {
    expect(practiceRunParse('{"caseId":"incident-blame","ratings":{"communication":2}}', 'run.json')).toEqual({
      ok: true,
      value: { caseId: 'incident-blame', ratings: { communication: 2 }, signals: [] },
    });
    expect(practiceRunParse('{"caseId":"incident-blame","ratings":{"communication":7}}', 'run.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^run\.json: ratings\.communication: /),
    });
    expect(practiceRunParse('{', 'run.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^run\.json: not valid JSON/),
    });
  });
});
