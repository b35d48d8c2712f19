import { describe, expect, it } from 'vitest';
import { auditChainVerify } from '../../../src/core/audit/auditChain';
import { bundleParse, bundleStringify } from '../../../src/core/bundle';
import { candidateCreate, loopClose, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { interviewStart, interviewSubmit, noteSave, ratingSet } from '../../../src/renderer/db/actions/interviewActions';
import {
  auditVerify,
  backupRestore,
  bundleExportBuild,
  bundleExportForViewer,
  candidateErase,
  lastingImport,
  lastingImportPreview,
  type ExchangeStep,
  databaseDump,
  retentionPurge,
  retentionPurgedText,
  retentionSet,
} from '../../../src/renderer/db/actions/dataActions';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { recordsOf, testDb } from './dbTestKit';
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import { sha256Hex } from '../../../src/core/crypto/sha256';
import { evidenceAll } from '../../../src/renderer/db/evidenceRows';

const pack = {
  manifest: { id: 'staff-devops', version: '1.0.0' },
  hash: 'b'.repeat(64),
  dimensions: [{ id: 'iac-engineering', title: 'IaC engineering' }],
  signals: [],
} as never;
const kit = { dimensions: ['iac-engineering'], sections: [{ id: 'context' }] } as never;
const day = 86_400_000;

async function withSealedLoop(name = 'Ada') {
  const db = testDb();
  const me = await profileCreate(db, { name: 'Grace' }, 1);
  const candidate = await candidateCreate(db, { name, email: `${name}@example.org`, phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 2);
  const loop = await loopCreate(db, { candidateId: candidate.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: null }] }, 'Grace', 3);
  const interview = (await db.interviews.where('loopId').equals(loop.id).first())!;
  await interviewStart(db, interview.id, kit, 10);
  await ratingSet(db, interview.id, 'iac-engineering', 3, 11);
  await noteSave(db, { id: crypto.randomUUID(), interviewId: interview.id, at: 5, text: 'Named the blast radius', dimensionId: null, simAt: null, isPrivate: false });
  await interviewSubmit(db, pack, kit, interview.id, 'Grace', 12);
  return { db, candidate, loop, interview };
}

describe('erasure', () => {
  it('removes the candidate and everything derived, leaving only a pseudonymous audit event', async () => {
    const { db, candidate } = await withSealedLoop();
    const counts = await candidateErase(db, candidate.id, 'Grace', 100);
    expect(counts).toMatchObject({ loops: 1, interviews: 1, ratings: 1, notes: 1 });
    for (const table of ['candidates', 'loops', 'interviews', 'ratings', 'notes', 'interviewVersions'] as const) {
      expect(await recordsOf(db, table), table).toHaveLength(0);
    }
    const last = await db.audit.orderBy('seq').last();
    expect(last?.action).toBe('candidate.erased');
    expect(last?.subject).toMatch(/^pseudonym:[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.audit.toArray())).not.toContain('Ada');
    expect((await auditVerify(db)).ok).toBe(true);
    // Later backups exclude them.
    const backup = await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 200 });
    expect(bundleStringify(backup)).not.toContain('Ada@example.org');
  });
});

describe('retention', () => {
  it('the purge notice names whose loops went, each person once', () => {
    expect(retentionPurgedText(3, ['Ada', 'Bea', 'Ada'])).toBe('Purged 3 closed loops: Ada, Bea.');
    expect(retentionPurgedText(1, [])).toBe('Purged 1 closed loop.');
  });

  it('purges closed loops past the period, audited, and keeps open and recent ones', async () => {
    const { db, loop, candidate } = await withSealedLoop();
    await loopClose(db, loop.id, 'Grace', 1000);
    await retentionSet(db, 30);
    expect(await retentionPurge(db, 'loopdesk', 1000 + 29 * day)).toBe(0);
    expect(await db.loops.count()).toBe(1);
    expect(await retentionPurge(db, 'loopdesk', 1000 + 31 * day)).toBe(1);
    expect(await db.loops.count()).toBe(0);
    expect(await db.candidates.get(candidate.id)).toBeUndefined();
    expect((await evidenceAll(db)).ratings).toHaveLength(0);
    expect((await db.audit.orderBy('seq').last())?.action).toBe('loop.purged');
  });

  it('does nothing without a retention period', async () => {
    const { db, loop } = await withSealedLoop();
    await loopClose(db, loop.id, 'Grace', 1000);
    expect(await retentionPurge(db, 'loopdesk', 1000 + 10_000 * day)).toBe(0);
    expect(await db.loops.count()).toBe(1);
  });
});

