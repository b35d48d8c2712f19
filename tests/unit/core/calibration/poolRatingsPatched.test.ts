/**
 * The pool ratings patched in place after a seal, an amendment or a re-opening are exactly what a
 * decode, change and encode of the whole pool gives — interview order, string tables in first-use
 * order, scores ("no evidence" as NaN) — so the statistics computed from them are those of a full
 * recomputation.
 */
import { describe, expect, it } from 'vitest';
import {
  poolRatingsDecode,
  poolRatingsEncode,
  poolRatingsPatched,
  type PoolInterview,
  type PoolRatingsEntry,
} from '../../../../src/core/calibration/poolRatingsEntry';

/** A small deterministic generator (mulberry32). */
function randomOf(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const hex = (random: ReturnType<typeof randomOf>) =>
  Array.from({ length: 8 }, () => '0123456789abcdef'[random.int(16)]).join('');

function interviewOf(
  random: ReturnType<typeof randomOf>,
  people: { candidates: string[]; raters: string[]; dimensions: string[] },
): PoolInterview {
  const dimensionIds = people.dimensions.filter(() => random.next() < 0.7);
  return {
    candidateId: people.candidates[random.int(people.candidates.length)]!,
    interviewerId: people.raters[random.int(people.raters.length)]!,
    dimensionIds,
    scores: dimensionIds.map(() => (random.next() < 0.15 ? null : 1 + random.int(4))),
  };
}

function applied(
  entry: PoolRatingsEntry,
  changes: ReadonlyMap<string, PoolInterview | null>,
  seq: number,
  hash: string,
) {
  const pool = poolRatingsDecode(entry);
  for (const [id, changed] of changes) {
    if (changed) pool.set(id, changed);
    else pool.delete(id);
  }
  return poolRatingsEncode(pool, seq, hash);
}

describe('pool ratings patched after a change', () => {
  it('equal the whole pool decoded, changed and encoded again', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = randomOf(seed);
      const people = {
        candidates: Array.from({ length: 30 }, () => `c-${hex(random)}`),
        raters: Array.from({ length: 8 }, () => `r-${hex(random)}`),
        dimensions: ['ops', 'iac', 'obs', 'sec', 'lead'],
      };
      const pool = new Map(Array.from({ length: 120 }, () => [hex(random), interviewOf(random, people)] as const));
      const entry = poolRatingsEncode(pool, 10, 'a'.repeat(64));
      const ids = [...pool.keys()];
      const changes = new Map<string, PoolInterview | null>();
      // Replaced, removed, added (with a new candidate, a new rater, a dimension the pool lacks),
      // and removed though never in the pool.
      for (let n = random.int(4); n >= 0; n--) changes.set(ids[random.int(ids.length)]!, interviewOf(random, people));
      for (let n = random.int(3); n >= 0; n--) changes.set(ids[random.int(ids.length)]!, null);
      const newcomer = { candidates: ['c-new'], raters: [`r-new-${seed}`], dimensions: ['culture', 'ops'] };
      for (let n = random.int(3); n >= 0; n--) changes.set(hex(random), interviewOf(random, newcomer));
      changes.set(`zz-${hex(random)}`, null);
      // The first and last in id order too, so the merge's ends are covered.
      if (seed % 3 === 0) changes.set('', interviewOf(random, people));
      if (seed % 4 === 0) changes.set('ffffffff', interviewOf(random, newcomer));

      const patched = poolRatingsPatched(entry, changes, 11, 'b'.repeat(64));
      expect(patched).toEqual(applied(entry, changes, 11, 'b'.repeat(64)));
    }
  });

  it('removing every interview leaves an empty pool, and no change leaves the pool as it was', () => {
    const random = randomOf(99);
    const people = { candidates: ['c-1', 'c-2'], raters: ['r-1'], dimensions: ['ops', 'iac'] };
    const pool = new Map(Array.from({ length: 5 }, (_, i) => [`i-${i}`, interviewOf(random, people)] as const));
    const entry = poolRatingsEncode(pool, 3, 'c'.repeat(64));
    const all = new Map([...pool.keys()].map((id) => [id, null] as const));
    expect(poolRatingsPatched(entry, all, 4, 'd'.repeat(64))).toEqual(poolRatingsEncode(new Map(), 4, 'd'.repeat(64)));
    expect(poolRatingsPatched(entry, new Map(), 3, 'c'.repeat(64))).toEqual(entry);
  });

  it('re-encodes an entry whose interviews are out of id order', () => {
    const random = randomOf(7);
    const people = { candidates: ['c-1', 'c-2', 'c-3'], raters: ['r-1', 'r-2'], dimensions: ['ops', 'iac'] };
    const pool = new Map(Array.from({ length: 6 }, (_, i) => [`i-${i}`, interviewOf(random, people)] as const));
    const entry = poolRatingsEncode(pool, 3, 'c'.repeat(64));
    // Stored by an older build in another order: i-5 first.
    const order = [5, 0, 1, 2, 3, 4];
    const starts = order.map((i) => [entry.ratingStart[i]!, entry.ratingStart[i + 1]!] as const);
    const unordered: PoolRatingsEntry = {
      ...entry,
      interviewIds: order.map((i) => entry.interviewIds[i]!),
      interviewCandidate: Int32Array.from(order.map((i) => entry.interviewCandidate[i]!)),
      interviewInterviewer: Int32Array.from(order.map((i) => entry.interviewInterviewer[i]!)),
      ratingStart: Int32Array.from(
        starts.reduce<number[]>((acc, [from, to]) => [...acc, acc.at(-1)! + (to - from)], [0]),
      ),
      ratingDimension: Int32Array.from(starts.flatMap(([from, to]) => [...entry.ratingDimension.slice(from, to)])),
      ratingScore: Float64Array.from(starts.flatMap(([from, to]) => [...entry.ratingScore.slice(from, to)])),
    };
    const changes = new Map<string, PoolInterview | null>([
      ['i-2', null],
      ['i-9', interviewOf(random, people)],
    ]);
    expect(poolRatingsPatched(unordered, changes, 4, 'e'.repeat(64))).toEqual(
      applied(entry, changes, 4, 'e'.repeat(64)),
    );
  });
});
