/**
 * The JSON Schema of rubric pack files, generated from the same zod schema the loader uses, so
 * editors (yaml-language-server: `# yaml-language-server: $schema=../rubric.schema.json`) flag the
 * same mistakes `loopdesk validate` does — except cross-file references, which only the loader sees.
 */
import { z } from 'zod';
import { incidentFieldRules, type IncidentFieldRule } from '../incident/scenarioSchema';
import { rubricAnyFileSchema } from './practiceSchema';

/** A field rule as JSON Schema: `if`/`then` per conditional requirement, `oneOf` for exactly-one. */
function fieldRuleJson(rule: IncidentFieldRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.requiredWhen?.length) {
    out.allOf = rule.requiredWhen.map((when) => ({
      if: { ...(when.equals !== undefined ? { properties: { [when.field]: { const: when.equals } } } : {}), required: [when.field] },
      then: {
        ...(when.requires ? { required: when.requires } : {}),
        ...(when.exactlyOneOf ? { oneOf: when.exactlyOneOf.map((field) => ({ required: [field] })) } : {}),
        ...(when.atLeastOneOf ? { anyOf: when.atLeastOneOf.map((field) => ({ required: [field] })) } : {}),
      },
    }));
  }
  if (rule.exactlyOneOf?.length) out.oneOf = rule.exactlyOneOf.map((field) => ({ required: [field] }));
  return out;
}

export const RUBRIC_JSON_SCHEMA_ID = 'urn:loopdesk:rubric-pack-file';

/** The JSON Schema (draft 2020-12) describing any rubric file, as accepted on input. */
export function rubricJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(rubricAnyFileSchema, {
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const rule = incidentFieldRules.get(zodSchema);
      if (rule) Object.assign(jsonSchema, fieldRuleJson(rule));
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: RUBRIC_JSON_SCHEMA_ID,
    title: 'Loopdesk rubric pack file',
    description:
      'One YAML file of a Loopdesk rubric pack; "kind" picks the file type. Run "npx loopdesk validate <dir>" for cross-file checks.',
    ...rest,
  };
}

/** The exact text committed as `rubrics/rubric.schema.json`: 2-space JSON and a final newline. */
export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
