import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';
import { bundleCreate, bundleStringify } from '../../../src/core/bundle/bundleCreate';
import { bundleParse } from '../../../src/core/bundle/bundleParse';
import type { Bundle } from '../../../src/core/bundle/bundleSchema';

const root = join(import.meta.dirname, '../../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: root });
  return { code, out, err };
}

let dir: string;
let demoFile: string;
let demo: Bundle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loopdesk-report-'));
  demoFile = join(dir, 'demo.loopdesk');
  const written = await run('demo', '--out', demoFile);
  expect(written.code).toBe(0);
  const parsed = bundleParse(readFileSync(demoFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  demo = parsed.value;
});

/** A valid bundle of the demo content after `change`, written next to the demo. */
function variant(name: string, change: (content: Bundle['content']) => void): string {
  const content = structuredClone(demo.content);
  change(content);
  const file = join(dir, name);
  writeFileSync(
    file,
    bundleStringify(
      bundleCreate({ content, appVersion: '0.1.0', createdAt: 0, createdBy: 'test', scope: { kind: 'all' } }),
    ),
  );
  return file;
}

describe('loopdesk report', () => {
  it('reports every candidate of the demo bundle: Staff, Senior, and Mid capped by a red flag', async () => {
    const { code, out, err } = await run('report', demoFile);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.warnings).toEqual([]);
    // The open loop's three candidates first, then the 25 past candidates of the demo's history.
    expect(json.reports).toHaveLength(28);
    expect(
      json.reports.slice(0, 3).map((r: { candidate: { name: string }; recommendation: { level: string } }) => [
        r.candidate.name,
        r.recommendation.level,
      ]),
    ).toEqual([
      ['Amira Haddad', 'staff'],
      ['Kenji Watanabe', 'senior'],
      ['Ryan Mitchell', 'mid'],
    ]);
    const ryan = json.reports[2];
    expect(ryan.recommendation).toMatchObject({ committeeReview: true, cappedFrom: 'senior' });
    expect(ryan.signals.redFlag[0].evidence.length).toBeGreaterThan(0);
    expect(ryan.pack).toMatchObject({ id: 'staff-devops', hash: demo.content.loops[0]!.packHash });
  });

  it('reports one candidate by exact name or by id', async () => {
    const byName = await run('report', demoFile, '--candidate', 'Kenji Watanabe');
    expect(byName.code).toBe(0);
    const report = JSON.parse(byName.out).report;
    expect(report.candidate.name).toBe('Kenji Watanabe');
    const byId = await run('report', demoFile, '--candidate', report.candidate.id);
    expect(JSON.parse(byId.out).report).toEqual(report);
  });

  it('leaves private notes out for the recruiter audience', async () => {
    const committee = JSON.parse((await run('report', demoFile, '--candidate', 'Ryan Mitchell')).out).report;
    const recruiter = JSON.parse(
      (await run('report', demoFile, '--candidate', 'Ryan Mitchell', '--audience', 'recruiter')).out,
    ).report;
    const evidence = (r: { signals: { redFlag: Array<{ evidence: Array<{ isPrivate: boolean }> }> } }) =>
      r.signals.redFlag[0]!.evidence;
    expect(evidence(committee).some((e) => e.isPrivate)).toBe(true);
    expect(evidence(recruiter).length).toBeGreaterThan(0);
    expect(evidence(recruiter).some((e) => e.isPrivate)).toBe(false);
    expect(recruiter.audience).toBe('recruiter');
  });

  it('names the candidates it has when --candidate matches none', async () => {
    const { code, out, err } = await run('report', demoFile, '--candidate', 'amira haddad');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/no candidate with id or name "amira haddad"; the bundle has Amira Haddad \(/);
  });

  it('refuses a tampered bundle with one line and exit 1', async () => {
    const text = readFileSync(demoFile, 'utf8');
    const tampered = join(dir, 'tampered.loopdesk');
    expect(text).toContain('"name":"Ryan Mitchell"');
    writeFileSync(tampered, text.replace('"name":"Ryan Mitchell"', '"name":"Ryan Mitchel"'));
    const { code, out, err } = await run('report', tampered);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(
      /^loopdesk report: .*tampered\.loopdesk refused \(checksum-mismatch\): content SHA-256 does not match/,
    );
  });

  it('refuses a file that is not a bundle, or missing, with one line and exit 1', async () => {
    const notJson = join(dir, 'notes.txt');
    writeFileSync(notJson, 'just some notes\nand a second line\n');
    for (const file of [notJson, join(dir, 'nowhere.loopdesk')]) {
      const { code, out, err } = await run('report', file);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('still reports when a loop pins another version of the pack, with a warning', async () => {
    const file = variant('pinned.loopdesk', (content) => {
      for (const loop of content.loops) {
        loop.packVersion = '0.9.0';
        loop.packHash = 'a'.repeat(64);
      }
    });
    const { code, out, err } = await run('report', file);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.reports).toHaveLength(28);
    expect(json.warnings).toEqual([
      expect.stringMatching(/^28 loops pin staff-devops 0\.9\.0 \(hash aaaaaaaaaaaa\), but the loaded pack is 1\.0\.0/),
    ]);
    expect(err).toMatch(/warning: 28 loops pin staff-devops 0\.9\.0/);
  });

  it('says which pack is missing when the loops use one it cannot load', async () => {
    const file = variant('other-pack.loopdesk', (content) => {
      for (const loop of content.loops) loop.packId = 'site-reliability';
    });
    const { code, err } = await run('report', file);
    expect(code).toBe(1);
    expect(err).toMatch(
      /pack "site-reliability" is not in .*rubrics \(it has .*staff-devops.*\); pass --rubrics <dir>/,
    );
  });
});
