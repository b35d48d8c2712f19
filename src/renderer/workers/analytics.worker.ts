/**
 * Computes interviewer analytics off the main thread, reading the same IndexedDB database as the
 * window that asked (Dexie runs in workers): a pool of thousands of candidates must not freeze
 * the screen. Nothing is written.
 */
import { interviewerAnalytics } from '../../core/analytics/interviewerAnalytics';
import type { RubricPack } from '../../core/rubric/schema';
import { createAppDbExisting } from '../db/appDb';
import { analyticsInputRead } from '../features/analytics/analyticsRead';
import type { AnalyticsView } from '../features/analytics/analyticsCompute';

export interface AnalyticsRequest {
  dbName: string;
  pack: RubricPack;
}
export type AnalyticsReply = { ok: true; view: AnalyticsView } | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<AnalyticsRequest>) => {
  const db = createAppDbExisting(event.data.dbName);
  let reply: AnalyticsReply;
  try {
    const { input, names } = await analyticsInputRead(db, event.data.pack);
    reply = { ok: true, view: { result: interviewerAnalytics(input), names } };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
  self.postMessage(reply);
};
