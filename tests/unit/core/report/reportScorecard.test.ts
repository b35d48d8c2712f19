import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { reportBuild, reportPoolCalibration } from '../../../../src/core/report/reportBuild';
import { reportScorecard, scorecardAccess } from '../../../../src/core/report/reportScorecard';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';

const sealed = { interviewerId: 'me', status: 'submitted' as const, version: 1 };
const colleague = { id: 'i2', interviewerId: 'colleague', status: 'submitted' as const, version: 1 };

describe('scorecardAccess', () => {
  it('opens a sealed colleague scorecard for the committee (no profile, or not on the panel)', () => {
    expect(scorecardAccess(null, colleague, [colleague]).ok).toBe(true);
    expect(scorecardAccess('chair', colleague, [colleague]).ok).toBe(true);
  });

  it('opens it for a panelist who has sealed their own, or is amending a sealed one', () => {
    expect(scorecardAccess('me', colleague, [sealed, colleague]).ok).toBe(true);
    expect(scorecardAccess('me', colleague, [{ ...sealed, status: 'draft', version: 1 }, colleague]).ok).toBe(true);
  });

  it('refuses a panelist who has not sealed their own yet, saying why', () => {
    for (const status of ['planned', 'draft'] as const) {
      const result = scorecardAccess('me', colleague, [{ interviewerId: 'me', status, version: 0 }, colleague]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/have not sealed your own scorecard/);
    }
  });

  it('opens no scorecard that is not sealed, not even for the committee', () => {
    expect(scorecardAccess(null, { ...colleague, status: 'draft' }, []).ok).toBe(false);
  });
});

describe('reportScorecard', () => {
  it("holds one interviewer's ratings with anchors, every note of theirs, their signals and outcomes", () => {
    const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
    const pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
    const demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
    const ryan = demo.candidates.find((c) => c.name === 'Ryan Mitchell')!;
    const report = reportBuild({ pack, candidateId: ryan.id, evidence: demo, calibration: reportPoolCalibration(pack, demo), audience: 'committee' });
    for (const interview of demo.interviews.filter((i) => i.candidateId === ryan.id)) {
      const card = reportScorecard(report, interview.id)!;
      expect(card.notes.map((n) => n.id).sort()).toEqual(demo.notes.filter((n) => n.interviewId === interview.id).map((n) => n.id).sort());
      expect(card.ratings).toHaveLength(demo.ratings.filter((r) => r.interviewId === interview.id).length);
      for (const r of card.ratings) if (r.raw !== 'no-evidence') expect(r.anchor).toMatch(new RegExp(`^${r.raw} · `));
      expect(card.signals.every((s) => s.interviewId === interview.id)).toBe(true);
    }
    expect(reportScorecard(report, 'not-an-interview')).toBeNull();
  });
});
