import { describe, expect, it } from 'vitest';
import { calibrateRatings } from '../../../../src/core/calibration/calibrateRatings';
import { levelRecommend, type LevelProfile } from '../../../../src/core/levels/levelRecommend';
import type { Dimension, Level, RubricPack, Signal } from '../../../../src/core/rubric/schema';

const levelIds = ['junior', 'mid', 'senior', 'staff', 'principal'] as const;

function level(id: string): Level {
  const title = id[0]!.toUpperCase() + id.slice(1);
  return {
    id,
    title,
    tenure: 't',
    scope: 's',
    decisionOwnership: 'd',
    stakeholderSurface: 's',
    unlock: 'u',
    plateau: 'p',
    failureMode: 'f',
  };
}

function dimension(id: string, title: string, expectations: Record<string, 1 | 2 | 3 | 4>): Dimension {
  const anchor = (score: number) => ({ score, label: `${score}`, summary: 's', examples: ['a', 'b'] });
  return { id, title, summary: 's', meetsBar: 'm', evidence: ['e'], anchors: [1, 2, 3, 4].map(anchor), expectations };
}

function signal(id: string, levelCap?: string): Signal {
  return {
    id,
    polarity: 'red-flag',
    title: id,
    description: 'd',
    dimensions: ['incident-leadership'],
    severity: 'high',
    category: 'blueprint',
    ...(levelCap ? { levelCap } : {}),
  };
}

const pack: Pick<RubricPack, 'levels' | 'dimensions' | 'signals'> = {
  levels: levelIds.map(level),
  dimensions: [
    dimension('incident-leadership', 'Incident leadership', { junior: 1, mid: 2, senior: 3, staff: 3, principal: 4 }),
    dimension('cross-team-influence', 'Cross-team influence', { junior: 1, mid: 2, senior: 2, staff: 3, principal: 4 }),
    // Only expected from senior up.
    dimension('mentorship-leadership', 'Mentorship & leadership', { senior: 2, staff: 3, principal: 4 }),
  ],
  signals: [signal('hot-patch-production', 'senior'), signal('blames-individuals'), signal('secrets-in-repo', 'mid')],
};

const staffProfile: LevelProfile = {
  'incident-leadership': { calibrated: 3.4, interval: [3.1, 3.7] },
  'cross-team-influence': { calibrated: 3.2, interval: [3.05, 3.35] },
  'mentorship-leadership': { calibrated: 3.5, interval: null },
};

