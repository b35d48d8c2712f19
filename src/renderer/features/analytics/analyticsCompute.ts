/**
 * Interviewer analytics of a pack from the local database: in a worker where the platform has
 * workers (the app), in this thread otherwise (unit tests in Node).
 */
import { interviewerAnalytics, type InterviewerAnalyticsResult } from '../../../core/analytics/interviewerAnalytics';
import type { RubricPack } from '../../../core/rubric/schema';
import type { AppDb } from '../../db/appDb';
import type { AnalyticsReply, AnalyticsRequest } from '../../workers/analytics.worker';
import { analyticsInputRead } from './analyticsRead';

export interface AnalyticsView {
  result: InterviewerAnalyticsResult;
  /** Interviewer id → name. */
  names: Record<string, string>;
}

function computeInWorker(db: AppDb, pack: RubricPack): Promise<AnalyticsView> {
  const worker = new Worker(new URL('../../workers/analytics.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<AnalyticsView>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<AnalyticsReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.view);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the analytics worker failed'));
    };
    worker.postMessage({ dbName: db.name, pack } satisfies AnalyticsRequest);
  });
}

export async function analyticsCompute(db: AppDb, pack: RubricPack): Promise<AnalyticsView> {
  if (typeof Worker === 'function') return computeInWorker(db, pack);
  const { input, names } = await analyticsInputRead(db, pack);
  return { result: interviewerAnalytics(input), names };
}
