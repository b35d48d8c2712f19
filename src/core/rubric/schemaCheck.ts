/**
 * Checks a parsed YAML value against its zod schema and turns every zod issue into a
 * {@link RubricIssue} that names the line and column of the offending node, in words a rubric
 * author can act on ("missing required field", "unknown field — did you mean").
 */
import { z } from 'zod';
import { rubricClosestName, rubricFieldPathText, type RubricFieldPath, type RubricIssue } from './issues';
import type { RubricYamlFile } from './yamlSource';

type RawIssue = z.core.$ZodRawIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const expectedWords: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  record: 'a mapping (key: value pairs)',
  tuple: 'a list',
};

function itemsWord(n: number | bigint, noun: string): string {
  return `${n} ${noun}${Number(n) === 1 ? '' : 's'}`;
}

/** Default wording for zod's built-in checks; custom messages written in the schema win over these. */
function messageFor(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `missing required field (${expected})`;
      return `expected ${expected}, found ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'array') {
        const count = Array.isArray(issue.input) ? issue.input.length : 0;
        return issue.exact
          ? `needs exactly ${itemsWord(n, 'item')} (has ${count})`
          : `needs at least ${itemsWord(n, 'item')} (has ${count})`;
      }
      if (issue.origin === 'string') return Number(n) <= 1 ? 'must not be empty' : `must be at least ${itemsWord(n, 'character')} long`;
      return `must be at least ${String(n)}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'array') {
        const count = Array.isArray(issue.input) ? issue.input.length : 0;
        return issue.exact
          ? `needs exactly ${itemsWord(n, 'item')} (has ${count})`
          : `allows at most ${itemsWord(n, 'item')} (has ${count}); split or trim the list`;
      }
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : 0;
        return `is too long: at most ${itemsWord(n, 'character')} (has ${length}); shorten it`;
      }
      return `must be at most ${String(n)}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return issue.values.length === 1
        ? `must be ${allowed} (found ${describeValue(issue.input)})`
        : `must be one of ${allowed} (found ${describeValue(issue.input)})`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? `has the wrong format (found ${describeValue(issue.input)})` : `must be a valid ${issue.format}`;
    default:
      return undefined;
  }
}

function objectKeys(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unionOptions(issue: z.core.$ZodIssue): string[] {
  const options = (issue as { options?: unknown[] }).options;
  return Array.isArray(options) ? options.map((o) => String(o)) : [];
}

/**
 * Validates `yaml.value` with `schema`. On failure every issue names file, line and column; the
 * error text never includes a stack trace or zod jargon.
 */
export function rubricSchemaCheck<S extends z.ZodType>(
  yaml: RubricYamlFile,
  schema: S,
  basePath: RubricFieldPath = [],
): { ok: true; value: z.output<S> } | { ok: false; issues: RubricIssue[] } {
  const allowedKeys = new Map<string, string[]>();
  const result = schema.safeParse(yaml.value, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        allowedKeys.set(rubricFieldPathText((issue.path ?? []) as RubricFieldPath), objectKeys(issue.inst));
        return 'unknown field';
      }
      return messageFor(issue);
    },
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: typosMerged(result.error.issues.flatMap((issue) => toRubricIssues(yaml, issue, basePath, allowedKeys))) };
}

/**
 * A misspelt required key is one mistake, not two: the "missing required field" its misspelling
 * causes is dropped and the "unknown field — did you mean" line says the field is required.
 */
function typosMerged(issues: RubricIssue[]): RubricIssue[] {
  const missing = new Set(issues.filter((i) => i.message.startsWith('missing required field')).map((i) => i.path));
  const explained = new Set<string>();
  const merged = issues.map((issue) => {
    const suggestion = /^unknown field "[^"]*" — did you mean "([^"]+)"\?/.exec(issue.message);
    if (!suggestion) return issue;
    const parent = issue.path.slice(0, Math.max(0, issue.path.lastIndexOf('.')));
    const intended = parent ? `${parent}.${suggestion[1]}` : suggestion[1]!;
    if (!missing.has(intended)) return issue;
    explained.add(intended);
    return { ...issue, message: issue.message.replace(/\?/, `? ("${suggestion[1]}" is required here)`) };
  });
  return merged.filter((issue) => !(explained.has(issue.path) && issue.message.startsWith('missing required field')));
}

function toRubricIssues(
  yaml: RubricYamlFile,
  issue: z.core.$ZodIssue,
  basePath: RubricFieldPath,
  allowedKeys: Map<string, string[]>,
): RubricIssue[] {
  const path = [...basePath, ...(issue.path as Array<string | number>)];
  const pathText = rubricFieldPathText(path);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys.get(rubricFieldPathText(issue.path as RubricFieldPath)) ?? [];
    return issue.keys.map((key) => {
      const closest = rubricClosestName(key, allowed);
      return {
        file: yaml.file,
        ...yaml.locateKey(path, key),
        path: rubricFieldPathText([...path, key]),
        message: `unknown field "${key}"${closest ? ` — did you mean "${closest}"?` : ''}${
          allowed.length ? ` Allowed here: ${allowed.join(', ')}` : ''
        }`,
      };
    });
  }

  if (issue.code === 'invalid_union') {
    const discriminator = (issue as { discriminator?: string }).discriminator;
    if (discriminator) {
      const fieldPath = path[path.length - 1] === discriminator ? path : [...path, discriminator];
      const options = unionOptions(issue);
      return [
        {
          file: yaml.file,
          ...yaml.locate(fieldPath),
          path: rubricFieldPathText(fieldPath),
          message: `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`,
        },
      ];
    }
    // A plain union: report the branch that came closest (fewest problems).
    const branches = issue.errors.filter((b) => b.length > 0).sort((a, b) => a.length - b.length);
    if (branches[0]) return branches[0].flatMap((inner) => toRubricIssues(yaml, inner, path, allowedKeys));
  }

  const isMissing = issue.message.startsWith('missing required field');
  const field = path[path.length - 1];
  const message =
    isMissing && typeof field === 'string' ? issue.message.replace('missing required field', `missing required field "${field}"`) : issue.message;
  return [{ file: yaml.file, ...yaml.locate(path), path: pathText, message }];
}
