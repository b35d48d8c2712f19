import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleCreate } from '../../../../src/core/bundle/bundleCreate';
import { bundleAllUnchanged, bundleImportPlan } from '../../../../src/core/bundle/bundleImportPlan';
import {
  bundleContentHashIndex,
  bundleContentKeys,
  bundleRecordHash,
  bundleRecordKey,
} from '../../../../src/core/bundle/bundleKeys';
import { bundleTables, type BundleContent, type BundleTable } from '../../../../src/core/bundle/bundleSchema';
import { sampleBundleContent } from '../../../fixtures/bundles/sampleContent';

type Rows = Record<BundleTable, Record<string, unknown>[]>;

function emptyRows(): Rows {
  return Object.fromEntries(bundleTables.map((table) => [table, []])) as unknown as Rows;
}

/** A changed copy of a record, same primary key, still valid. */
function tweak(table: BundleTable, record: Record<string, unknown>): Record<string, unknown> {
  switch (table) {
    case 'candidates':
      return { ...record, notes: `${String(record.notes)} (edited here)` };
    case 'interviews':
      return { ...record, amendReason: 'Edited on this machine' };
    case 'ratings':
      return { ...record, updatedAt: (record.updatedAt as number) + 1 };
    case 'notes':
      return { ...record, text: `${String(record.text)}!` };
    default:
      return { ...record, ...('updatedAt' in record ? { updatedAt: (record.updatedAt as number) + 1 } : {}) };
  }
}

/** This machine: some of the bundle's records as they are, some edited, the rest missing. */
const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    candidates: fc.integer({ min: 1, max: 4 }),
    keep: fc.array(fc.constantFrom('same', 'same', 'missing', 'edited'), { minLength: 400, maxLength: 400 }),
  })
  .map(({ seed, candidates, keep }) => {
    const content = sampleBundleContent({ seed, candidates, interviewsPerCandidate: 3 });
    const here = emptyRows();
    let k = 0;
    for (const table of bundleTables) {
      for (const record of content[table] as unknown as Record<string, unknown>[]) {
        const fate = keep[k++ % keep.length]!;
        const canEdit = ['candidates', 'interviews', 'ratings', 'notes'].includes(table);
        if (fate === 'same' || (fate === 'edited' && !canEdit)) here[table].push(record);
        else if (fate === 'edited') here[table].push(tweak(table, record));
      }
    }
    return { content, here };
  });

function plan(here: Rows, content: BundleContent) {
  return bundleImportPlan(bundleContentHashIndex(here as unknown as BundleContent), content);
}

