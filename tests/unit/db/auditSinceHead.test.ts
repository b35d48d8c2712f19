/**
 * Stored derived data (pool ratings, committee rows) is brought forward from the audit entries
 * after its head only while the log continues that head: same entry, same hash, not too far back.
 */
import { describe, expect, it } from 'vitest';
import { auditWrite } from '../../../src/renderer/db/actions/auditActions';
import type { AppDb } from '../../../src/renderer/db/appDb';
import { auditEntriesSinceHead, maxIncrementalEntries } from '../../../src/renderer/db/auditSinceHead';
import { testDb } from './dbTestKit';

async function logOf(count: number): Promise<AppDb> {
  const db = testDb();
  await db.transaction('rw', db.audit, async () => {
    for (let i = 0; i < count; i++)
      await auditWrite(db, { at: 1_000 + i, actor: 'Test', action: 'report.exported', subject: `s${i}`, details: {} });
  });
  return db;
}

describe('auditEntriesSinceHead', () => {
  it('gives the entries after a head the log continues, in order', async () => {
    const db = await logOf(5);
    const head = (await db.audit.get(2))!;
    const since = await auditEntriesSinceHead(db, { auditSeq: 2, auditHash: head.hash }, 5);
    expect(since?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect((await auditEntriesSinceHead(db, { auditSeq: 0, auditHash: '' }, 5))?.length).toBe(5);
  });

  it('is null when the head entry has another hash, is gone, or is ahead of the log', async () => {
    const db = await logOf(5);
    expect(await auditEntriesSinceHead(db, { auditSeq: 2, auditHash: 'f'.repeat(64) }, 5)).toBeNull();
    expect(await auditEntriesSinceHead(db, { auditSeq: 0, auditHash: 'f'.repeat(64) }, 5)).toBeNull();
    await db.audit.delete(2);
    expect(await auditEntriesSinceHead(db, { auditSeq: 2, auditHash: 'anything' }, 5)).toBeNull();
    expect(await auditEntriesSinceHead(db, { auditSeq: 9, auditHash: 'anything' }, 5)).toBeNull();
  });

  it('is null more than the incremental limit behind, and works inside a read transaction', async () => {
    const db = await logOf(3);
    const head = (await db.audit.get(1))!;
    expect(
      await auditEntriesSinceHead(db, { auditSeq: 1, auditHash: head.hash }, 1 + maxIncrementalEntries + 1),
    ).toBeNull();
    const inside = await db.transaction('r', db.audit, async () => {
      const since = await auditEntriesSinceHead(db, { auditSeq: 1, auditHash: head.hash }, 3);
      return { since, last: await db.audit.orderBy('seq').last() };
    });
    expect(inside.since?.map((e) => e.seq)).toEqual([2, 3]);
    expect(inside.last?.seq).toBe(3);
  });
});
