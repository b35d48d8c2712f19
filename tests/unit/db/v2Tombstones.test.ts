/** Version 2 adds the tombstones table: a version 1 database opens with every row and no tombstone. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshIdb, recordsOf, testDb, writeFixtureAtVersion } from './dbTestKit';

const v1 = JSON.parse(readFileSync('tests/fixtures/db/v1.json', 'utf8')) as Record<string, unknown[]>;

describe('schema version 2: tombstones', () => {
  it('upgrades a version 1 database: every row kept, an empty tombstones table that takes writes', async () => {
    const deps = freshIdb();
    await writeFixtureAtVersion(deps, 'v1to2', 1, v1);
    const db = testDb(deps, 'v1to2');
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    for (const [table, rows] of Object.entries(v1)) expect(await recordsOf(db, table), table).toHaveLength(rows.length);
    expect(await db.tombstones.count()).toBe(0);
    await db.tombstones.put({ candidateHash: 'a'.repeat(64), emailHash: null, salt: 'b'.repeat(32), erasedOn: '2026-12-01', reason: 'erased' });
    expect(await db.tombstones.where('erasedOn').equals('2026-12-01').count()).toBe(1);
    db.close();
  });
});
