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

describe('loopdesk calibrate: standard errors', () => {
  it("prints each offset's standard error and the model's shrinkage in JSON", async () => {
    const { code, out, err } = await run('calibrate', 'tests/fixtures/ratings/panel.csv');
    expect(err).toBe('');
    expect(code).toBe(0);
    const { raters, model } = JSON.parse(out);
    for (const id of ['ana', 'ben', 'chen', 'dev']) {
      expect(raters[id].se).toBeGreaterThan(0);
      expect(raters[id].se).toBeLessThan(1);
      expect(raters[id].comparisons).toBeGreaterThan(0);
    }
    // ana's leniency is further from 0 than two standard errors: the offset is not noise.
    expect(raters.ana.offset - 2 * raters.ana.se).toBeGreaterThan(0);
    expect(model.shrinkageSource).toBe('data');
    expect(model.shrinkage).toBeGreaterThan(0);
  });

  it('prints the same figures as tables with --text', async () => {
    const json = JSON.parse((await run('calibrate', 'tests/fixtures/ratings/panel.csv')).out);
    const { code, out } = await run('calibrate', '--text', 'tests/fixtures/ratings/panel.csv');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^Leniency: two-way additive model, shrinkage λ = \d+\.\d{4} \(chosen by the data\), residual SD \d\.\d{4}$/,
    );
    expect(lines).toContain(lines.find((l) => /^interviewer\s+offset\s+se\s+comparisons\s+ratings$/.test(l)));
    const ana = lines
      .find((l) => l.startsWith('ana '))!
      .trim()
      .split(/\s+/);
    expect(Number(ana[1])).toBe(json.raters.ana.offset);
    expect(Number(ana[2])).toBe(json.raters.ana.se);
    const candA = lines
      .find((l) => l.startsWith('cand-a '))!
      .trim()
      .split(/\s+/);
    expect(Number(candA[2])).toBe(json.candidates['cand-a'].calibrated);
  });

  it('still refuses a stray option, naming it', async () => {
    const { code, err } = await run('calibrate', '--tex', 'tests/fixtures/ratings/panel.csv');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --tex/);
  });
});
