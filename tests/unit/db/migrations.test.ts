/**
 * Every released schema version has a fixture database (`tests/fixtures/db/v<n>.json`: rows per
 * table as that version stored them). Each is written at its version and opened by the current
 * build: row counts and content checksums must come through unchanged (records of tables a later
 * version folded into another, like v4's `evidence` rows, are compared record by record).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import { sha256Hex } from '../../../src/core/crypto/sha256';
import { appDbVersion } from '../../../src/renderer/db/appDb';
import { freshIdb, recordsOf, testDb, writeFixtureAtVersion } from './dbTestKit';

const fixtureDir = 'tests/fixtures/db';
const fixtures = readdirSync(fixtureDir)
  .map((name) => /^v(\d+)\.json$/.exec(name))
  .filter((m): m is RegExpExecArray => !!m)
  .map((m) => ({ version: Number(m[1]), rows: JSON.parse(readFileSync(`${fixtureDir}/${m[0]}`, 'utf8')) as Record<string, unknown[]> }));

const checksum = (rows: unknown[]) => sha256Hex(canonicalJson([...rows].map((r) => canonicalJson(r)).sort()));

describe('schema migrations', () => {
  it('have a fixture for every released version', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(Array.from({ length: appDbVersion }, (_, i) => i + 1));
  });

  for (const fixture of fixtures) {
    it(`upgrade a version ${fixture.version} database without losing or changing a row`, async () => {
      const deps = freshIdb();
      await writeFixtureAtVersion(deps, 'migrate', fixture.version, fixture.rows);
      const db = testDb(deps, 'migrate');
      await db.open();
      expect(db.verno).toBe(appDbVersion);
      for (const [table, rows] of Object.entries(fixture.rows)) {
        // Evidence records of v1–v3's own tables are compared with what the `evidence` rows hold.
        const now = await recordsOf(db, table);
        expect(now.length, `${table} rows`).toBe(rows.length);
        expect(checksum(now), `${table} content`).toBe(checksum(rows));
      }
      db.close();
    });
  }
});
