/**
 * Recomputes a pack's pool statistics off the main thread, on the same IndexedDB database as the
 * window that asked (Dexie runs in workers), and stores them (`poolStatsCompute`).
 */
import { createAppDb } from '../db/appDb';
import { poolStatsCompute, type PoolStatsPack } from '../db/poolStats';

export interface PoolStatsRequest {
  dbName: string;
  pack: PoolStatsPack;
}
export type PoolStatsReply = { ok: true; key: string } | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<PoolStatsRequest>) => {
  const db = createAppDb(event.data.dbName);
  let reply: PoolStatsReply;
  try {
    const entry = await poolStatsCompute(db, event.data.pack, Date.now());
    reply = { ok: true, key: entry.key };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
  self.postMessage(reply);
};
