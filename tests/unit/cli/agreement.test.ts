import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: root });
  return { code, out, err };
}

describe('loopdesk agreement', () => {
  it("prints the Shrout & Fleiss ICCs and Krippendorff's alpha for a crossed panel", async () => {
    const { code, out, err } = await run('agreement', 'tests/fixtures/ratings/shrout-fleiss.csv', '--scale', '1..10');
    expect(err).toBe('');
    expect(code).toBe(0);
    const judgement = JSON.parse(out).dimensions.judgement;
    expect(judgement).toMatchObject({ candidates: 6, raters: 4, ratings: 24 });
    expect(judgement.icc).toEqual({
      ICC1: 0.1657,
      ICC2: 0.2898,
      ICC3: 0.7148,
      ICC1k: 0.4428,
      ICC2k: 0.6201,
      ICC3k: 0.9093,
    });
    expect(Object.keys(judgement.krippendorffAlpha)).toEqual(['nominal', 'ordinal', 'interval']);
  });

  it('gives every dimension of a panel, with no ICC where the panel is not fully crossed', async () => {
    const { code, out } = await run('agreement', 'tests/fixtures/ratings/panel.csv');
    expect(code).toBe(0);
    const { dimensions } = JSON.parse(out);
    expect(Object.keys(dimensions)).toEqual(['communication', 'iac-engineering', 'incident-leadership']);
    expect(dimensions['incident-leadership'].icc).not.toBeNull();
    expect(dimensions.communication.icc).toBeNull();
    // cand-c's iac-engineering ratings are all "no evidence": not counted.
    expect(dimensions['iac-engineering']).toMatchObject({ candidates: 3, ratings: 5 });
    expect(typeof dimensions.communication.krippendorffAlpha.ordinal).toBe('number');
  });

  it('prints null for an alpha that is undefined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-agreement-'));
    const file = join(dir, 'one-rater.csv');
    writeFileSync(file, 'candidate,interviewer,dimension,rating\nc1,ana,communication,3\nc2,ana,communication,2\n');
    const { code, out } = await run('agreement', file);
    expect(code).toBe(0);
    expect(JSON.parse(out).dimensions.communication).toEqual({
      candidates: 2,
      raters: 1,
      ratings: 2,
      krippendorffAlpha: { nominal: null, ordinal: null, interval: null },
      icc: null,
    });
  });

  it('reports a bad CSV in one line naming the line, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-agreement-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'candidate,interviewer,dimension,rating\nc1,ana,communication,3\nc1,ben,communication,abc\nc1,chen,communication,x\n',
    );
    const { code, out, err } = await run('agreement', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain(`${file}:3:4: rating "abc" is not a number (and 1 more problem)`);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reports a missing file and a missing argument', async () => {
    const missing = await run('agreement', 'no/such/ratings.csv');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no\/such\/ratings.csv: no such file/);
    const usage = await run('agreement');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Usage: loopdesk agreement <ratings.csv>/);
  });
});

describe('loopdesk calibrate', () => {
  it('prints rater offsets and raw beside calibrated candidate scores', async () => {
    const { code, out } = await run('calibrate', 'tests/fixtures/ratings/panel.csv');
    expect(code).toBe(0);
    const { raters, candidates } = JSON.parse(out);
    expect(Object.keys(raters)).toEqual(['ana', 'ben', 'chen', 'dev']);
    // ana rates high and dev low in the fixture: their offsets say so.
    expect(raters.ana.offset).toBeGreaterThan(0.3);
    expect(raters.dev.offset).toBeLessThan(-0.3);
    expect(raters.ana.ratings).toBe(9);
    expect(Object.keys(candidates)).toEqual(['cand-a', 'cand-b', 'cand-c', 'cand-d']);
    for (const c of Object.values(candidates) as Array<{ raw: number; calibrated: number }>) {
      expect(c.calibrated).toBe(Math.round(c.calibrated * 1e4) / 1e4);
    }
    // cand-a was seen by the lenient rater on every dimension: calibration lowers it.
    expect(candidates['cand-a'].calibrated).toBeLessThan(candidates['cand-a'].raw);
  });

  it('rejects a bad CSV the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-calibrate-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'candidate,interviewer,rating\n');
    const { code, err } = await run('calibrate', file);
    expect(code).toBe(1);
    expect(err).toMatch(/bad.csv:1: the header lacks "dimension"/);
  });

  it('refuses ratings off the scale, bytes that are not UTF-8, and an empty file, each in one located line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-csv-'));
    const cases: [string, string | Uint8Array, string][] = [
      [
        'scale.csv',
        'candidate,interviewer,dimension,rating\nc1,ana,x,1e200\n',
        'scale.csv:2:4: rating "1e200" is not a whole number on the scale 1-4',
      ],
      // "Renè" in Latin-1: once silently merged with "René" as "Ren\uFFFD".
      [
        'latin1.csv',
        new Uint8Array([
          ...Buffer.from('candidate,interviewer,dimension,rating\nc1,Ren'),
          0xe8,
          ...Buffer.from(',x,2\n'),
        ]),
        'latin1.csv: not UTF-8 at byte 45',
      ],
      ['empty.csv', '', 'empty.csv: the file is empty'],
    ];
    for (const [name, contents, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, contents);
      const { code, out, err } = await run('calibrate', file);
      expect(code, name).toBe(1);
      expect(out).toBe('');
      expect(err.trimEnd()).toBe(`loopdesk calibrate: ${file.slice(0, -name.length)}${message}`);
    }
    const badScale = await run('agreement', 'tests/fixtures/ratings/panel.csv', '--scale', '4..1');
    expect(badScale.code).toBe(2);
    expect(badScale.err).toMatch(/scale "4..1" is not min..max with min below max/);
  });

  it('never prints a control character from a rater name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopdesk-csv-'));
    const file = join(dir, 'names.csv');
    writeFileSync(
      file,
      'candidate,interviewer,dimension,rating\nc1,"\u001b[2Jana",x,2\nc2,"\u001b[2Jana",x,3\nc1,ben,x,3\nc2,ben,x,3\n',
    );
    const { code, out } = await run('calibrate', file, '--text');
    expect(code).toBe(0);
    expect(out).toContain('\\x1b[2Jana');
    expect([...out].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toBe(false);
  });
});
