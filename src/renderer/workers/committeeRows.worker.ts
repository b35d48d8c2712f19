/**
 * Builds a pack's committee rows off the main thread (`committeeRowsCompute`), on the same
 * IndexedDB database as the window that asked, once that head's pool statistics are stored.
 */
import type { RubricPack } from '../../core/rubric/schema';
import { createAppDbExisting } from '../db/appDb';
import { committeeRowsCompute } from '../db/committeeRows';
import type { WorkerReply } from '../db/derivedRun';

export interface CommitteeRowsRequest {
  dbName: string;
  pack: RubricPack;
}

self.onmessage = async (event: MessageEvent<CommitteeRowsRequest>) => {
  const db = createAppDbExisting(event.data.dbName);
  let reply: WorkerReply;
  try {
    await committeeRowsCompute(db, event.data.pack, Date.now());
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
  self.postMessage(reply);
};
