/**
 * The JSON Schema editors check against and `loopdesk validate` agree on which fields a file needs.
 * For every field present in the fixture pack, the field is deleted and the pack validated: the
 * validator must reject the object exactly when the schema's `required`, `if`/`then` and `oneOf`
 * lists say the field is needed there.
 */
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rubricPackLoad } from '../../../../src/core/rubric/loader';
import { rubricJsonSchema } from '../../../../src/core/rubric/jsonSchema';
import { rubricFieldPathText } from '../../../../src/core/rubric/issues';
import { filesUnder, repoRoot } from './rubricTestKit';

type Json = Record<string, unknown>;
type Path = Array<string | number>;

const root = rubricJsonSchema() as Json;

function resolve(node: Json): Json {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((at, part) => at[part] as Json, root);
}

const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The branch of a union the value takes: the one whose `const` properties it matches. */
function branch(node: Json, value: unknown): Json {
  const options = ((node.anyOf ?? node.oneOf ?? []) as Json[]).map(resolve).filter((o) => o.properties || o.anyOf || o.oneOf || o.type);
  if (node.properties || options.length === 0) return node;
  const fits = (o: Json): boolean =>
    o.properties
      ? isPlain(value) && Object.entries(o.properties as Record<string, Json>).every(([k, p]) => p.const === undefined || value[k] === p.const)
      : ((o.anyOf ?? o.oneOf ?? []) as Json[]).map(resolve).some(fits);
  return branch(options.find(fits) ?? options.find((o) => (o.type === 'object') === isPlain(value)) ?? options[0]!, value);
}

/** Does `object` satisfy the schema's field requirements (required, if/then, oneOf of required)? */
function hasNeededFields(node: Json, object: Json): boolean {
  const has = (k: string) => object[k] !== undefined;
  const meets = (s: Json): boolean => {
    if (s.required && !(s.required as string[]).every(has)) return false;
    if (s.oneOf && (s.oneOf as Json[]).every((o) => o.required) && (s.oneOf as Json[]).filter(meets).length !== 1) return false;
    if (s.anyOf && (s.anyOf as Json[]).every((o) => o.required) && !(s.anyOf as Json[]).some(meets)) return false;
    for (const rule of (s.allOf ?? []) as Json[]) {
      const cond = rule.if as Json;
      const holds =
        meets({ required: cond.required }) &&
        Object.entries((cond.properties ?? {}) as Record<string, Json>).every(([k, p]) => object[k] === p.const);
      if (holds && !meets(rule.then as Json)) return false;
    }
    return true;
  };
  return meets(node);
}

interface Occurrence {
  node: Json;
  path: Path;
  object: Json;
}

function occurrences(node: Json, value: unknown, path: Path, out: Occurrence[]): void {
  const schema = branch(resolve(node), value);
  if (Array.isArray(value)) {
    const prefix = schema.prefixItems as Json[] | undefined;
    value.forEach((item, i) => {
      const itemSchema = prefix?.[i] ?? (schema.items as Json | undefined);
      if (itemSchema) occurrences(itemSchema, item, [...path, i], out);
    });
  } else if (isPlain(value) && schema.properties) {
    out.push({ node: schema, path, object: value });
    const properties = schema.properties as Record<string, Json>;
    for (const [key, child] of Object.entries(value)) if (properties[key]) occurrences(properties[key], child, [...path, key], out);
  }
}

function without(value: unknown, path: Path, key: string): unknown {
  const copy = structuredClone(value);
  const target = path.reduce<unknown>((at, part) => (at as Record<string | number, unknown>)[part], copy) as Json;
  delete target[key];
  return copy;
}

/**
 * Needs the schema of one inject cannot state: an inject's trigger may be an action's `injects`
 * list elsewhere in the file, so "exactly one trigger" is checked by the validator alone.
 */
const crossObjectOnly = new Set(['at', 'afterAction', 'when'].map((k) => `inject:${k}`));

describe('the JSON Schema and the validator agree on every field', () => {
  const packRoot = join(repoRoot, 'tests/fixtures/packs');
  const files = filesUnder(packRoot);

  it('deleting any field is refused by the validator exactly when the schema needs it', () => {
    const tested = new Map<Json, Set<string>>();
    const disagreements: string[] = [];
    let checked = 0;
    for (const file of files.filter((f) => f.path.endsWith('.yaml'))) {
      const value = parse(file.text) as unknown;
      const found: Occurrence[] = [];
      occurrences(root, value, [], found);
      for (const { node, path, object } of found) {
        const done = tested.get(node) ?? new Set<string>();
        tested.set(node, done);
        for (const key of Object.keys(object)) {
          if (done.has(key)) continue;
          done.add(key);
          const edited = without(value, path, key);
          const objectAfter = path.reduce<unknown>((at, part) => (at as Record<string | number, unknown>)[part], edited) as Json;
          const isNeeded = !hasNeededFields(node, objectAfter);
          const result = rubricPackLoad(files.map((f) => (f === file ? { path: f.path, text: stringify(edited) } : f)));
          const here = rubricFieldPathText(path);
          const isRefused =
            !result.ok && result.issues.some((i) => i.file === file.path && (i.path === here || i.path === rubricFieldPathText([...path, key])));
          if (path.at(-2) === 'injects' && crossObjectOnly.has(`inject:${key}`)) continue;
          checked++;
          if (isNeeded !== isRefused) {
            disagreements.push(`${file.path} ${rubricFieldPathText([...path, key])}: schema says ${isNeeded ? 'needed' : 'optional'}, validator ${isRefused ? 'refuses' : 'accepts'} without it`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 180_000);

  it('an anti-action without redFlag and a scenario whose id is not its file name are refused by both', () => {
    const schemaText = JSON.stringify(root);
    expect(schemaText).toContain('"if":{"properties":{"category":{"const":"anti-action"}},"required":["category"]},"then":{"required":["redFlag"]}');
    const scenario = files.find((f) => f.path.endsWith('blank-page-release.yaml'))!;
    const renamed = files.map((f) => (f === scenario ? { path: f.path.replace('blank-page-release', 'blank-page'), text: f.text } : f));
    const result = rubricPackLoad(renamed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      expect.objectContaining({ path: 'id', message: 'scenario id "blank-page-release" must be the file name without .yaml ("blank-page"); rename the file or change the id' }),
    ]);
  });
});
