/**
 * Version 4 folds the four evidence tables into one `evidence` row per interview, and keeps a
 * sealed interview's current version by its hash. A version 3 database upgrades with every record
 * unchanged (counts and checksums), in the order v3 read them, and a backup of the same data has
 * the same bytes before and after the upgrade.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { evidenceFromSnapshot, evidenceSealHash } from '../../../src/core/audit/evidenceSeal';
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import type { InterviewVersion } from '../../../src/core/model/records';
import { sha256Hex } from '../../../src/core/crypto/sha256';
import { bundleCreate, bundleStringify } from '../../../src/core/bundle';
import type { BundleContent } from '../../../src/core/bundle/bundleSchema';
import { bundleExportBuild, databaseDump } from '../../../src/renderer/db/actions/dataActions';
import { appDbVersions } from '../../../src/renderer/db/appDb';
import { evidenceAll, evidenceKinds } from '../../../src/renderer/db/evidenceRows';
import { freshIdb, recordsOf, testDb, writeFixtureAtVersion } from './dbTestKit';

const v3 = JSON.parse(readFileSync('tests/fixtures/db/v3.json', 'utf8')) as Record<string, Array<Record<string, unknown>>>;

/**
 * The v3 fixture plus three more interviews with evidence, whose note and tag ids interleave
 * across interviews (so "in key order" and "grouped by interview" differ) and two of whose notes
 * share a moment.
 */
function v3WithMoreInterviews(): Record<string, unknown[]> {
  const template = v3['interviews']![0]!;
  const ids = ['0a000000-0000-4000-8000-000000000001', 'ff000000-0000-4000-8000-000000000002', '7b000000-0000-4000-8000-000000000003'];
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const uuid = (n: number) => `${hex(n)}${'0'.repeat(6)}-0000-4000-8000-${'0'.repeat(12)}`;
  const interviews = ids.map((id) => ({ ...template, id, status: 'draft', version: 0, submittedAt: null }));
  const ratings = ids.flatMap((interviewId, i) => [
    { interviewId, dimensionId: 'iac-engineering', state: 'rated', score: 1 + i, updatedAt: 10 + i },
    { interviewId, dimensionId: 'communication', state: 'no-evidence', updatedAt: 20 + i },
  ]);
  const notes = ids.flatMap((interviewId, i) =>
    [0, 1, 2].map((k) => ({ id: uuid(200 - 40 * k - i), interviewId, at: k === 2 ? 1000 : 1000 * k, text: `line ${k}`, dimensionId: null, simAt: null, isPrivate: k === 1 })),
  );
  const signalTags = ids.map((interviewId, i) => ({ id: uuid(90 - 30 * i), interviewId, signalId: 'red-flag-secrets-in-repo', noteIds: [uuid(200 - i)], at: 0 }));
  const defectFindings = ids.map((interviewId) => ({ interviewId, exerciseId: 'terraform-review', defectId: 'hardcoded-db-password', foundAt: 5 }));
  // Sealed by a build that hashed seals (the fixture's version predates them).
  const sealed = v3['interviewVersions']![0]! as unknown as InterviewVersion;
  const read = evidenceFromSnapshot(sealed.snapshot);
  if (!read.ok) throw new Error(read.message);
  return {
    ...v3,
    interviewVersions: [{ ...sealed, evidenceSha256: evidenceSealHash(read.evidence) }],
    interviews: [...v3['interviews']!, ...interviews],
    ratings: [...v3['ratings']!, ...ratings],
    notes: [...v3['notes']!, ...notes],
    signalTags: [...v3['signalTags']!, ...signalTags],
    defectFindings: [...v3['defectFindings']!, ...defectFindings],
  };
}

/** What v3's `databaseDump` read: each table in primary-key order, the audit log by seq. */
async function v3Dump(deps: ReturnType<typeof freshIdb>, name: string): Promise<{ content: BundleContent; tombstones: unknown[] }> {
  const old = new Dexie(name, deps);
  appDbVersions.slice(0, 3).forEach(({ stores }, index) => old.version(index + 1).stores(stores));
  await old.open();
  const all = (table: string) => old.table(table).toArray();
  const content = {
    candidates: await all('candidates'),
    interviewers: await all('interviewers'),
    loops: await all('loops'),
    interviews: await all('interviews'),
    ratings: await all('ratings'),
    notes: await all('notes'),
    signalTags: await all('signalTags'),
    defectFindings: await all('defectFindings'),
    decisions: await all('decisions'),
    interviewVersions: await all('interviewVersions'),
    incidentRuns: await all('incidentRuns'),
    audit: await old.table('audit').orderBy('seq').toArray(),
  } as BundleContent;
  const tombstones = await all('tombstones');
  old.close();
  return { content, tombstones };
}

const checksum = (rows: readonly unknown[]) => sha256Hex(canonicalJson(rows));

describe('schema version 4: one evidence row per interview', () => {
  it('upgrades a version 3 database: every evidence record kept, in the order v3 read it, one row per interview', async () => {
    const deps = freshIdb();
    const rows = v3WithMoreInterviews();
    await writeFixtureAtVersion(deps, 'v3to4', 3, rows);
    const before = await v3Dump(deps, 'v3to4');
    const db = testDb(deps, 'v3to4');
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name)).not.toContain('ratings');
    expect(await db.evidence.count()).toBe(4);
    const after = await evidenceAll(db);
    for (const kind of evidenceKinds) {
      expect(after[kind], kind).toHaveLength(rows[kind]!.length);
      expect(checksum(after[kind]), kind).toBe(checksum(before.content[kind]));
    }
    // The sealed interview's current version keeps its seal hash; its snapshot is rebuilt from the rows exactly.
    const [version] = await db.interviewVersions.toArray();
    expect(version!.snapshot).toBeUndefined();
    expect(await recordsOf(db, 'interviewVersions')).toEqual(before.content.interviewVersions);
    // Each row holds only its own interview's records.
    for (const row of await db.evidence.toArray()) {
      for (const kind of evidenceKinds) expect(row[kind].every((r) => r.interviewId === row.interviewId)).toBe(true);
    }
    db.close();
  });

  it('keeps the snapshot of a version sealed before seals were hashed (nothing to check the rows against)', async () => {
    const deps = freshIdb();
    await writeFixtureAtVersion(deps, 'unhashed', 3, v3);
    const db = testDb(deps, 'unhashed');
    expect(await db.interviewVersions.toArray()).toEqual(v3['interviewVersions']);
    db.close();
  });

  it('exports the same bundle bytes after the upgrade as before it', async () => {
    const deps = freshIdb();
    await writeFixtureAtVersion(deps, 'bytes', 3, v3WithMoreInterviews());
    const before = await v3Dump(deps, 'bytes');
    const meta = { appVersion: '1.0.0', createdBy: 'Grace Hopper', now: 1_700_009_000_000 };
    const v3Bytes = bundleStringify(
      bundleCreate({ content: before.content, appVersion: meta.appVersion, createdAt: meta.now, createdBy: meta.createdBy, scope: { kind: 'all' }, tombstones: before.tombstones as never }),
    );
    const db = testDb(deps, 'bytes');
    expect(await databaseDump(db)).toEqual(before.content);
    expect(bundleStringify(await bundleExportBuild(db, { kind: 'all' }, meta))).toBe(v3Bytes);
    db.close();
  });
});
