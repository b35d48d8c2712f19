import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { audienceBundleContent } from '../../../../src/core/audience/audienceBundle';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { bundleContentForScope } from '../../../../src/core/bundle/bundleScope';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';

let demo: BundleContent;
let candidateId: string;
let viewerId: string;

beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
  const pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  const full = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
  candidateId = full.candidates.find((c) => c.name === 'Amira Haddad')!.id;
  // The viewer's own interview of this candidate is back to a planned (unsealed) state.
  const own = full.interviews.find((i) => i.candidateId === candidateId)!;
  viewerId = own.interviewerId;
  demo = {
    ...full,
    interviews: full.interviews.map((i) => (i.id === own.id ? { ...i, status: 'planned' as const, version: 0, submittedAt: null } : i)),
  };
  // Loading the rubric packs and the demo takes seconds on a loaded machine.
}, 60_000);

const peersOf = (content: BundleContent) =>
  content.interviews.filter((i) => i.candidateId === candidateId && i.interviewerId !== viewerId).map((i) => i.id);

describe('audienceBundleContent: a panelist who has not sealed', () => {
  it('a candidate bundle carries none of the colleagues’ interviews, ratings, notes or decisions', () => {
    const scope = { kind: 'candidate' as const, id: candidateId };
    const selected = bundleContentForScope(demo, scope);
    expect(peersOf(selected).length).toBeGreaterThan(0);
    const result = audienceBundleContent(selected, scope, viewerId, demo.interviews);
    if (!result.ok) throw new Error(result.reason);
    const peerIds = new Set(peersOf(selected));
    expect(peersOf(result.content)).toEqual([]);
    expect(result.content.ratings.filter((r) => peerIds.has(r.interviewId))).toEqual([]);
    expect(result.content.notes.filter((n) => peerIds.has(n.interviewId))).toEqual([]);
    expect(result.content.signalTags.filter((n) => peerIds.has(n.interviewId))).toEqual([]);
    expect(result.content.decisions.filter((d) => d.candidateId === candidateId)).toEqual([]);
    expect(result.withheld).toEqual({ candidates: 1, interviews: peerIds.size });
  });

  it('other candidates travel whole', () => {
    const other = demo.candidates.find((c) => c.id !== candidateId)!.id;
    const scope = { kind: 'candidate' as const, id: other };
    const selected = bundleContentForScope(demo, scope);
    const result = audienceBundleContent(selected, scope, viewerId, demo.interviews);
    expect(result.ok && result.content).toEqual(selected);
  });

  it('everything is refused, with the reason', () => {
    const result = audienceBundleContent(demo, { kind: 'all' }, viewerId);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/not sealed your own interview of 1 candidate/);
  });

  it('once sealed, nothing is withheld', () => {
    const result = audienceBundleContent(demo, { kind: 'all' }, demo.interviewers.find((p) => !demo.interviews.some((i) => i.interviewerId === p.id && i.candidateId === candidateId))?.id ?? null);
    expect(result.ok).toBe(true);
  });
});