describe('exchange', () => {
  it('a loop bundle imports into another database once; the second time adds nothing', async () => {
    const { db, loop } = await withSealedLoop();
    const bundle = await bundleExportBuild(db, { kind: 'loop', id: loop.id }, { appVersion: 't', createdBy: 'Grace', now: 50 });
    const parsed = bundleParse(bundleStringify(bundle));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const other = testDb(undefined, 'other');
    const first = await bundleContentImport(other, parsed.value.content, { actor: 'Linus', now: 60, source: 'loop.loopdesk' });
    expect(first.summary.added).toBeGreaterThan(0);
    const second = await bundleContentImport(other, parsed.value.content, { actor: 'Linus', now: 70, source: 'loop.loopdesk' });
    expect(second.summary.isNothingToAdd).toBe(true);
    expect((await evidenceAll(other)).ratings).toHaveLength(1);
    const log = await other.audit.orderBy('seq').toArray();
    expect(log.map((e) => e.action)).toEqual(['bundle.imported']);
  });

  it('a backup restores into an empty database with its audit chain continued', async () => {
    const { db } = await withSealedLoop();
    const backup = await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50 });
    const fresh = testDb(undefined, 'restored');
    await backupRestore(fresh, backup, 'Grace', 60);
    const before = await databaseDump(db);
    const after = await databaseDump(fresh);
    expect(after.ratings).toEqual(before.ratings);
    expect(after.notes).toEqual(before.notes);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(after.audit.at(-1)?.action).toBe('backup.restored');
    expect(auditChainVerify(after.audit).ok).toBe(true);
  });
});

describe('derived caches', () => {
  it('are erased with the candidate', async () => {
    const { db, candidate } = await withSealedLoop();
    await db.settings.put({ key: 'poolCalibration:staff-devops', value: { key: 'x', calibration: { candidates: { [candidate.id]: {} } } } });
    await candidateErase(db, candidate.id, 'Grace', 100);
    expect(await db.settings.get('poolCalibration:staff-devops')).toBeUndefined();
    expect(await db.settings.get('me')).toBeDefined();
  });
});

