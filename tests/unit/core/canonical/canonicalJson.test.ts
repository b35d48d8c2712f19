import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  CanonicalJsonError,
  canonicalJsonEncode,
  canonicalJsonOfMembers,
} from '../../../../src/core/canonical/canonicalJson';

/** The IEEE-754 double with the given bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson', () => {
  it('serializes the RFC 8785 Appendix B numbers exactly', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of table) expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
  });

  it('serializes the literal numbers named in the RFC text', () => {
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(Number('333333333.33333329'))).toBe('333333333.3333333');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e-7)).toBe('1e-7');
  });

  it('rejects NaN and the infinities, which have no JSON form (RFC 8785 Appendix B)', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000']) {
      expect(canonicalJsonEncode(fromBits(bits)).ok).toBe(false);
    }
    expect(canonicalJsonEncode({ a: [1, -Infinity] })).toEqual({
      ok: false,
      issues: [{ path: '$.a[1]', message: '-Infinity is not a JSON number' }],
    });
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('matches the RFC 8785 §3.2.2 serialization example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('rejects values that are not JSON data, naming where they are', () => {
    const rejected: [unknown, string][] = [
      [[1, undefined], '$[1]'],
      [{ when: new Date(0) }, '$.when'],
      [{ m: new Map() }, '$.m'],
      [{ f: () => 1 }, '$.f'],
      [{ big: 1n }, '$.big'],
      [{ s: Symbol('x') }, '$.s'],
      [{ 'odd key': '\ud800' }, '$["odd key"]'],
      [{ ['\udc00']: 1 }, '$["\\udc00"]'],
      [undefined, '$'],
    ];
    for (const [value, path] of rejected) {
      const result = canonicalJsonEncode(value);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.issues[0]!.path).toBe(path);
    }
    expect(() => canonicalJson({ x: NaN })).toThrow(CanonicalJsonError);
  });

  it('rejects a cycle instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(canonicalJsonEncode(cyclic).ok).toBe(false);
  });

  it('leaves out object properties that are undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1, y: 2 }))).toBe('{"y":2,"z":1}');
  });

  it('keeps surrogate pairs, RTL text and combining marks as they are', () => {
    expect(canonicalJson('שלום 👩🏽‍💻 e\u0301')).toBe('"שלום 👩🏽‍💻 e\u0301"');
  });

  it('sorts objects with hundreds of distinct keys and escaped lone surrogates the same way', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(299 - i).padStart(3, '0')}`);
    const wide = Object.fromEntries(keys.map((key, i) => [key, i]));
    const expected = `{${[...keys]
      .sort()
      .map((key) => `"${key}":${wide[key]}`)
      .join(',')}}`;
    expect(canonicalJson({ wide })).toBe(`{"wide":${expected}}`);
    // A literal backslash followed by "ud800" is ordinary text, not a surrogate.
    expect(canonicalJson({ b: '\\ud800', a: 1 })).toBe('{"a":1,"b":"\\\\ud800"}');
    expect(canonicalJsonEncode({ b: ['ok', 'x\ud800'], a: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: '$.b[1]' }],
    });
  });

  it('is a fixed point: parsing canonical JSON and canonicalizing again gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonicalJsonOfMembers', () => {
  it('writes exactly the canonical text of the whole object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))), (record) => {
        expect(canonicalJsonOfMembers(record)).toBe(canonicalJson(record));
      }),
      { numRuns: 500 },
    );
    const mixed = { z: [{ b: 1, a: 2 }], interview: { id: 'x', kitId: 'k' }, seal: 's', gone: undefined, 'é': null };
    expect(canonicalJsonOfMembers(mixed)).toBe('{"interview":{"id":"x","kitId":"k"},"seal":"s","z":[{"a":2,"b":1}],"é":null}');
  });

  it('refuses what canonicalJson refuses, naming the member', () => {
    expect(() => canonicalJsonOfMembers({ ok: 1, ratings: [{ score: Number.NaN }] })).toThrow(
      new CanonicalJsonError({ path: '$.ratings[0].score', message: 'NaN is not a JSON number' }),
    );
    expect(() => canonicalJsonOfMembers(new Date(0) as unknown as Record<string, unknown>)).toThrow(CanonicalJsonError);
  });
});