describe('bundleImportPlan', () => {
  it('adds everything to an empty machine', () => {
    const content = sampleBundleContent({ seed: 4, candidates: 3 });
    const result = bundleImportPlan(
      {},
      bundleCreate({ content, appVersion: '0.1.0', createdAt: 1, createdBy: 'Ana', scope: { kind: 'all' } }),
    );
    expect(result.add).toEqual(content);
    expect(result.conflicts).toEqual([]);
    expect(result.summary.isNothingToAdd).toBe(false);
    expect(result.summary.text).toMatch(/^adds 3 candidates, 4 interviewers, 3 loops, 9 interviews, 90 ratings/);
  });

  it('is idempotent: importing the same bundle twice adds nothing the second time', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, here }) => {
        const first = plan(here, content);
        const after = emptyRows();
        for (const table of bundleTables) {
          after[table] = [...here[table], ...(first.add[table] as unknown as Record<string, unknown>[])];
        }
        const second = plan(after, content);
        expect(second.summary.added).toBe(0);
        expect(second.summary.isNothingToAdd).toBe(true);
        expect(second.conflicts).toEqual(first.conflicts);
        expect(second.heldBack).toEqual(first.heldBack);
        for (const table of bundleTables) {
          expect(second.unchanged[table]).toBe(first.unchanged[table] + first.add[table].length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('accounts for every incoming record exactly once and never re-adds a key that is here', () => {
    fc.assert(
      fc.property(scenarioArb, ({ content, here }) => {
        const result = plan(here, content);
        for (const table of bundleTables) {
          const conflicts = result.conflicts.filter((conflict) => conflict.table === table).length;
          expect(result.add[table].length + result.unchanged[table] + conflicts + result.heldBack[table]).toBe(
            content[table].length,
          );
          const hereKeys = new Set(here[table].map((record) => bundleRecordKey(table, record as never)));
          for (const record of result.add[table])
            expect(hereKeys.has(bundleRecordKey(table, record as never))).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists an interview edited here as a conflict, keeps ours, and holds back the rest of it', () => {
    const content = sampleBundleContent({ seed: 8, candidates: 2, interviewsPerCandidate: 2, notesPerInterview: 2 });
    const interview = content.interviews[0]!;
    const here = emptyRows();
    here.candidates = [...content.candidates];
    here.interviewers = [...content.interviewers];
    here.loops = [...content.loops];
    here.interviews = [tweak('interviews', interview)];
    here.ratings = content.ratings.filter((rating) => rating.interviewId === interview.id).slice(0, 4);
    const result = plan(here, content);
    expect(result.conflicts).toEqual([
      {
        table: 'interviews',
        id: interview.id,
        reason: expect.stringContaining('already here with different content') as string,
        existingHash: bundleRecordHash(here.interviews[0]),
        incomingHash: bundleRecordHash(interview),
      },
    ]);
    expect(result.add.interviews.map((i) => i.id)).not.toContain(interview.id);
    expect(result.add.ratings.some((rating) => rating.interviewId === interview.id)).toBe(false);
    expect(result.add.notes.some((note) => note.interviewId === interview.id)).toBe(false);
    expect(result.heldBack.ratings).toBe(6);
    expect(result.heldBack.notes).toBe(2);
    expect(result.unchanged.ratings).toBe(4);
    expect(result.add.interviews).toHaveLength(content.interviews.length - 1);
    expect(result.summary.text).toContain('1 conflict (kept as here)');
  });

  it('matches ratings by interview and dimension, findings by interview and defect, runs by interview, audit by hash', () => {
    const content = sampleBundleContent({ seed: 9, candidates: 6 });
    const rating = content.ratings[0]!;
    expect(bundleRecordKey('ratings', rating)).toBe(`${rating.interviewId}/${rating.dimensionId}`);
    const finding = content.defectFindings[0]!;
    expect(bundleRecordKey('defectFindings', finding)).toBe(`${finding.interviewId}/${finding.defectId}`);
    const run = content.incidentRuns[0]!;
    expect(bundleRecordKey('incidentRuns', run)).toBe(run.interviewId);
    expect(bundleRecordKey('audit', content.audit[0]!)).toBe(content.audit[0]!.hash);
    const keys = bundleContentKeys(content);
    expect(keys.ratings).toHaveLength(content.ratings.length);
    expect(keys.candidates).toEqual(content.candidates.map((candidate) => candidate.id));
  });

  it('treats the same record with its keys in another order as unchanged', () => {
    const content = sampleBundleContent({ seed: 10, candidates: 1, interviewsPerCandidate: 1 });
    const reordered = Object.fromEntries(Object.entries(content.candidates[0]!).reverse());
    const result = bundleImportPlan(bundleContentHashIndex({ candidates: [reordered as never] }), content);
    expect(result.unchanged.candidates).toBe(1);
    expect(result.add.candidates).toEqual([]);
  });

  it('counts a foreign audit log as already here, as a lookup of its own entries would', () => {
    const content = sampleBundleContent({ seed: 11, candidates: 2, interviewsPerCandidate: 2 });
    const byHash = bundleImportPlan({ audit: bundleContentHashIndex({ audit: content.audit }).audit }, content);
    const unhashed = bundleImportPlan({ audit: bundleAllUnchanged }, content);
    expect(content.audit.length).toBeGreaterThan(0);
    expect(unhashed).toEqual(byHash);
    expect(unhashed.unchanged.audit).toBe(content.audit.length);
    expect(unhashed.add.audit).toEqual([]);
  });
});
