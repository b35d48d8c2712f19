import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleCreate, bundleStringify } from '../../../../src/core/bundle/bundleCreate';
import { bundleParse, bundleParseBytes, bundleParseStream } from '../../../../src/core/bundle/bundleParse';
import {
  bundleDefaultLimits,
  type BundleContent,
  type BundleLimits,
  type BundleParseResult,
  type BundleScope,
} from '../../../../src/core/bundle/bundleSchema';
import { bundleTextScanner, type BundleStreamRead } from '../../../../src/core/bundle/bundleStreamRead';
import { jsonDepthScan } from '../../../../src/core/canonical/jsonDepth';
import { bundleContentForScope } from '../../../../src/core/bundle/bundleScope';
import { sampleBundleContent } from '../../../fixtures/bundles/sampleContent';
import { bundleMutate, mutationKinds } from './bundleMutations';

function make(content: BundleContent, scope: BundleScope = { kind: 'all' }): string {
  return bundleStringify(
    bundleCreate({ content, appVersion: '0.1.0', createdAt: 1_760_000_000_000, createdBy: 'Ana Souza', scope }),
  );
}

/** The text cut at the given positions, as the pieces a decoder would hand over. */
function cut(text: string, at: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const to of [...at].sort((a, b) => a - b)) {
    pieces.push(text.slice(from, to));
    from = to;
  }
  pieces.push(text.slice(from));
  return pieces;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

function read(pieces: readonly string[], limits: Partial<BundleLimits> = {}): BundleStreamRead {
  const scanner = bundleTextScanner({ ...bundleDefaultLimits, ...limits });
  for (const piece of pieces) {
    const refused = scanner.push(piece);
    if (refused) return { ok: false, result: refused };
  }
  return scanner.end();
}

type WholeRead = { ok: true; value: unknown } | { ok: false; code: string };

/** What the text path's step 1 makes of `text` (size, depth, syntax): the document, or its refusal. */
function readWhole(text: string, limits: Partial<BundleLimits> = {}): WholeRead {
  const effective = { ...bundleDefaultLimits, ...limits };
  if (text.length > effective.maxTextLength) return { ok: false, code: 'too-large' };
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!jsonDepthScan(json, effective.maxDepth + 1).ok) return { ok: false, code: 'too-large' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, code: 'not-json' };
  }
}

/** The streamed read agrees with the text path: the same document (key order included) or code. */
function expectSameRead(streamed: BundleStreamRead, whole: WholeRead, what: string): void {
  if (whole.ok) {
    if (!streamed.ok) throw new Error(`${what}: streamed read refused: ${JSON.stringify(streamed.result)}`);
    expect(JSON.stringify(streamed.value), what).toBe(JSON.stringify(whole.value));
    expect(streamed.value, what).toEqual(whole.value);
  } else {
    expect(streamed.ok, what).toBe(false);
    if (!streamed.ok && !streamed.result.ok) {
      const code = streamed.result.reason.code;
      expect(code, `${what}: ${streamed.result.reason.message}`).toBe(whole.code);
      expect(streamed.result.reason.message.length).toBeGreaterThan(0);
    }
  }
}

function codeOf(result: BundleParseResult): string {
  return result.ok ? 'ok' : result.reason.code;
}

const small = make(
  sampleBundleContent({
    seed: 31,
    candidates: 1,
    interviewsPerCandidate: 1,
    notesPerInterview: 1,
    interviewers: 1,
    names: ['Zoë "Q" \\ Ó Briain 👩🏽‍💻', 'back\\slash\\\\'],
  }),
);

