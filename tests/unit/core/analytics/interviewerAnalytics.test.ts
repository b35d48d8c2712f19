import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { analyticsPeriods } from '../../../../src/core/analytics/analyticsPeriods';
import {
  interviewerAnalytics,
  type AnalyticsInput,
  type AnalyticsInterview,
  type AnalyticsRating,
} from '../../../../src/core/analytics/interviewerAnalytics';
import { anchoringAudit } from '../../../../src/core/anchoring/anchoringAudit';
import { anchoringSealsFrom } from '../../../../src/core/anchoring/anchoringSeals';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

const HOUR = 3_600_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 10);

describe('analyticsPeriods', () => {
  it('groups by calendar quarter when each holds enough interviews', () => {
    const times = [...Array(20).fill(day(2025, 1, 10)), ...Array(20).fill(day(2025, 5, 2))];
    expect(analyticsPeriods(times).map((p) => [p.label, p.interviews])).toEqual([
      ['2025 Q1', 20],
      ['2025 Q2', 20],
    ]);
  });

  it('joins a thin quarter to the next, and a thin last quarter to the one before', () => {
    const times = [
      ...Array(5).fill(day(2024, 11, 1)),
      ...Array(18).fill(day(2025, 2, 1)),
      ...Array(25).fill(day(2025, 4, 1)),
      ...Array(3).fill(day(2025, 8, 1)),
    ];
    const periods = analyticsPeriods(times);
    expect(periods.map((p) => [p.label, p.interviews])).toEqual([
      ['2024 Q4 – 2025 Q1', 23],
      ['2025 Q2 – 2025 Q3', 28],
    ]);
    expect(periods[0]!.from).toBe(Date.UTC(2024, 9, 1));
    expect(periods[1]!.to).toBe(Date.UTC(2025, 9, 1));
  });

  it('keeps everything in one period when there are too few interviews for two', () => {
    expect(analyticsPeriods([day(2025, 1, 1), day(2025, 9, 1)]).map((p) => p.label)).toEqual(['2025 Q1 – 2025 Q3']);
    expect(analyticsPeriods([])).toEqual([]);
  });
});

/**
 * A hand-built pool: per quarter, eight candidates each rated by A to E on four dimensions; a
 * candidate's true score varies, C rates `cShift(quarter)` points above it. (Offsets are relative
 * to the panel: with five raters one rater's shift moves the others' offsets only a little.)
 */
function pool(quarters: number, cShift: (quarter: number) => number): AnalyticsInput {
  const interviews: AnalyticsInterview[] = [];
  const ratings: AnalyticsRating[] = [];
  const dims = ['d1', 'd2', 'd3', 'd4'];
  for (let q = 0; q < quarters; q++) {
    for (let c = 0; c < 8; c++) {
      const candidateId = `q${q}c${c}`;
      const truth = 1 + ((c * 7 + q) % 3);
      for (const [k, rater] of ['A', 'B', 'C', 'D', 'E'].entries()) {
        const id = `${candidateId}-${rater}`;
        const heldAt = Date.UTC(2025, q * 3, 5 + c * 3, 10);
        interviews.push({ id, candidateId, interviewerId: rater, heldAt, firstSealedAt: heldAt + (k + 1) * HOUR });
        dims.forEach((d, i) => {
          // B leaves the last dimension without evidence on every candidate.
          if (rater === 'B' && i === 3) return ratings.push({ interviewId: id, dimensionId: d, score: null });
          // What the candidate showed on the dimension, and each rater's own disagreement with it.
          const wobble = ((c + i) % 2 === 0 ? 0 : 1) + ((c * 3 + i + k * 5) % 7 === 0 ? 1 : (c + 2 * i + k) % 5 === 0 ? -1 : 0);
          const shift = rater === 'C' ? cShift(q) : 0;
          ratings.push({ interviewId: id, dimensionId: d, score: Math.min(4, Math.max(1, truth + wobble + shift)) });
        });
      }
    }
  }
  return { interviews, ratings, practiceRuns: [], dimensionIds: ['d1', 'd2', 'd3', 'd4'] };
}

