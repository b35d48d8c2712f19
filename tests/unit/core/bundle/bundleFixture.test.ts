import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleStringify } from '../../../../src/core/bundle/bundleCreate';
import { bundleParse } from '../../../../src/core/bundle/bundleParse';
import { sampleBundle } from '../../../fixtures/bundles/sampleContent';

const text = readFileSync(new URL('../../../fixtures/bundles/sample.loopdesk', import.meta.url), 'utf8');

describe('tests/fixtures/bundles/sample.loopdesk', () => {
  it('is a valid bundle with every table filled', () => {
    const result = bundleParse(text);
    if (!result.ok) throw new Error(result.reason.message);
    for (const [table, count] of Object.entries(result.value.manifest.counts)) expect(count, table).toBeGreaterThan(0);
  });

  it('is what the generator writes (else run: npx tsx tests/fixtures/bundles/writeSample.ts)', () => {
    expect(text === bundleStringify(sampleBundle())).toBe(true);
  });
});
