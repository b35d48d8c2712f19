import { describe, expect, it } from 'vitest';
import { bundleContentForScope } from '../../../../src/core/bundle/bundleScope';
import { sampleBundleContent } from '../../../fixtures/bundles/sampleContent';

const all = sampleBundleContent({ seed: 12, candidates: 5, interviewsPerCandidate: 4, interviewers: 3 });

describe('bundleContentForScope', () => {
  it('takes one loop with its candidate, interviews, interviewers, evidence and decisions', () => {
    const loop = all.loops.find((l) => all.decisions.some((d) => d.loopId === l.id))!;
    const slice = bundleContentForScope(all, { kind: 'loop', id: loop.id });
    expect(slice.loops).toEqual([loop]);
    expect(slice.candidates.map((c) => c.id)).toEqual([loop.candidateId]);
    expect(slice.interviews).toEqual(all.interviews.filter((i) => i.loopId === loop.id));
    const interviewIds = new Set(slice.interviews.map((i) => i.id));
    expect(slice.ratings).toEqual(all.ratings.filter((r) => interviewIds.has(r.interviewId)));
    expect(slice.notes).toEqual(all.notes.filter((n) => interviewIds.has(n.interviewId)));
    expect(slice.decisions).toEqual(all.decisions.filter((d) => d.loopId === loop.id));
    expect(new Set(slice.interviewers.map((i) => i.id))).toEqual(new Set(slice.interviews.map((i) => i.interviewerId)));
    expect(slice.audit).toEqual([]);
  });

  it("takes an interviewer's interviews without other interviewers' scores or the committee's decisions", () => {
    const interviewerId = all.interviews[0]!.interviewerId;
    const slice = bundleContentForScope(all, { kind: 'interviewer', id: interviewerId });
    expect(slice.interviews.length).toBeGreaterThan(0);
    expect(slice.interviews.every((i) => i.interviewerId === interviewerId)).toBe(true);
    expect(slice.interviewers.map((i) => i.id)).toEqual([interviewerId]);
    const interviewIds = new Set(slice.interviews.map((i) => i.id));
    expect(slice.ratings.every((r) => interviewIds.has(r.interviewId))).toBe(true);
    expect(slice.decisions).toEqual([]);
  });

  it('gives an empty selection for an unknown id and a full copy for a backup', () => {
    const none = bundleContentForScope(all, { kind: 'candidate', id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' });
    expect(Object.values(none).every((records) => records.length === 0)).toBe(true);
    const backup = bundleContentForScope(all, { kind: 'all' });
    expect(backup).toEqual(all);
    expect(backup.ratings).not.toBe(all.ratings);
  });
});
