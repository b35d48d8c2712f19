/** Row counts and a content checksum of every table: "nothing was written" as one comparable value. */
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import { sha256Hex } from '../../../src/core/crypto/sha256';
import type { AppDb } from '../../../src/renderer/db/appDb';

export async function tableChecksums(db: AppDb): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = { rows: rows.length, sha256: sha256Hex(canonicalJson(rows)) };
  }
  return out;
}
