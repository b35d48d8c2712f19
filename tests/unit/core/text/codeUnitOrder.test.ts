import { describe, expect, it } from 'vitest';
import { byCodeUnits } from '../../../../src/core/text/codeUnitOrder';
import { uuidSchema } from '../../../../src/core/model/records';
import { rubricIdSchema } from '../../../../src/core/rubric/schema';

/** A small deterministic generator (xorshift), so a failure names the same strings every run. */
function randomOf(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const pick = (next: () => number, alphabet: string) => alphabet[Math.floor(next() * alphabet.length)]!;
const hex = (next: () => number, n: number) => Array.from({ length: n }, () => pick(next, '0123456789abcdef')).join('');
const uuid = (next: () => number) =>
  `${hex(next, 8)}-${hex(next, 4)}-${pick(next, '12345678')}${hex(next, 3)}-${pick(next, '89ab')}${hex(next, 3)}-${hex(next, 12)}`;
/** Short parts, so that many pairs share a prefix and differ where a hyphen meets a letter or digit. */
const kebab = (next: () => number) =>
  Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) =>
    (i === 0 ? pick(next, 'abc') : '') +
    Array.from({ length: Math.floor(next() * 3) }, () => pick(next, 'ab0z9')).join(''),
  ).join('-');

describe('byCodeUnits', () => {
  it('orders as IndexedDB and `<` do', () => {
    expect(['b', 'B', 'a-b', 'ab', 'a'].sort(byCodeUnits)).toEqual(['B', 'a', 'a-b', 'ab', 'b']);
  });

  it('gives the order localeCompare gives for the ids records carry (UUIDs, rubric ids)', () => {
    const next = randomOf(20261203);
    // UUIDs sharing a prefix of random length, so that every position gets compared.
    const uuids = Array.from({ length: 400 }, () => uuid(next));
    const near = uuids.map((u, i) => uuids[(i + 1) % uuids.length]!.slice(0, i % 36) + u.slice(i % 36));
    const ids = [...uuids, ...near.filter((u) => uuidSchema.safeParse(u).success)];
    const kebabs = Array.from({ length: 800 }, () => kebab(next)).filter((k) => rubricIdSchema.safeParse(k).success);
    expect(kebabs.length).toBeGreaterThan(300);
    for (const list of [ids, kebabs]) {
      for (let i = 0; i < list.length; i++) {
        for (const j of [i + 1, i + 7, i + 31]) {
          const a = list[i]!;
          const b = list[j % list.length]!;
          expect(Math.sign(byCodeUnits(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)));
        }
      }
    }
  });
});
