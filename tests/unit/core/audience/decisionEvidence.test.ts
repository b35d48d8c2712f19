import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { decisionEvidenceCheck, decisionEvidenceOf } from '../../../../src/core/audience/decisionEvidence';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { decisionSchema } from '../../../../src/core/model/records';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

let pack: RubricPack;
let demo: BundleContent;
let candidateId: string;

beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
  candidateId = demo.candidates.find((c) => c.name === 'Amira Haddad')!.id;
  // Loading the rubric packs and the demo takes seconds on a loaded machine.
}, 60_000);

const build = (content: BundleContent): CandidateReport =>
  reportBuild({ pack, candidateId, evidence: content, calibration: reportPoolCalibration(pack, content), audience: 'committee' });

/** The demo with one of Amira's interviews amended: version 2, one rating down by two points. */
function amended(content: BundleContent): BundleContent {
  const interview = content.interviews.find((i) => i.candidateId === candidateId && content.ratings.some((r) => r.interviewId === i.id && r.state === 'rated' && r.score >= 3))!;
  const rating = content.ratings.find((r) => r.interviewId === interview.id && r.state === 'rated' && r.score >= 3)!;
  return {
    ...content,
    interviews: content.interviews.map((i) => (i.id === interview.id ? { ...i, status: 'amended' as const, version: 2, amendReason: 'Re-read my notes' } : i)),
    ratings: content.ratings.map((r) => (r === rating && r.state === 'rated' ? { ...r, score: r.score - 2 } : r)),
  };
}

describe('decisions know their evidence', () => {
  it('a decision on the report as it stands is current', () => {
    const report = build(demo);
    expect(decisionEvidenceCheck(decisionEvidenceOf(report), report)).toEqual({ isCurrent: true, interviews: [], numbers: [], text: null });
  });

  it('after an amendment: made on earlier evidence, naming the interview and the numbers that moved more than 0.1', () => {
    const before = build(demo);
    const after = build(amended(demo));
    const check = decisionEvidenceCheck(decisionEvidenceOf(before), after);
    expect(check.isCurrent).toBe(false);
    expect(check.interviews).toEqual([expect.stringMatching(/: amended \(v1 → v2\)$/)]);
    expect(check.numbers.length).toBeGreaterThan(0);
    for (const n of check.numbers) expect(Math.abs((n.to ?? 0) - (n.from ?? 0))).toBeGreaterThan(0.1);
    expect(check.text).toMatch(/^Made on earlier evidence: .*: amended \(v1 → v2\); .* \d\.\d\d → \d\.\d\d\.$/);
  });

  it('the report model carries it on the decision, so the packet and the CLI JSON show it', () => {
    const before = build(demo);
    const decision = decisionSchema.parse({
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      candidateId,
      loopId: demo.loops.find((l) => l.candidateId === candidateId)!.id,
      outcome: 'hire',
      level: 'staff',
      rationale: 'Strong across the loop.',
      decidedBy: 'Committee',
      decidedAt: DEMO_FIXED_NOW,
      evidence: decisionEvidenceOf(before),
    });
    const withDecision = { ...demo, decisions: [...demo.decisions.filter((d) => d.candidateId !== candidateId), decision] };
    expect(build(withDecision).decisions[0]!.madeOnEarlierEvidence).toBe(null);
    const later = build(amended(withDecision)).decisions[0]!.madeOnEarlierEvidence;
    expect(later?.text).toMatch(/^Made on earlier evidence: /);
  });

  it('a decision recorded before evidence was kept says nothing either way', () => {
    const legacy = decisionSchema.parse({
      id: '3b241101-e2bb-4255-8caf-4136c566a963',
      candidateId,
      loopId: demo.loops.find((l) => l.candidateId === candidateId)!.id,
      outcome: 'no-hire',
      level: null,
      rationale: 'Old.',
      decidedBy: 'Committee',
      decidedAt: DEMO_FIXED_NOW,
    });
    expect('evidence' in legacy).toBe(false);
    const report = build(amended({ ...demo, decisions: [legacy] }));
    expect(report.decisions[0]!.madeOnEarlierEvidence).toBe(null);
  });
});
