import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { audienceReport } from '../../../../src/core/audience/audiencePolicy';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

let pack: RubricPack;
let demo: BundleContent;

beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
});

function reportOf(candidateId: string, content: BundleContent = demo): CandidateReport {
  return reportBuild({ pack, candidateId, evidence: content, calibration: reportPoolCalibration(pack, content), audience: 'committee' });
}
const idOf = (name: string) => demo.candidates.find((c) => c.name === name)!.id;

describe('the report: anchoring audit', () => {
  it('states the sealing order and that every scorecard was sealed before any was visible to another panelist', () => {
    const anchoring = reportOf(idOf('Amira Haddad')).anchoring!;
    expect(anchoring.seals).toHaveLength(4);
    expect(anchoring.seals.map((s) => s.order)).toEqual([1, 2, 3, 4]);
    const times = anchoring.seals.map((s) => s.sealedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(anchoring.seals.every((s) => s.kitTitle.length > 0 && !s.sawOthers)).toBe(true);
    expect(anchoring.isIndependent).toBe(true);
    expect(anchoring.facts[0]).toBe(`Sealing order: ${anchoring.seals.slice(0, 3).map((s) => s.interviewerName).join(', ')} and ${anchoring.seals[3]!.interviewerName}.`);
    expect(anchoring.facts).toContain('All four scorecards were sealed before any was visible to another panelist.');
    expect(anchoring.facts).toContain('No scorecard was amended after another panelist had sealed.');
  });

  it('names an amendment made after others had sealed, with each changed rating toward or away from the first sealed scores', () => {
    const amended = demo.interviews.find((i) => i.version > 1)!;
    const anchoring = reportOf(amended.candidateId).anchoring!;
    expect(anchoring.seals).toHaveLength(5);
    const [amendment] = anchoring.amendmentsAfterOthers;
    expect(amendment).toMatchObject({ interviewerName: 'Tomás Herrera', version: 2, reason: amended.amendReason });
    expect(amendment!.othersSealedBefore).toHaveLength(3);
    expect(amendment!.changes.length).toBeGreaterThan(0);
    expect(amendment!.changes.every((c) => c.direction === 'toward' && pack.dimensions.some((d) => d.title === c.dimensionTitle))).toBe(true);
    expect(anchoring.facts.some((f) => /^Tomás Herrera amended \(version 2, ".+"\) after .+ had sealed, and changed (one rating|\w+ ratings): \w+ toward the first sealed scores, no away\.$/.test(f))).toBe(true);
  });

  it('is left out when the sealed versions are not given, and never changes the inputs hash', () => {
    const { interviewVersions: _, ...without } = demo;
    const report = reportOf(idOf('Kenji Watanabe'), without as BundleContent);
    expect(report.anchoring).toBeNull();
    expect(report.inputsHash).toBe(reportOf(idOf('Kenji Watanabe')).inputsHash);
  });

  it('names a version whose snapshot cannot be read instead of reading it as no ratings', () => {
    const broken = structuredClone(demo);
    const kenji = idOf('Kenji Watanabe');
    const version = broken.interviewVersions.find((v) => broken.interviews.find((i) => i.id === v.interviewId)!.candidateId === kenji)!;
    version.snapshot = '{"interview": truncated';
    const anchoring = reportOf(kenji, broken).anchoring!;
    expect(anchoring.seals).toHaveLength(3);
    expect(anchoring.problems).toHaveLength(1);
    expect(anchoring.problems[0]).toContain(version.interviewId);
  });

  it('in blind mode keeps the facts and names no candidate', () => {
    const amended = demo.interviews.find((i) => i.version > 1)!;
    const candidate = demo.candidates.find((c) => c.id === amended.candidateId)!;
    const report = reportOf(candidate.id);
    // An amendment reason that names the candidate is redacted like every other text.
    report.anchoring!.amendmentsAfterOthers[0]!.reason = `Talked it over; ${candidate.name} did show ownership.`;
    const blind = audienceReport(report, 'committee-blind');
    if (!blind.ok) throw new Error(blind.reason);
    const text = JSON.stringify(blind.report.anchoring);
    for (const part of candidate.name.split(' ')) expect(text).not.toContain(part);
    expect(blind.report.anchoring!.facts).toEqual(report.anchoring!.facts);
  });
});

describe('the report: leniency offsets with intervals', () => {
  it('carries each offset with its standard error and 95% interval around it', () => {
    for (const row of reportOf(idOf('Ryan Mitchell')).interviewers) {
      expect(row.offsetSe).not.toBeNull();
      const [low, high] = row.offsetInterval!;
      expect(low).toBeCloseTo(row.offset - 1.96 * row.offsetSe!, 1);
      expect(high).toBeCloseTo(row.offset + 1.96 * row.offsetSe!, 1);
      expect(low).toBeLessThan(row.offset);
      expect(high).toBeGreaterThan(row.offset);
    }
  });
});
