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

function runFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'loopdesk-practice-')), 'run.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('loopdesk practice', () => {
  it("lists the pack's practice cases", async () => {
    const { code, out, err } = await run('practice', 'staff-devops');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Practice cases in staff-devops:\ncase\s+kit\s+candidate\s+title\n/);
    expect(out).toMatch(
      /\nstaff-paved-road\s+paved-road-design\s+Practice candidate — Priya \(scripted\)\s+Practice: a paved road/,
    );
    const json = JSON.parse((await run('practice', 'staff-devops', '--json')).out);
    expect(json.cases.map((c: { id: string }) => c.id)).toEqual([
      'incident-blame',
      'senior-staff-claims',
      'staff-paved-road',
    ]);
  });

  it('scores a run against the key: distances, anchors, reasons, missed and extra signals', async () => {
    const file = runFile({
      caseId: 'incident-blame',
      ratings: {
        'incident-leadership': 3,
        'observability-reliability': 3,
        communication: 2,
        'cicd-release': 'no-evidence',
      },
      signals: ['red-flag-premature-all-clear', 'strong-rollback-first'],
    });
    const { code, out, err } = await run('practice', 'staff-devops', '--run', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Incident leadership: you 3, key 1 — lenient, distance 2$/m);
    expect(out).toMatch(/^ {2}anchor 1 "Below bar": /m);
    expect(out).toMatch(/^ {2}why: Worked alone without declaring roles/m);
    expect(out).toMatch(/^CI\/CD & release engineering: you no evidence, key no evidence — match$/m);
    expect(out).toMatch(
      /^Signals missed: red-flag-blame-individuals, red-flag-uncoordinated-prod-change, weak-slow-communication$/m,
    );
    expect(out).toMatch(/^Signals tagged that the key does not hold: strong-rollback-first$/m);
    const json = JSON.parse((await run('practice', 'staff-devops', '--run', file, '--json')).out);
    expect(json.meanAbsoluteDistance).toBe(1);
    expect(json.dimensions[0]).toMatchObject({ dimensionId: 'incident-leadership', distance: 2, direction: 'lenient' });
  });

  it('refuses a bad run with one line naming the file and what is wrong', async () => {
    const bad = await run(
      'practice',
      'staff-devops',
      '--run',
      runFile({ caseId: 'incident-blame', ratings: { communication: 9 } }),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^loopdesk practice: .*run\.json: ratings\.communication: .+\n$/);
    const wrongCase = await run('practice', 'staff-devops', '--run', runFile({ caseId: 'nope', ratings: {} }));
    expect(wrongCase.err).toMatch(
      /has no practice case "nope" \(cases: incident-blame, senior-staff-claims, staff-paved-road\)/,
    );
    const noPack = await run('practice', 'no-such-pack');
    expect(noPack.code).toBe(1);
    expect(noPack.err).toMatch(/^loopdesk practice: .*no-such-pack/);
    expect((await run('practice')).code).toBe(2);
    expect((await run('practice', 'staff-devops', '--score')).err).toMatch(/unknown option --score/);
  });
});
