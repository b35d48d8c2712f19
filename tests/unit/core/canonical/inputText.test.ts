import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textBlockForDisplay, textForDisplay } from '../../../../src/core/canonical/displayText';
import { jsonDepthScan } from '../../../../src/core/canonical/jsonDepth';
import { utf8InvalidAt } from '../../../../src/core/canonical/utf8Check';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('utf8InvalidAt', () => {
  it('accepts what TextDecoder accepts and names the first bad byte otherwise', () => {
    expect(utf8InvalidAt(new TextEncoder().encode('René 👩🏽‍💻 ✓'))).toBe(-1);
    expect(utf8InvalidAt(bytes(0x52, 0x65, 0x6e, 0xe9))).toBe(3); // "René" in Latin-1
    expect(utf8InvalidAt(bytes(0x41, 0xc0, 0x80))).toBe(1); // overlong NUL
    expect(utf8InvalidAt(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(utf8InvalidAt(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
    expect(utf8InvalidAt(bytes(0x41, 0xe2, 0x82))).toBe(1); // cut short
    for (let i = 0; i < 2000; i++) {
      const random = new Uint8Array(8).map(() => Math.floor(Math.random() * 256));
      let decodes = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(random);
      } catch {
        decodes = false;
      }
      expect(utf8InvalidAt(random) === -1, Array.from(random).join(',')).toBe(decodes);
    }
  });
});

describe('jsonDepthScan', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepthScan('[[["[[[[[[\\"[["]]]', 3)).toEqual({ ok: true });
    expect(jsonDepthScan('{"a":[{"b":[1]}]}', 3)).toEqual({ ok: false, offset: 11, depth: 4 });
  });

  it('gives what a scan character by character gives, on any mix of quotes, escapes and brackets', () => {
    // The scan as first written: a backslash inside a string skips the next character.
    const reference = (text: string, maxDepth: number) => {
      let depth = 0;
      let inString = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '[' || c === '{') {
          if (++depth > maxDepth) return { ok: false, offset: i, depth };
        } else if ((c === ']' || c === '}') && depth > 0) depth--;
      }
      return { ok: true };
    };
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', ':'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), (t, max) => {
        expect(jsonDepthScan(t, max)).toEqual(reference(t, max));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('textForDisplay', () => {
  it('escapes terminal escapes, line breaks and bidi overrides', () => {
    expect(textForDisplay('\u001b[2Jrater\n\u202e')).toBe('\\x1b[2Jrater\\n\\u202e');
    expect(textBlockForDisplay('line 1\n\tline 2\u0007')).toBe('line 1\n\tline 2\\x07');
    expect(textForDisplay('Zoë Ó Briain 李雷')).toBe('Zoë Ó Briain 李雷');
  });
});
