import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';
import { bundleParse } from '../../../src/core/bundle/bundleParse';

const root = join(import.meta.dirname, '../../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: root });
  return { code, out, err };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'loopdesk-demo-'));

describe('loopdesk demo', () => {
  it('writes a bundle that passes import validation and says what is in it in one line', async () => {
    const file = join(tempDir(), 'demo.loopdesk');
    const { code, out, err } = await run('demo', '--out', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/28 candidates, 4 interviewers, 28 loops, 112 interviews/);
    const parsed = bundleParse(readFileSync(file, 'utf8'));
    expect(parsed.ok ? 'ok' : parsed.reason.message).toBe('ok');
    if (!parsed.ok) return;
    expect(parsed.value.manifest).toMatchObject({
      createdBy: 'loopdesk demo',
      scope: { kind: 'all' },
      createdAt: Date.UTC(2026, 2, 13, 17),
    });
  });

  it('writes the same bytes every time; --seed gives a different file, --now redates it', async () => {
    const dir = tempDir();
    await run('demo', '--out', join(dir, 'a.loopdesk'));
    await run('demo', '--out', join(dir, 'b.loopdesk'));
    await run('demo', '--out', join(dir, 'c.loopdesk'), '--seed', '2');
    await run('demo', '--out', join(dir, 'd.loopdesk'), '--now', '2027-01-15T09:00:00Z');
    const text = (name: string) => readFileSync(join(dir, name), 'utf8');
    expect(text('a.loopdesk')).toBe(text('b.loopdesk'));
    expect(text('c.loopdesk')).not.toBe(text('a.loopdesk'));
    const redated = bundleParse(text('d.loopdesk'));
    expect(redated.ok && redated.value.manifest.createdAt).toBe(Date.UTC(2027, 0, 15, 9));
  });

  it('refuses bad options with one line and exit 2', async () => {
    for (const argv of [
      ['demo'],
      ['demo', '--out', 'x.loopdesk', '--seed', 'many'],
      ['demo', '--out', 'x.loopdesk', '--now', 'yesterday'],
      ['demo', '--out', 'x.loopdesk', '--colour'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/^loopdesk demo: /);
    }
  });

  it('says when it cannot write, or cannot find the pack', async () => {
    const noFolder = await run('demo', '--out', join(tempDir(), 'missing', 'demo.loopdesk'));
    expect(noFolder).toMatchObject({ code: 1, out: '' });
    expect(noFolder.err).toMatch(/cannot write .*demo\.loopdesk: no such folder/);
    const noPack = await run('demo', '--out', join(tempDir(), 'demo.loopdesk'), '--rubrics', tempDir());
    expect(noPack.code).toBe(1);
    expect(noPack.err).toMatch(/pack "staff-devops" is not in .*--rubrics/);
  });
});
