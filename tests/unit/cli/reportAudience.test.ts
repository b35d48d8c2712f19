import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../../src/cli/index';
import { bundleCreate, bundleStringify } from '../../../src/core/bundle/bundleCreate';
import { bundleParse } from '../../../src/core/bundle/bundleParse';
import type { Bundle } from '../../../src/core/bundle/bundleSchema';
import { canonicalJson } from '../../../src/core/canonical/canonicalJson';
import { evidenceFromSnapshot, evidenceSealHash } from '../../../src/core/audit/evidenceSeal';

const root = join(import.meta.dirname, '../../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cliMain(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: root });
  return { code, out, err };
}

const PRIVATE_MARK = 'PRIVATE-CLI-MARK';

/** Sealed versions hold their notes: write the planted notes into them, as if written before sealing. */
function resealNotes(content: Bundle['content']): void {
  const notes = new Map(content.notes.map((n) => [n.id, n]));
  for (const version of content.interviewVersions) {
    const snapshot = JSON.parse(version.snapshot) as { notes?: Array<{ id: string }> };
    snapshot.notes = (snapshot.notes ?? []).map((n) => notes.get(n.id) ?? n);
    version.snapshot = canonicalJson(snapshot);
    const read = evidenceFromSnapshot(version.snapshot);
    if (!read.ok) throw new Error(read.message);
    if (version.evidenceSha256) version.evidenceSha256 = evidenceSealHash(read.evidence);
  }
}
let file: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopdesk-audience-'));
  const demoFile = join(dir, 'demo.loopdesk');
  expect((await run('demo', '--out', demoFile)).code).toBe(0);
  const parsed = bundleParse(readFileSync(demoFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  const content = structuredClone(parsed.value.content);
  // Every candidate is named inside the notes that evidence their signals; one such note is private.
  for (const candidate of content.candidates) {
    const interviews = new Set(content.interviews.filter((i) => i.candidateId === candidate.id).map((i) => i.id));
    const tagged = content.signalTags.filter((t) => interviews.has(t.interviewId)).flatMap((t) => t.noteIds);
    const [first, second] = tagged.map((id) => content.notes.find((n) => n.id === id)!);
    // The demo's history (past candidates' closed loops) tags no signals; its names are checked below all the same.
    if (!first) continue;
    const [given, family] = candidate.name.split(' ');
    first!.text = `${given!.toUpperCase()} (${candidate.email}) said ${family!.toLowerCase()} would. ${first!.text}`;
    if (second) Object.assign(second, { isPrivate: true, text: `${second.text} ${PRIVATE_MARK}` });
  }
  resealNotes(content);
  file = join(dir, 'named.loopdesk');
  writeFileSync(
    file,
    bundleStringify(bundleCreate({ content, appVersion: '0.1.0', createdAt: parsed.value.manifest.createdAt, createdBy: 'test', scope: { kind: 'all' } })),
  );
  // Loading the rubric packs and the demo takes seconds on a loaded machine.
}, 60_000);

const names = /Amira|Haddad|Kenji|Watanabe|Ryan|Mitchell|example\.org/i;

describe('loopdesk report --audience', () => {
  it('committee: names and private notes are there (the planted text is found)', async () => {
    const { code, out } = await run('report', file, '--audience', 'committee');
    expect(code).toBe(0);
    expect(names.test(out)).toBe(true);
    expect(out.includes(PRIVATE_MARK)).toBe(true);
  });

  it.each(['committee-blind', 'recruiter-blind'])('%s: no name, surname or e-mail anywhere in the JSON', async (audience) => {
    const { code, out, err } = await run('report', file, '--audience', audience);
    expect(code, err).toBe(0);
    expect(out.match(names)?.[0] ?? null).toBe(null);
    expect(out).toMatch(/Candidate [A-Z2-9]{3} \(Candidate [A-Z2-9]{3}\) said Candidate [A-Z2-9]{3} would/);
  });

  it.each(['recruiter', 'recruiter-blind'])('%s: no private note', async (audience) => {
    const { out } = await run('report', file, '--audience', audience);
    expect(out.includes(PRIVATE_MARK)).toBe(false);
  });

  it('a candidate picked by name is reported blind', async () => {
    const { code, out } = await run('report', file, '--candidate', 'Amira Haddad', '--audience', 'committee-blind');
    expect(code).toBe(0);
    expect(out.match(names)?.[0] ?? null).toBe(null);
  });

  it.each(['candidate', 'panelist-unsealed', 'everyone'])('%s: refused with the audiences it knows', async (audience) => {
    const { code, out, err } = await run('report', file, '--audience', audience);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/--audience must be one of committee, committee-blind, recruiter, recruiter-blind/);
  });
});