describe('levelRecommend', () => {
  it('recommends the highest level whose every minimum the calibrated profile meets', () => {
    const result = levelRecommend(pack, staffProfile, []);
    expect(result.level).toBe('staff');
    expect(result.committeeReview).toBe(false);
    expect(result.caps).toEqual([]);
    expect(result.cappedFrom).toBeUndefined();
    expect(result.ladder).toEqual([
      { level: 'junior', held: true },
      { level: 'mid', held: true },
      { level: 'senior', held: true },
      { level: 'staff', held: true },
      { level: 'principal', held: false },
    ]);
    // Every rule of every level is listed, lowest level first, dimensions in pack order.
    expect(result.reasons.filter((r) => r.level === 'junior').map((r) => r.dimensionId)).toEqual([
      'incident-leadership',
      'cross-team-influence',
    ]);
    expect(result.reasons).toContainEqual({
      level: 'principal',
      dimensionId: 'incident-leadership',
      expected: 4,
      actual: 3.4,
      held: false,
    });
    expect(result.reasons).toHaveLength(2 + 2 + 3 + 3 + 3);
    expect(result.whatWouldChange).toEqual([]);
  });

  it('stops one level lower when one dimension is below the staff minimum, naming the failing rule', () => {
    const result = levelRecommend(pack, { ...staffProfile, 'cross-team-influence': { calibrated: 2.6 } }, []);
    expect(result.level).toBe('senior');
    expect(result.reasons.filter((r) => !r.held && r.level === 'staff')).toEqual([
      { level: 'staff', dimensionId: 'cross-team-influence', expected: 3, actual: 2.6, held: false },
    ]);
  });

  it('treats levels as cumulative: a gap at a lower level caps what higher ratings elsewhere could reach', () => {
    // Meets every staff minimum except mid's on a dimension that staff does not raise.
    const strange = {
      ...pack,
      dimensions: [...pack.dimensions, dimension('communication', 'Communication', { mid: 3 })],
    };
    const result = levelRecommend(strange, { ...staffProfile, communication: { calibrated: 2 } }, []);
    expect(result.level).toBe('junior');
    expect(result.ladder.map((l) => l.held)).toEqual([true, false, false, false, false]);
  });

  it('returns no level when even the lowest level is not met', () => {
    const result = levelRecommend(
      pack,
      { 'incident-leadership': { calibrated: 0.8 }, 'cross-team-influence': { calibrated: 1 } },
      [],
    );
    expect(result.level).toBeNull();
  });

  it('caps the level at a red flag whose signal carries a cap and sends the candidate to committee review', () => {
    const result = levelRecommend(pack, staffProfile, [{ signalId: 'hot-patch-production' }]);
    expect(result.level).toBe('senior');
    expect(result.cappedFrom).toBe('staff');
    expect(result.caps).toEqual([{ signalId: 'hot-patch-production', level: 'senior' }]);
    expect(result.committeeReview).toBe(true);
    // The lowest cap wins.
    const twoCaps = levelRecommend(pack, staffProfile, [
      { signalId: 'hot-patch-production' },
      { signalId: 'secrets-in-repo' },
    ]);
    expect(twoCaps.level).toBe('mid');
  });

  it('forces committee review for a red flag without a cap, leaving the level alone', () => {
    const result = levelRecommend(pack, staffProfile, [{ signalId: 'blames-individuals' }]);
    expect(result).toMatchObject({ level: 'staff', committeeReview: true, caps: [] });
    expect(result.cappedFrom).toBeUndefined();
  });

  it('does not raise a level with a cap above it', () => {
    const seniorProfile = { ...staffProfile, 'mentorship-leadership': { calibrated: 2 } };
    const result = levelRecommend(pack, seniorProfile, [{ signalId: 'hot-patch-production' }]);
    expect(result.level).toBe('senior');
    expect(result.cappedFrom).toBeUndefined();
  });

  it('never lets a dimension without evidence meet a minimum, and lists it as what would change the level', () => {
    const result = levelRecommend(pack, { ...staffProfile, 'mentorship-leadership': { calibrated: null } }, []);
    expect(result.level).toBe('mid');
    expect(result.reasons).toContainEqual({
      level: 'senior',
      dimensionId: 'mentorship-leadership',
      expected: 2,
      actual: null,
      held: false,
    });
    expect(result.whatWouldChange).toEqual([
      {
        dimensionId: 'mentorship-leadership',
        why: 'no-evidence',
        detail: expect.stringContaining('no rating on Mentorship & leadership'),
      },
    ]);
    // A dimension missing from the profile altogether is the same as no evidence.
    const { 'mentorship-leadership': _omitted, ...withoutMentorship } = staffProfile;
    expect(levelRecommend(pack, withoutMentorship, []).whatWouldChange.map((w) => w.why)).toEqual(['no-evidence']);
  });

  it('lists dimensions whose interval straddles the next or the current level minimum as on a boundary', () => {
    const result = levelRecommend(
      pack,
      {
        'incident-leadership': { calibrated: 3.6, interval: [3.2, 4.1] }, // principal's 4 inside: could go up
        'cross-team-influence': { calibrated: 3.1, interval: [2.7, 3.5] }, // staff's 3 inside: could go down
        'mentorship-leadership': { calibrated: 3.4, interval: [3, 3.8] }, // staff's 3 only at the edge
      },
      [],
    );
    expect(result.level).toBe('staff');
    expect(result.whatWouldChange.map((w) => [w.dimensionId, w.why])).toEqual([
      ['incident-leadership', 'on-boundary'],
      ['cross-team-influence', 'on-boundary'],
    ]);
    expect(result.whatWouldChange[0]!.detail).toMatch(/up to Principal \(minimum 4\)/);
    expect(result.whatWouldChange[1]!.detail).toMatch(/down from Staff \(minimum 3\)/);
  });

  it("takes a calibrated candidate's dimension summaries as its profile", () => {
    const ratings = ['ana', 'ben'].flatMap((interviewerId) =>
      ['incident-leadership', 'cross-team-influence'].map((dimensionId) => ({
        candidateId: 'c1',
        interviewerId,
        dimensionId,
        score: 3,
      })),
    );
    const calibration = calibrateRatings(ratings, { dimensionIds: pack.dimensions.map((d) => d.id) });
    const result = levelRecommend(pack, calibration.candidates.c1!.dimensions, []);
    expect(result.level).toBe('mid');
    expect(result.whatWouldChange).toEqual([
      { dimensionId: 'mentorship-leadership', why: 'no-evidence', detail: expect.any(String) },
    ]);
  });
});
