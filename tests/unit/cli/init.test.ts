/**
 * `loopdesk init`: the scaffold for a new role validates and simulates as written, and bad input
 * writes nothing.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';
import { initPackId } from '../../../src/cli/commands/init';

const scratch = mkdtempSync(join(tmpdir(), 'loopdesk-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: scratch });
  return { code, out, err };
}

describe('loopdesk init', () => {
  it('in an empty folder x: init x --role "Data Engineer", then validate x and simulate its scenario --exemplar strong pass', async () => {
    mkdirSync(join(scratch, 'x'));
    const init = await run('init', 'x', '--role', 'Data Engineer');
    expect(init.err).toBe('');
    expect(init.code).toBe(0);

    const validate = await run('validate', 'x');
    expect(validate.out).toContain('ok  data-engineer 0.1.0');
    expect(validate.out).toContain('3 levels, 2 dimensions, 4 signals (2 strong, 1 weak, 1 red-flag), 1 kit, 1 exercise (2 planted defects), 1 scenario');
    expect(validate.code).toBe(0);

    const scenarios = readdirSync(join(scratch, 'x/scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(scenarios).toHaveLength(1);
    for (const which of ['strong', 'weak']) {
      const simulate = await run('simulate', `x/scenarios/${scenarios[0]}`, '--exemplar', which);
      expect(simulate.err).toBe('');
      expect(simulate.code).toBe(0);
    }
    const strong = JSON.parse((await run('simulate', `x/scenarios/${scenarios[0]}`, '--exemplar', 'strong')).out);
    expect(strong.milestonesMet).toEqual(['acknowledge', 'first-communication', 'mitigate']);
    expect(strong.signals.map((s: { id: string }) => s.id)).toEqual(['mitigates-first']);
  });

  it('comments every rubric file with the schema beside it and the guide chapter to read', async () => {
    const { code } = await run('init', 'commented', '--role', 'Site Reliability Engineer');
    expect(code).toBe(0);
    const dir = join(scratch, 'commented');
    expect(JSON.parse(readFileSync(join(dir, 'rubric.schema.json'), 'utf8')).$id).toBe('urn:loopdesk:rubric-pack-file');
    expect(readFileSync(join(dir, 'pack.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=rubric\.schema\.json\n# How to fill this file in: docs\/rubric-authoring\.md, "kind: pack/);
    expect(readFileSync(join(dir, 'kits/technical-interview.yaml'), 'utf8')).toContain('$schema=../rubric.schema.json');
    expect(readFileSync(join(dir, 'pack.yaml'), 'utf8')).toContain('id: site-reliability-engineer');
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    mkdirSync(join(scratch, 'busy'));
    writeFileSync(join(scratch, 'busy/notes.txt'), 'mine');
    const { code, err } = await run('init', 'busy', '--role', 'Data Engineer');
    expect(code).toBe(1);
    expect(err).toBe('loopdesk init: "busy" is not empty; give a new or empty folder (nothing was written)\n');
    expect(readdirSync(join(scratch, 'busy'))).toEqual(['notes.txt']);
  });

  it('asks for a role, and refuses one that gives no pack id', async () => {
    expect((await run('init', 'norole')).code).toBe(2);
    const { code, err } = await run('init', 'digits', '--role', '1234');
    expect(code).toBe(1);
    expect(err).toContain('--role needs a role title with letters');
    expect(readdirSync(scratch)).not.toContain('digits');
  });

  it('turns role titles into pack ids', () => {
    expect(initPackId('Data Engineer')).toBe('data-engineer');
    expect(initPackId('  Sr. Backend Engineer (Payments) ')).toBe('sr-backend-engineer-payments');
    expect(initPackId('Ingénieur données')).toBe('ingenieur-donnees');
  });
});