describe('independence in exports', () => {
  /** A candidate whom a colleague has scored and sealed, while Grace's own interview is still open. */
  async function withColleagueSealed() {
    const db = testDb();
    const colleague = await profileCreate(db, { name: 'Linus' }, 1);
    const me = await profileCreate(db, { name: 'Grace' }, 1);
    const candidate = await candidateCreate(db, { name: 'Ada', email: 'ada@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 2);
    const loop = await loopCreate(
      db,
      {
        candidateId: candidate.id,
        pack,
        targetLevel: 'staff',
        interviews: [
          { kitId: 'iac-review', interviewerId: colleague.id, scheduledAt: null },
          { kitId: 'iac-review', interviewerId: me.id, scheduledAt: null },
        ],
      },
      'Grace',
      3,
    );
    const theirs = (await db.interviews.where('loopId').equals(loop.id).filter((i) => i.interviewerId === colleague.id).first())!;
    await interviewStart(db, theirs.id, kit, 10);
    await ratingSet(db, theirs.id, 'iac-engineering', 2, 11);
    await noteSave(db, { id: crypto.randomUUID(), interviewId: theirs.id, at: 5, text: 'COLLEAGUE-EVIDENCE', dimensionId: null, simAt: null, isPrivate: false });
    await interviewSubmit(db, pack, kit, theirs.id, 'Linus', 12);
    return { db, me, colleague, candidate, loop };
  }

  it("a panelist who has not sealed exports the candidate without the colleague's interview, rating or note", async () => {
    const { db, me, candidate } = await withColleagueSealed();
    const meta = { appVersion: 't', createdBy: 'Grace', now: 50 };
    const unfiltered = await bundleExportBuild(db, { kind: 'candidate', id: candidate.id }, meta);
    expect(bundleStringify(unfiltered)).toContain('COLLEAGUE-EVIDENCE');
    const result = await bundleExportForViewer(db, { kind: 'candidate', id: candidate.id }, { ...meta, viewerId: me.id });
    if (!result.ok) throw new Error(result.reason);
    const text = bundleStringify(result.bundle);
    expect(text).not.toContain('COLLEAGUE-EVIDENCE');
    expect(result.bundle.content.interviews).toEqual([]);
    expect(result.bundle.content.ratings).toEqual([]);
    expect(result.withheld).toEqual({ candidates: 1, interviews: 1 });
    // What is exported is still a valid bundle.
    expect(bundleParse(text).ok).toBe(true);
  });

  it('exporting everything is refused for them, with the reason', async () => {
    const { db, me } = await withColleagueSealed();
    const result = await bundleExportForViewer(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50, viewerId: me.id });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/not sealed your own interview of 1 candidate/);
  });

  it('the colleague who sealed exports their evidence in full', async () => {
    const { db, colleague, candidate } = await withColleagueSealed();
    const result = await bundleExportForViewer(db, { kind: 'candidate', id: candidate.id }, { appVersion: 't', createdBy: 'Linus', now: 50, viewerId: colleague.id });
    expect(result.ok && bundleStringify(result.bundle)).toContain('COLLEAGUE-EVIDENCE');
  });
});

/** Row counts and a checksum of every table: "the database is as it was" as one comparable value. */
async function everyTable(db: ReturnType<typeof testDb>): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = { rows: rows.length, sha256: sha256Hex(canonicalJson(rows)) };
  }
  return out;
}

describe('erasure that lasts', () => {
  it('keeps a tombstone (hashes and a day, no name) in the database and the audit log', async () => {
    const { db, candidate } = await withSealedLoop('Ada');
    await candidateErase(db, candidate.id, 'Grace', Date.UTC(2026, 11, 1, 9));
    const [tombstone] = await db.tombstones.toArray();
    expect(tombstone).toMatchObject({ erasedOn: '2026-12-01', reason: 'erased' });
    expect(tombstone!.candidateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(tombstone)).not.toMatch(/Ada|example\.org|${candidate.id}/);
    const entry = (await db.audit.orderBy('seq').last())!;
    expect(entry.details).toMatchObject({ tombstone: { candidateHash: tombstone!.candidateHash, erasedOn: '2026-12-01' } });
    expect(JSON.stringify(entry)).not.toContain(candidate.id);
  });

  it('export → erase → import brings nothing back and says why', async () => {
    const { db, candidate } = await withSealedLoop('Ada');
    const everything = bundleParse(bundleStringify(await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50 })));
    if (!everything.ok) throw new Error(everything.reason.message);
    await candidateErase(db, candidate.id, 'Grace', Date.UTC(2026, 11, 1));
    const preview = await lastingImportPreview(db, everything.value.content);
    expect(preview.skip.text).toBe('1 erased candidate skipped — erased on 2026-12-01');
    expect(preview.plan.add.candidates).toEqual([]);
    expect(preview.plan.add.ratings).toEqual([]);
    const imported = await lastingImport(db, everything.value.content, { actor: 'Grace', now: Date.UTC(2026, 11, 2), source: 'everything.loopdesk' });
    expect(imported.skip.text).toBe('1 erased candidate skipped — erased on 2026-12-01');
    expect(await db.candidates.count()).toBe(0);
    for (const table of ['loops', 'interviews', 'ratings', 'notes', 'interviewVersions'] as const) expect(await recordsOf(db, table), table).toHaveLength(0);
    // Restoring the same file as a backup does not bring them back either.
    const restored = await backupRestore(db, everything.value, 'Grace', Date.UTC(2026, 11, 3));
    expect(restored.skip.skipped).toHaveLength(1);
    expect(await db.candidates.count()).toBe(0);
  });

  it('a backup restored after a retention purge does not bring the purged loop back', async () => {
    const { db, loop } = await withSealedLoop('Ada');
    await loopClose(db, loop.id, 'Grace', 1000);
    const backup = bundleParse(bundleStringify(await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 2000 })));
    if (!backup.ok) throw new Error(backup.reason.message);
    await retentionSet(db, 30);
    expect(await retentionPurge(db, 'loopdesk', 1000 + 31 * day)).toBe(1);
    expect((await db.tombstones.toArray()).map((t) => t.reason)).toEqual(['purged']);
    const restored = await backupRestore(db, backup.value, 'Grace', 1000 + 32 * day);
    expect(restored.skip.skipped).toEqual([{ erasedOn: new Date(1000 + 31 * day).toISOString().slice(0, 10), reason: 'purged' }]);
    expect(await db.loops.count()).toBe(0);
    expect(await db.candidates.count()).toBe(0);
    expect((await evidenceAll(db)).ratings).toHaveLength(0);
  });

  it('another candidate in the same bundle still comes in', async () => {
    const { db, candidate } = await withSealedLoop('Ada');
    const other = await candidateCreate(db, { name: 'Bea', email: 'bea@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 4);
    const everything = await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50 });
    await candidateErase(db, candidate.id, 'Grace', 100);
    await db.candidates.delete(other.id);
    const { skip } = await lastingImport(db, everything.content, { actor: 'Grace', now: 200, source: 'everything' });
    expect(skip.skipped).toHaveLength(1);
    expect((await db.candidates.toArray()).map((c) => c.name)).toEqual(['Bea']);
  });
});

