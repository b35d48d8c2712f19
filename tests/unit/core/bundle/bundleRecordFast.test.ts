import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleRecordFast } from '../../../../src/core/bundle/bundleRecordFast';
import { bundleRecordSchemas, type BundleTable } from '../../../../src/core/bundle/bundleSchema';
import { canonicalJson } from '../../../../src/core/canonical/canonicalJson';
import { sampleBundle } from '../../../fixtures/bundles/sampleContent';

const content = sampleBundle().content;
const tables = Object.keys(bundleRecordFast) as BundleTable[];

/** Values a hostile bundle might put in any field, each one JSON data. */
const oddValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1, 4, 5, 1.5, 2 ** 53, 8.64e15, 8.64e15 + 1, 86_400_000, 86_400_001),
  fc.constantFrom('', ' ', 'rated', 'no-evidence', 'a', 'A-b', 'kebab-case', 'x'.repeat(65), 'x'.repeat(5001)),
  fc.constantFrom('0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d', '0A1B2C3D-4E5F-4A1B-8C2D-3E4F5A6B7C8D', '0a1b2c3d-4e5f-0a1b-8c2d-3e4f5a6b7c8d'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.constantFrom('0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d', 'nope'), { maxLength: 52 }),
  fc.constant({}),
);

/** A record of `table` from the sample bundle with one field changed, removed or added. */
function mutatedRecord(table: BundleTable) {
  const records = content[table] as unknown as Record<string, unknown>[];
  return fc
    .tuple(fc.nat(records.length - 1), fc.constantFrom('set', 'delete', 'add'), fc.nat(), oddValue)
    .map(([at, how, which, value]) => {
      const record = structuredClone(records[at]!);
      const keys = Object.keys(record);
      const key = keys[which % keys.length]!;
      if (how === 'set') record[key] = value;
      else if (how === 'delete') delete record[key];
      else record[['score', 'addedAt', 'extra', 'text'][which % 4]!] = value;
      return record;
    });
}

describe('bundleRecordFast', () => {
  it('accepts the records of a bundle the app writes, as sorted-key copies that are the same JSON', () => {
    for (const table of tables) {
      const records = content[table] as unknown[];
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const checked = bundleRecordFast[table]!(record);
        expect(checked, `${table}: ${canonicalJson(record)}`).not.toBeNull();
        expect(JSON.stringify(checked)).toBe(canonicalJson(record));
      }
    }
  });

  it('accepts only what the schema accepts, and as the schema returns it', () => {
    for (const table of tables) {
      fc.assert(
        fc.property(mutatedRecord(table), (record) => {
          const checked = bundleRecordFast[table]!(record);
          const parsed = bundleRecordSchemas[table].safeParse(record);
          if (checked === null) return;
          expect(parsed.success, `${table}: ${JSON.stringify(record)}`).toBe(true);
          expect(canonicalJson(checked)).toBe(canonicalJson(parsed.data));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('leaves a record with a default to fill in to the schema', () => {
    const note = { ...(content.notes[0] as unknown as Record<string, unknown>) };
    delete note['isPrivate'];
    expect(bundleRecordFast.notes!(note)).toBeNull();
    expect(bundleRecordSchemas.notes.safeParse(note).success).toBe(true);
  });
});