describe('interviewerAnalytics', () => {
  it('flags the interviewer whose offset moved by more than its interval, and nobody else', () => {
    const result = interviewerAnalytics(pool(3, (q) => (q === 2 ? 1 : 0)));
    expect(result.periods.map((p) => p.label)).toEqual(['2025 Q1', '2025 Q2', '2025 Q3']);
    const c = result.interviewers.find((i) => i.interviewerId === 'C')!;
    expect(c.periods.map((p) => p.drift !== null)).toEqual([false, false, true]);
    const moved = c.periods[2]!;
    expect(moved.offset! - c.periods[1]!.offset!).toBeCloseTo(moved.drift!.delta, 10);
    expect(Math.abs(moved.drift!.delta)).toBeGreaterThan(moved.drift!.threshold);
    expect(moved.drift!.threshold).toBeCloseTo(1.96 * Math.hypot(moved.se!, c.periods[1]!.se!), 10);
    expect(moved.interval).toEqual([moved.offset! - 1.96 * moved.se!, moved.offset! + 1.96 * moved.se!]);
    for (const other of result.interviewers.filter((i) => i.interviewerId !== 'C'))
      expect(other.drifts, `${other.interviewerId}: ${other.periods.map((p) => `${p.offset}±${p.se}`).join(' ')}`).toBe(0);
  });

  it('flags no drift when every interviewer rates the same way throughout', () => {
    const result = interviewerAnalytics(pool(3, () => 0));
    expect(result.interviewers.map((i) => i.drifts)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts "no evidence", hours to seal, and agreement with co-panelists per period', () => {
    const result = interviewerAnalytics(pool(2, (q) => (q === 1 ? 2 : 0)));
    const b = result.interviewers.find((i) => i.interviewerId === 'B')!;
    expect(b.periods[0]!.noEvidenceShare).toBeCloseTo(0.25, 10);
    expect(b.periods[0]!.ratings).toBe(24);
    expect(b.periods[0]!.hoursToSeal).toBe(2);
    const c = result.interviewers.find((i) => i.interviewerId === 'C')!;
    // Rating like the others: nearly always within a point; two points above them later: far less often.
    expect(c.periods[0]!.agreement!).toBeGreaterThanOrEqual(0.8);
    expect(c.periods[1]!.agreement!).toBeLessThan(c.periods[0]!.agreement! - 0.3);
    expect(c.periods[0]!.agreementRestsOn).toBe(32);
  });

  it('takes practice distance from practice runs sealed in the period, and says when there were none', () => {
    const input = pool(2, () => 0);
    input.practiceRuns = [
      { interviewerId: 'A', sealedAt: Date.UTC(2025, 4, 1), meanAbsoluteDistance: 0.5 },
      { interviewerId: 'A', sealedAt: Date.UTC(2025, 4, 2), meanAbsoluteDistance: 1 },
      { interviewerId: 'A', sealedAt: Date.UTC(2025, 1, 2), meanAbsoluteDistance: null },
    ];
    const result = interviewerAnalytics(input);
    const a = result.interviewers.find((i) => i.interviewerId === 'A')!;
    expect(a.practiceRuns).toBe(3);
    expect(a.periods.map((p) => [p.practiceRuns, p.practiceDistance])).toEqual([
      [1, null],
      [2, 0.75],
    ]);
    expect(result.interviewers.find((i) => i.interviewerId === 'B')!.practiceRuns).toBe(0);
  });
});

describe('the demo history', () => {
  let pack: RubricPack;
  let demo: BundleContent;
  beforeAll(() => {
    const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
    pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
    demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
  });
  const analyticsOf = (content: BundleContent) => {
    const firstSeal = new Map(content.interviewVersions.filter((v) => v.version === 1).map((v) => [v.interviewId, v.sealedAt]));
    return interviewerAnalytics({
      interviews: content.interviews.map((i) => ({
        id: i.id,
        candidateId: i.candidateId,
        interviewerId: i.interviewerId,
        heldAt: i.startedAt!,
        firstSealedAt: firstSeal.get(i.id)!,
      })),
      ratings: content.ratings.map((r) => ({ interviewId: r.interviewId, dimensionId: r.dimensionId, score: r.state === 'rated' ? r.score : null })),
      practiceRuns: [],
      dimensionIds: pack.dimensions.map((d) => d.id),
    });
  };

  it('shows Tomás drifting toward generous, and only him', () => {
    const result = analyticsOf(demo);
    expect(result.periods.length).toBeGreaterThanOrEqual(4);
    const nameOf = (id: string) => demo.interviewers.find((p) => p.id === id)!.name;
    expect(result.interviewers.filter((i) => i.drifts > 0).map((i) => nameOf(i.interviewerId))).toEqual(['Tomás Herrera']);
    const tomas = result.interviewers.find((i) => nameOf(i.interviewerId) === 'Tomás Herrera')!;
    expect(tomas.periods.find((p) => p.drift)!.drift!.delta).toBeGreaterThan(0);
  });

  it('holds one loop where a scorecard was amended after the others sealed, toward the first sealed scores', () => {
    const amended = demo.interviews.filter((i) => i.version > 1);
    expect(amended).toHaveLength(1);
    const loop = demo.interviews.filter((i) => i.loopId === amended[0]!.loopId);
    const { seals, problems } = anchoringSealsFrom(loop, demo.interviewVersions);
    expect(problems).toEqual([]);
    const audit = anchoringAudit(seals);
    expect(audit.isIndependent).toBe(true);
    expect(audit.amendmentsAfterOthers).toHaveLength(1);
    expect(audit.amendmentsAfterOthers[0]!.movedToward).toBeGreaterThan(0);
    expect(audit.amendmentsAfterOthers[0]!.movedAway).toBe(0);
  });
});