describe('erasures travel in bundles', () => {
  const exportAll = async (db: Awaited<ReturnType<typeof withSealedLoop>>['db'], now: number) => {
    const parsed = bundleParse(bundleStringify(await bundleExportBuild(db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now })));
    if (!parsed.ok) throw new Error(parsed.reason.message);
    return parsed.value;
  };

  it('a bundle made after an erasure erases the candidate on the importing machine, once confirmed, for good', async () => {
    const a = await withSealedLoop('Ada');
    const before = await exportAll(a.db, 50);
    expect(before.manifest.tombstones).toBeUndefined();
    const b = testDb();
    await lastingImport(b, before.content, { actor: 'Linus', now: 60, source: 'before.loopdesk' });
    expect(await b.candidates.count()).toBe(1);

    await candidateErase(a.db, a.candidate.id, 'Grace', Date.UTC(2026, 11, 1));
    const after = await exportAll(a.db, Date.UTC(2026, 11, 1) + 1);
    expect(after.manifest.tombstones).toHaveLength(1);
    expect(JSON.stringify(after)).not.toMatch(/Ada|example\.org/);

    // The preview names who would be erased here, and nothing is written until the import runs.
    const preview = await lastingImportPreview(b, after.content, after.manifest.tombstones);
    expect(preview.erases).toEqual([{ candidateId: a.candidate.id, name: 'Ada', erasedOn: '2026-12-01' }]);
    expect(await b.candidates.count()).toBe(1);
    const done = await lastingImport(b, after.content, {
      actor: 'Linus',
      now: Date.UTC(2026, 11, 2),
      source: 'after.loopdesk',
      tombstones: after.manifest.tombstones,
    });
    expect(done.erases.map((e) => e.name)).toEqual(['Ada']);
    for (const table of ['candidates', 'loops', 'interviews', 'ratings', 'notes', 'interviewVersions'] as const)
      expect(await recordsOf(b, table), table).toHaveLength(0);
    expect(await b.tombstones.count()).toBe(1);
    const erasedEntry = (await b.audit.orderBy('seq').toArray()).find((e) => e.action === 'candidate.erased');
    expect(erasedEntry?.details).toMatchObject({ receivedFromBundle: true });
    expect((await auditVerify(b)).ok).toBe(true);

    // The bundle from before the erasure no longer brings Ada back to this machine either.
    const again = await lastingImport(b, before.content, { actor: 'Linus', now: Date.UTC(2026, 11, 3), source: 'before.loopdesk' });
    expect(again.skip.text).toBe('1 erased candidate skipped — erased on 2026-12-01');
    expect(await b.candidates.count()).toBe(0);
  });

  it('a malformed tombstone section is refused with its location, before anything is written', async () => {
    const a = await withSealedLoop('Ada');
    const other = await candidateCreate(a.db, { name: 'Bea', email: 'bea@example.org', phone: '', packId: 'staff-devops', targetLevel: 'staff', notes: '' }, 'Grace', 4);
    await candidateErase(a.db, other.id, 'Grace', 100);
    const text = bundleStringify(await bundleExportBuild(a.db, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 200 }));
    const broken = JSON.parse(text) as { manifest: { tombstones: Array<Record<string, unknown>> } };
    broken.manifest.tombstones[0]!['salt'] = 'not hex';
    const parsed = bundleParse(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.message).toMatch(/^manifest\.tombstones\[0\]\.salt: .*must be 32 hex digits/);
  });
});

