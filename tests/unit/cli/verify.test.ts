import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCommand } from '../../../src/cli/commands/verify';
import type { CliIo } from '../../../src/cli/io';
import { demoCommand } from '../../../src/cli/commands/demo';
import { bundleCreate, bundleStringify } from '../../../src/core/bundle/bundleCreate';
import { currentVersion, resealVersion } from '../../fixtures/hostile/sealedForgery';
import type { Bundle } from '../../../src/core/bundle/bundleSchema';

const fixture = new URL('../../fixtures/bundles/sample.loopdesk', import.meta.url);
const sample = readFileSync(fixture, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'loopdesk-verify-'));

async function verify(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  const code = await verifyCommand.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(name: string, contents: string | Uint8Array): string {
  writeFileSync(join(dir, name), contents);
  return name;
}

describe('loopdesk verify', () => {
  it('prints the counts and the audit head of a good bundle and exits 0', async () => {
    const result = await verify(fixture.pathname);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(
      /^ok: 3 candidates, 3 interviewers, 3 loops, 12 interviews, 120 ratings, .*21 audit entries, audit head [0-9a-f]{12}$/,
    );
    const head = (JSON.parse(sample) as { content: { audit: { hash: string }[] } }).content.audit.at(-1)!.hash;
    expect(result.out.endsWith(head.slice(0, 12))).toBe(true);
  });

  it('names a tampered bundle in one line and exits 1', async () => {
    const tampered = write('tampered.loopdesk', sample.replace('candidate0@example.com', 'candidate9@example.com'));
    const result = await verify(tampered);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'loopdesk verify: checksum-mismatch: content SHA-256 does not match the manifest (the file was changed or damaged after it was written)',
    });
  });

  it('gives the field and value of a bad record', async () => {
    const bundle = JSON.parse(sample) as Bundle;
    const index = bundle.content.ratings.findIndex((rating) => rating.state === 'rated');
    Object.assign(bundle.content.ratings[index]!, { score: 7 });
    const resealed = bundleCreate({ ...bundle.manifest, content: bundle.content });
    const result = await verify(write('rating7.loopdesk', bundleStringify(resealed)));
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `loopdesk verify: schema: content.ratings[${index}].score: 7 is more than the maximum 4`,
    });
  });

  it('refuses files that are not bundles without a stack trace', async () => {
    const cases: [string, RegExp][] = [
      [write('empty.loopdesk', ''), /^loopdesk verify: not-json: .*the file is empty$/],
      [write('other.json', '{"name":"package"}'), /^loopdesk verify: wrong-format: /],
      [
        write('binary.loopdesk', new Uint8Array([0xff, 0xfe, 0x00, 0x7b])),
        /^loopdesk verify: not-json: .*binary\.loopdesk: not UTF-8 at byte 0$/,
      ],
      ['missing.loopdesk', /^loopdesk verify: unreadable: .*missing\.loopdesk: no such file$/],
      ['.', /^loopdesk verify: unreadable: .*it is a folder/],
      [
        write('truncated.loopdesk', sample.slice(0, 2000)),
        /^loopdesk verify: not-json: .*ends early|not valid JSON at character \d+/,
      ],
    ];
    for (const [file, message] of cases) {
      const result = await verify(file);
      expect(result.code, file).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err).not.toContain('\n');
      expect(result.err).not.toMatch(/\bat .*:\d+:\d+/);
    }
  });

  it('accepts a bundle saved with a byte-order mark', async () => {
    expect((await verify(write('bom.loopdesk', `\ufeff${sample}`))).code).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const good = await verify(fixture.pathname, '--json');
    expect(good.code).toBe(0);
    const parsed = JSON.parse(good.out) as {
      ok: boolean;
      manifest: { counts: { interviews: number } };
      auditHead: string;
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.manifest.counts.interviews).toBe(12);
    expect(parsed.auditHead).toMatch(/^[0-9a-f]{64}$/);
    const bad = await verify(write('bad.loopdesk', '[]'), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, reason: { code: 'wrong-format' } });
  });

  it('explains its usage when the arguments are wrong', async () => {
    expect((await verify()).code).toBe(2);
    expect((await verify('a.loopdesk', 'b.loopdesk')).err).toMatch(/give exactly one bundle file/);
    expect((await verify('a.loopdesk', '--fast')).err).toMatch(/unknown option --fast/);
  });

  it('exits 0 on the demo bundle', async () => {
    const demo = join(dir, 'demo.loopdesk');
    const io: CliIo = { out: () => {}, err: () => {}, cwd: dir };
    expect(await demoCommand.run(['--out', demo], io)).toBe(0);
    const result = await verify(demo);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('exits 1 naming the interview when live ratings contradict the sealed snapshot', async () => {
    const bundle = JSON.parse(sample) as Bundle;
    const sealed = bundle.content.interviews.find((i) => i.status === 'submitted')!;
    const rating = bundle.content.ratings.find((r) => r.interviewId === sealed.id && r.state === 'rated')!;
    Object.assign(rating, { score: rating.state === 'rated' && rating.score === 4 ? 1 : 4 });
    const resealed = bundleCreate({ ...bundle.manifest, content: bundle.content });
    const result = await verify(write('contradicts.loopdesk', bundleStringify(resealed)));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      new RegExp(
        `^loopdesk verify: seal-broken: content\\.ratings\\[\\d+\\]: interview ${sealed.id} \\(sealed version 1\\): rating ${rating.dimensionId} differs from the sealed one \\(score \\d here, score \\d sealed\\)$`,
      ),
    );
  });

  it('exits 1 on a rating of a dimension the pack does not have, even when re-sealed', async () => {
    const demo = join(dir, 'demo-stray.loopdesk');
    expect(await demoCommand.run(['--out', demo], { out: () => {}, err: () => {}, cwd: dir })).toBe(0);
    const bundle = JSON.parse(readFileSync(demo, 'utf8')) as Bundle;
    const interview = bundle.content.interviews[0]!;
    const index = bundle.content.ratings.findIndex((r) => r.interviewId === interview.id);
    bundle.content.ratings[index]!.dimensionId = 'astrology';
    resealVersion(bundle.content, interview, currentVersion(bundle.content, interview));
    const resealed = bundleCreate({ ...bundle.manifest, content: bundle.content });
    const result = await verify(write('stray.loopdesk', bundleStringify(resealed)));
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `loopdesk verify: not-in-pack: content.ratings[${index}].dimensionId: "astrology" is not a dimension of staff-devops 1.0.0, the pack of interview ${interview.id}`,
    );
  });

  it('never prints a control character from the file or its name', async () => {
    const parseError = await verify(write('raw-escape.loopdesk', '{"format": \u001b[2J}'));
    expect(parseError.code).toBe(1);
    expect(parseError.err).toMatch(/^loopdesk verify: not-json: not valid JSON/);
    const named = await verify(write('clear\u001b[2J.loopdesk', ''));
    expect(named.err).toContain('clear\\x1b[2J.loopdesk: the file is empty');
    const hasControl = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20);
    for (const result of [parseError, named]) expect(hasControl(result.err)).toBe(false);
  });
});
