/**
 * The JSON Schema of rubric pack files, generated from the same zod schema the loader uses, so
 * editors (yaml-language-server: `# yaml-language-server: $schema=../rubric.schema.json`) flag the
 * same mistakes `loopdesk validate` does — except cross-file references, which only the loader sees.
 */
import { z } from 'zod';
import { rubricFileSchema } from './schema';

export const RUBRIC_JSON_SCHEMA_ID = 'urn:loopdesk:rubric-pack-file';

/** The JSON Schema (draft 2020-12) describing any rubric file, as accepted on input. */
export function rubricJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(rubricFileSchema, { io: 'input' }) as Record<string, unknown>;
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
