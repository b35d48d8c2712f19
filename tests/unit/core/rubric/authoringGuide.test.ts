/**
 * docs/rubric-authoring.md cannot go stale: its example pack and worked scenario are extracted and
 * validated, the scenario's exemplars and `--actions` example replayed through `loopdesk simulate`,
 * and its field tables compared with the JSON Schema's required lists.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../../../src/cli/index';
import { rubricJsonSchema } from '../../../../src/core/rubric/jsonSchema';
import { rubricPackLoad } from '../../../../src/core/rubric/loader';
import { authoringGuideFiles, repoRoot } from './rubricTestKit';

const guide = readFileSync(join(repoRoot, 'docs/rubric-authoring.md'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'loopdesk-guide-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: scratch });
  return { code, out, err };
}

describe('the worked scenario in the guide', () => {
  const files = authoringGuideFiles();
  for (const file of files) {
    mkdirSync(dirname(join(scratch, file.path)), { recursive: true });
    writeFileSync(join(scratch, file.path), file.text);
  }
  const scenarioPath = 'example-sre/scenarios/config-push.yaml';

  it('is part of the example pack, which validates with it', async () => {
    expect(files.map((f) => f.path)).toContain(scenarioPath);
    const result = rubricPackLoad(files);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.value.scenarios.map((s) => s.id)).toEqual(['config-push']);
    expect((await run('validate', 'example-sre')).code).toBe(0);
  });

  it('covers what the chapter explains: every trigger, set/ramp/multiply/add, an alert and a page, milestones, rules, exemplars', () => {
    const text = files.find((f) => f.path === scenarioPath)!.text;
    for (const needle of ['at: "01:00"', 'when: {', 'afterAction:', 'injects: [deploy-log]', 'ramp:', 'multiply:', 'add:', 'alert: {', 'kind: page', 'sets: [paged]', 'requires: [paged]', 'unless: [updated]', 'hidden: true', 'redFlag:', 'milestones:', 'rules:', 'exemplars:'])
      expect(text).toContain(needle);
  });

  it.each(['strong', 'weak'])('its %s exemplar keeps its promise under loopdesk simulate', async (which) => {
    const { code, err, out } = await run('simulate', scenarioPath, '--exemplar', which);
    expect(err).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(out);
    if (which === 'strong') expect(outcome.milestonesMet).toEqual(['acknowledge', 'first-communication', 'mitigate']);
    else expect(outcome.signals.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['restarts-blindly', 'slow-to-mitigate']));
  });

  it('the --actions example replays as the guide says: every milestone met, mitigates-first and not slow-to-mitigate', async () => {
    const match = /<!-- actions: (\S+) -->\r?\n```json\r?\n([\s\S]*?)```/.exec(guide);
    expect(match?.[1]).toBe(scenarioPath);
    writeFileSync(join(scratch, 'try.json'), match![2]!);
    const { code, out, err } = await run('simulate', scenarioPath, '--actions', 'try.json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(out);
    expect(outcome.milestonesMet).toEqual(['acknowledge', 'first-communication', 'mitigate']);
    const signals = outcome.signals.map((s: { id: string }) => s.id);
    expect(signals).toContain('mitigates-first');
    expect(signals).not.toContain('slow-to-mitigate');
    // The timeline line the guide quotes is what simulate prints.
    const quoted = /```json\r?\n(\{ "at": [^\n]*\})\r?\n```/.exec(guide)![1]!;
    const strong = JSON.parse((await run('simulate', scenarioPath, '--exemplar', 'strong')).out);
    expect(strong.timeline).toContainEqual(JSON.parse(quoted));
  });
});

type Json = Record<string, unknown>;

/** The schema object a table marker names: `kit sections[] questions[]`, `exercise:case-study`. */
function schemaObject(marker: string): Json {
  const [head, ...steps] = marker.split(' ');
  const [kind, format] = head!.split(':');
  const branches = (node: Json): Json[] => ((node.oneOf ?? node.anyOf ?? []) as Json[]).flatMap((b) => (b.properties ? [b] : branches(b)));
  let node = branches(rubricJsonSchema() as Json).find((b) => {
    const props = b.properties as Record<string, Json>;
    return props.kind?.const === kind && (format === undefined || props.format?.const === format);
  })!;
  for (const step of steps) node = ((node.properties as Record<string, Json>)[step.replace('[]', '')]!.items as Json) ?? node;
  return node;
}

describe('the guide\'s field tables', () => {
  const tables = [...guide.matchAll(/<!-- fields: ([^>]+?) -->\r?\n\|[^\n]*\n\|[-| ]+\n((?:\|[^\n]*\n)+)/g)];

  it('cover every file kind and the nested objects authors write', () => {
    expect(tables.map((t) => t[1])).toEqual(
      expect.arrayContaining(['pack', 'ladder levels[]', 'dimensions dimensions[]', 'signals signals[]', 'kit', 'kit sections[]', 'kit sections[] questions[]', 'exercise:artifact-review artifacts[]', 'exercise:artifact-review defects[]']),
    );
  });

  it.each(tables.map((t) => [t[1]!, t[2]!]))('%s: lists every field, optional exactly where the schema does', (marker, rows) => {
    const node = schemaObject(marker);
    const required = new Set((node.required ?? []) as string[]);
    const documented = new Map<string, boolean>();
    for (const row of rows.trim().split('\n')) {
      const [, fieldCell, meaning] = row.split('|').map((c) => c.trim());
      for (const [, field] of fieldCell!.matchAll(/`([^`]+)`/g)) documented.set(field!, /^Optional\b/.test(meaning!));
    }
    const fields = Object.keys(node.properties as Json).filter((k) => k !== 'kind');
    expect([...documented.keys()].sort()).toEqual(fields.sort());
    for (const [field, isOptional] of documented) expect({ field, isOptional }).toEqual({ field, isOptional: !required.has(field) });
  });
});
