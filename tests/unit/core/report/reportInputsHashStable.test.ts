/**
 * A committee decision records the inputs hash of the report it was made on, and is shown as made
 * on other evidence when today's report hashes differently: the hash of unchanged evidence must
 * never change between versions of the app. These are the hashes of every demo candidate's
 * reports, pinned, built from evidence handed over in a scrambled order (so the report's own
 * ordering of its inputs decides the hash).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { reportBuild, reportPoolCalibration } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';
import { sha256Hex } from '../../../../src/core/crypto/sha256';

const repoRoot = join(import.meta.dirname, '../../../..');
let pack: RubricPack;
let demo: BundleContent;

beforeAll(() => {
  const files = rubricFilesRead(join(repoRoot, 'rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
});

/** A fixed permutation that is neither the stored order nor its reverse. */
function scrambled<T>(rows: readonly T[]): T[] {
  return rows.map((row, i) => ({ row, k: (i * 7919) % 104729 })).sort((a, b) => a.k - b.k || 0).map(({ row }) => row).reverse();
}

describe('report inputs hash', () => {
  it('is the pinned one for every demo candidate and audience, whatever order the evidence comes in', () => {
    const evidence: BundleContent = {
      ...demo,
      interviews: scrambled(demo.interviews),
      ratings: scrambled(demo.ratings),
      notes: scrambled(demo.notes),
      signalTags: scrambled(demo.signalTags),
      defectFindings: scrambled(demo.defectFindings),
      incidentRuns: scrambled(demo.incidentRuns),
      decisions: scrambled(demo.decisions),
    };
    const calibration = reportPoolCalibration(pack, evidence);
    const hashes = demo.candidates
      .map((c) => c.id)
      .sort()
      .flatMap((candidateId) =>
        (['committee', 'recruiter'] as const).map(
          (audience) => reportBuild({ pack, candidateId, evidence, calibration, audience }).inputsHash,
        ),
      );
    expect(hashes.length).toBeGreaterThan(20);
    expect(sha256Hex(hashes.join('\n'))).toBe('defe59585ca5ba8a514fad318ee2c4efff24d63bc8ec13ba8ba027d65dc70f8c');
  });
});
