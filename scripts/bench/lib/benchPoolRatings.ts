/**
 * The compact pool ratings (`PoolRatingsEntry`) of a generated dataset, built as the app builds
 * them from the database (`renderer/db/poolRatings`): the sealed interviews of the pack's loops,
 * each with its ratings in its evidence row's order (by dimension), through the app's own
 * `poolInterviewOf` and `poolRatingsEncode`.
 */
import {
  poolInterviewOf,
  poolRatingsEncode,
  type PoolInterview,
  type PoolRatingsEntry,
} from '../../../src/core/calibration/poolRatingsEntry';
import { interviewIsSealed } from '../../../src/core/interview/interviewLifecycle';
import type { Interview, Loop, Rating } from '../../../src/core/model/records';

const byDimension = (a: Rating, b: Rating) =>
  a.dimensionId < b.dimensionId ? -1 : a.dimensionId > b.dimensionId ? 1 : 0;

export function benchPoolRatings(
  packId: string,
  content: { interviews: readonly Interview[]; ratings: readonly Rating[]; loops: readonly Loop[] },
): PoolRatingsEntry {
  const loopsOfPack = new Set(content.loops.filter((l) => l.packId === packId).map((l) => l.id));
  const sealed = content.interviews.filter((i) => loopsOfPack.has(i.loopId) && interviewIsSealed(i));
  const ratingsOf = new Map<string, Rating[]>(sealed.map((i) => [i.id, []]));
  for (const r of content.ratings) ratingsOf.get(r.interviewId)?.push(r);
  const pool = new Map<string, PoolInterview>();
  for (const i of sealed) pool.set(i.id, poolInterviewOf(i, ratingsOf.get(i.id)!.sort(byDimension)));
  return poolRatingsEncode(pool, 0, '');
}
