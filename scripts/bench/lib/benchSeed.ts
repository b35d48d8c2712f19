/**
 * The seeder's first half: generates the dataset in Node (core + the seeded generator) and writes
 * it as a bundle file the pages can fetch. The second half is the app's own import of that file
 * into a Chromium profile (metrics/bundleImport.ts), which is also the import measurement.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCreate } from '../../../src/core/bundle/bundleCreate';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { benchDataset, benchDatasetCounts } from '../seed/benchDataset';

/** What a run knows about its dataset; written beside a --seed-only profile as <dir>.bench.json. */
export interface BenchSeedMeta {
  file: string;
  bytes: number;
  counts: Record<string, number>;
  meId: string;
  meName: string;
  myDraftIds: string[];
  reportCandidateIds: string[];
  generateMs: number;
  port?: number;
}

/**
 * Generates the dataset for `candidates` and writes it as a `*.loopdesk` bundle (scope: all) into
 * `dir`. The text is plain `JSON.stringify` of a `bundleCreate` bundle (manifest checksum over the
 * canonical content, as the app writes it); the importer checks the checksum, not the byte form.
 */
export function benchSeedFileWrite(
  pack: RubricPack,
  candidates: number,
  now: number,
  dir: string,
  name: string,
): BenchSeedMeta {
  const started = performance.now();
  const dataset = benchDataset(pack, { candidates, now });
  const bundle = bundleCreate({
    content: dataset.content,
    appVersion: 'bench',
    createdAt: now,
    createdBy: 'Benchmark seeder',
    scope: { kind: 'all' },
  });
  const text = JSON.stringify(bundle);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return {
    file,
    bytes: text.length,
    counts: benchDatasetCounts(dataset.content),
    meId: dataset.me.id,
    meName: dataset.me.name,
    myDraftIds: dataset.myDraftIds,
    reportCandidateIds: dataset.reportCandidateIds,
    generateMs: performance.now() - started,
  };
}
