import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rubricJsonSchema, rubricJsonSchemaText } from '../../../../src/core/rubric/jsonSchema';
import { repoRoot } from './rubricTestKit';

describe('rubric JSON Schema', () => {
  it('the committed rubrics/rubric.schema.json matches the zod schema', () => {
    const committed = readFileSync(join(repoRoot, 'rubrics/rubric.schema.json'), 'utf8').replace(/\r\n/g, '\n');
    expect(
      committed === rubricJsonSchemaText(),
      'rubrics/rubric.schema.json is stale: regenerate it with "npm run build:cli && npm run schema" and commit it',
    ).toBe(true);
  });

  it('describes every file kind, with an id and a title', () => {
    const schema = rubricJsonSchema() as { $id: string; title: string; oneOf?: Array<{ properties?: { kind?: { const?: string } } }> };
    expect(schema.$id).toBe('urn:loopdesk:rubric-pack-file');
    expect(schema.title).toBe('Loopdesk rubric pack file');
    const text = JSON.stringify(schema);
    for (const kind of ['pack', 'ladder', 'dimensions', 'signals', 'kit', 'exercise', 'scenario']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  it('is the input shape: fields with defaults are optional for authors', () => {
    const text = JSON.stringify(rubricJsonSchema());
    // `probes` has a default, so the ladder's required list is kind + levels only.
    expect(text).toMatch(/"required":\["kind","levels"\]/);
  });
});
