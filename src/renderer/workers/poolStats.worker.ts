/**
 * Recomputes a pack's pool statistics off the main thread, on the same IndexedDB database as the
 * window that asked (Dexie runs in workers), and stores them (`poolStatsCompute`). Kept for the
 * window's life (`workerKept`): each request is answered with its id, and the database is closed
 * after each, so nothing here holds it open (the demo workspace's is deleted on leaving). The
 * pool ratings of the last computation stay in memory for the next.
 */
import { createAppDbExisting } from '../db/appDb';
import type { WorkerKeptReply } from '../db/derivedRun';
import { poolStatsCompute, type PoolRatingsKept, type PoolStatsPack } from '../db/poolStats';

export interface PoolStatsRequest {
  dbName: string;
  pack: PoolStatsPack;
}

/** The pool ratings of the last computation, so the next starts from them (see `poolStatsCompute`). */
const kept: PoolRatingsKept = new Map();

self.onmessage = async (event: MessageEvent<PoolStatsRequest & { id: number }>) => {
  const { id, dbName, pack } = event.data;
  const db = createAppDbExisting(dbName);
  let reply: WorkerKeptReply;
  try {
    await poolStatsCompute(db, pack, Date.now(), kept);
    reply = { id, ok: true };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
  self.postMessage(reply);
};