describe('a bundle read as a stream', () => {
  it('gives the document JSON.parse gives, cut into two pieces at every position', () => {
    expect(small.length).toBeLessThan(40_000);
    expect(small).toMatch(/\\"/);
    expect(small).toMatch(/\\\\/);
    const whole = JSON.parse(small) as unknown;
    for (let at = 0; at <= small.length; at++) {
      const streamed = read(cut(small, [at]));
      if (!streamed.ok) throw new Error(`cut at ${at}: ${JSON.stringify(streamed.result)}`);
      expect(JSON.stringify(streamed.value)).toBe(small);
      if (at % 997 === 0) expect(streamed.value).toEqual(whole);
    }
  });

  it('gives the document in pieces of one character', async () => {
    const oneByOne = read(small.split(''));
    expect(oneByOne.ok && JSON.stringify(oneByOne.value)).toBe(small);
    expect(await bundleParseStream(each(small.split('')))).toEqual(bundleParse(small));
  });

  it('decodes a character split between byte chunks, at every byte', async () => {
    const bytes = new TextEncoder().encode(small);
    const expected = bundleParse(small);
    expect(expected.ok).toBe(true);
    for (let at = 0; at <= bytes.length; at += at < 2000 ? 1 : 97) {
      const result = await bundleParseBytes(each([bytes.subarray(0, at), bytes.subarray(at)]), 1 << 20);
      expect(result.ok, `bytes cut at ${at}`).toBe(true);
    }
    // Every byte of the emoji (a surrogate pair in the text) on its own.
    const emoji = new TextEncoder().encode('👩🏽');
    const start = bytes.findIndex((_, i) => emoji.every((b, k) => bytes[i + k] === b));
    expect(start).toBeGreaterThan(0);
    const pieces = [bytes.subarray(0, start)];
    for (let k = 0; k < emoji.length; k++) pieces.push(bytes.subarray(start + k, start + k + 1));
    pieces.push(bytes.subarray(start + emoji.length));
    expect(await bundleParseBytes(each(pieces), 1 << 20)).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8, more bytes than the cap, and an empty file', async () => {
    const bytes = new TextEncoder().encode(small);
    const bad = bytes.slice();
    bad[200] = 0xff;
    const notUtf8 = await bundleParseBytes(each([bad.subarray(0, 100), bad.subarray(100)]), 1 << 20);
    expect(notUtf8).toEqual({ ok: false, reason: { code: 'not-json', message: 'not UTF-8 at byte 200' } });
    const truncatedCharacter = await bundleParseBytes(each([new Uint8Array([0x7b, 0xf0, 0x9f])]), 1 << 20);
    expect(truncatedCharacter.ok || truncatedCharacter.reason.code).toBe('not-json');
    const over = await bundleParseBytes(each([bytes]), bytes.length - 1);
    expect(over.ok || over.reason.code).toBe('too-large');
    const empty = await bundleParseBytes(each([new Uint8Array(0)]), 100);
    expect(empty).toEqual({ ok: false, reason: { code: 'not-json', message: 'the file is empty' } });
  });

  it('stops reading an endless file at the cap, and an endless nesting at the depth limit', async () => {
    let pulled = 0;
    async function* endless(piece: string): AsyncGenerator<string> {
      for (;;) {
        pulled++;
        yield piece;
      }
    }
    const long = await bundleParseStream(endless('{"format":"' + 'x'.repeat(1000)), { maxTextLength: 100_000 });
    expect(long.ok || long.reason.code).toBe('too-large');
    expect(pulled).toBeLessThan(200);
    pulled = 0;
    const deep = await bundleParseStream(endless('[{"a":'));
    expect(deep.ok || deep.reason.code).toBe('too-large');
    expect(!deep.ok && deep.reason.message).toMatch(/nested deeper than 32 levels \(at character \d+\)/);
    expect(pulled).toBeLessThan(20);
  });

  it('reads duplicate keys, other top levels, trailing text and unterminated text as JSON.parse does', () => {
    const base = JSON.parse(small) as Record<string, unknown> & { content: Record<string, unknown[]> };
    const body = JSON.stringify(base.content).slice(1, -1);
    const texts = [
      `{"content":{"loops":[1,2]},"content":{${body}}}`,
      `{"content":{${body}},"content":{"loops":[1,2]}}`,
      `{"content":{${body}},"content":5}`,
      `{"content":{"loops":[1],"notes":[2],"loops":[3,4]}}`,
      `{"content":{"loops":[1],"loops":"no"}}`,
      `{"content":{"loops":"no","loops":[{"a":[1,{"b":2}]}]}}`,
      `{"\\u0063ontent":{"lo\\u006fps":[{"x":1}],"__proto__":[{"y":2}]}}`,
      `{"content":{"__proto__":[{"constructor":1}]}}`,
      `{"content":[[1],[2]]}`,
      `{"manifest":{"content":{"loops":[1]}},"content":{}}`,
      `[{"content":{"loops":[1]}}]`,
      `"a string"`,
      `42`,
      `null`,
      ` \n{"content":{"loops":[ ]}} \t`,
      `\ufeff{"content":{"loops":[1]}}`,
      `{"content":{"loops":[1,2]}} x`,
      `{"content":{"loops":[1,2]}}{}`,
      `{"content":{"loops":[1,2]}}]`,
      `{"content":{"loops":[1,2}}}`,
      `{"content":{"loops":[1,2]]}`,
      `{"content":{"loops":[1,,2]}}`,
      `{"content":{"loops":[,1]}}`,
      `{"content":{"loops":[1,]}}`,
      `{"content":{"loops":[ ,1]}}`,
      `{"content":{"loops":[1 2]}}`,
      `{"content":{"loops":[{"a":"b\\"]}]}}`,
      `{"content":{"loops":[{"a":"b\\\\"}]}}`,
      `{"content":{"loops":[{"a":"\\ud83d\\ude00"}]}}`,
      `{"content":{"loops":[1e999, -0, 1.5e-7]}}`,
      `{"content":{"loops":[1,2]}`,
      `{"content":{"loops":[1,2`,
      `{"content":{"loops":[{"a":"unterminated`,
      `{"content" {"loops":[1]}}`,
      `{"content":{"loops" [1]}}`,
      `{"content":{"loops":[1]}},`,
      `}`,
      ``,
      `   `,
      `\ufeff`,
      `\u00a0`,
    ];
    for (const text of texts) {
      const whole = readWhole(text);
      // Every cut for the short texts; the long ones (a whole content inside) every 41st.
      const step = text.length > 200 ? 41 : 1;
      for (let at = 0; at <= text.length; at += step) {
        // One cut, and three (a record in three pieces).
        for (const cuts of [[at], [at, at + 1, at + 3].filter((n) => n <= text.length)]) {
          const what = `${JSON.stringify(text.slice(0, 80))} cut at ${cuts.join(', ')}`;
          expectSameRead(read(cut(text, cuts)), whole, what);
        }
      }
    }
  });

  it('refuses a too-deep text even when its JSON is broken before the depth is reached', () => {
    const text = `{"content":{"loops":[1,,2]}, "x": ${'['.repeat(40)}`;
    const streamed = read([text]);
    expect(bundleParse(text).ok || (bundleParse(text) as { reason: { code: string } }).reason.code).toBe('too-large');
    expect(streamed.ok || (streamed.result.ok ? 'ok' : streamed.result.reason.code)).toBe('too-large');
  });
});

describe('hostile and damaged bundles read as a stream', () => {
  const bases = [
    small,
    make(sampleBundleContent({ seed: 21, candidates: 3, interviewsPerCandidate: 4 })),
    (() => {
      const all = sampleBundleContent({ seed: 23, candidates: 3 });
      const scope: BundleScope = { kind: 'loop', id: all.loops[0]!.id };
      return make(bundleContentForScope(all, scope), scope);
    })(),
  ];

  it('refuses exactly what the text path refuses, with the same code, for 400 mutations in random pieces', async () => {
    for (const base of bases) expect(await bundleParseStream(each([base]))).toEqual(bundleParse(base));
    const samples = fc.sample(
      fc.tuple(
        fc.nat({ max: bases.length - 1 }),
        fc.constantFrom(...mutationKinds),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 6 }),
      ),
      { numRuns: 400, seed: 17 },
    );
    let checked = 0;
    for (const [base, kind, a, b, c, cuts] of samples) {
      const mutated = bundleMutate(bases[base]!, kind, a, b, c);
      if (!mutated) continue;
      const what = `${mutated.what} (cut at ${cuts.join(', ')})`;
      const pieces = cut(
        mutated.text,
        cuts.map((n) => n % (mutated.text.length + 1)),
      );
      const text = bundleParse(mutated.text, mutated.limits);
      expect(text.ok, what).toBe(false);
      expectSameRead(read(pieces, mutated.limits), readWhole(mutated.text, mutated.limits), what);
      const streamed = await bundleParseStream(each(pieces), mutated.limits);
      expect(codeOf(streamed), `${what}: ${streamed.ok ? '' : streamed.reason.message}`).toBe(codeOf(text));
      if (!text.ok && text.reason.code !== 'not-json' && text.reason.code !== 'too-large') {
        expect(streamed, what).toEqual(text);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  }, 120_000);
});