describe('restore and import are atomic', () => {
  const steps: ExchangeStep[] = ['tombstones-read', 'audit-restored', 'imported', 'audited'];

  /** A database with evidence, and a backup of another one that would add to it. */
  async function withBackupToRestore() {
    const { db } = await withSealedLoop('Ada');
    const { db: source } = await withSealedLoop('Bea');
    const backup = bundleParse(bundleStringify(await bundleExportBuild(source, { kind: 'all' }, { appVersion: 't', createdBy: 'Grace', now: 50 })));
    if (!backup.ok) throw new Error(backup.reason.message);
    return { db, backup: backup.value };
  }

  it.each(steps)('restore failing after %s leaves every table as it was', async (step) => {
    const { db, backup } = await withBackupToRestore();
    const before = await everyTable(db);
    await expect(
      backupRestore(db, backup, 'Grace', 100, (at) => {
        if (at === step) throw new Error(`injected at ${at}`);
      }),
    ).rejects.toThrow(`injected at ${step}`);
    expect(await everyTable(db)).toEqual(before);
  });

  it.each(steps)('restore into an empty database failing after %s leaves it empty', async (step) => {
    const { backup } = await withBackupToRestore();
    const empty = testDb(undefined, 'empty');
    const before = await everyTable(empty);
    await expect(
      backupRestore(empty, backup, 'Grace', 100, (at) => {
        if (at === step) throw new Error(`injected at ${at}`);
      }),
    ).rejects.toThrow();
    expect(await everyTable(empty)).toEqual(before);
  });

  it.each(['evidence', 'interviewVersions', 'audit'] as const)('restore failing while writing %s leaves every table as it was', async (table) => {
    const { db, backup } = await withBackupToRestore();
    const before = await everyTable(db);
    db.table(table).hook('creating', () => {
      throw new Error(`disk full writing ${table}`);
    });
    await expect(backupRestore(db, backup, 'Grace', 100)).rejects.toThrow();
    expect(await everyTable(db)).toEqual(before);
  });

  it.each(['tombstones-read', 'imported', 'audited'] as const)('import failing after %s leaves every table as it was', async (step) => {
    const { db, backup } = await withBackupToRestore();
    const before = await everyTable(db);
    await expect(
      lastingImport(db, backup.content, { actor: 'Grace', now: 100, source: 'x' }, (at) => {
        if (at === step) throw new Error(`injected at ${at}`);
      }),
    ).rejects.toThrow();
    expect(await everyTable(db)).toEqual(before);
  });

  it('without a failure the same restore adds the other database’s records', async () => {
    const { db, backup } = await withBackupToRestore();
    const before = await everyTable(db);
    await backupRestore(db, backup, 'Grace', 100);
    const after = await everyTable(db);
    expect(after['candidates']!.rows).toBe(before['candidates']!.rows + 1);
    expect(after['audit']).not.toEqual(before['audit']);
  });
});
