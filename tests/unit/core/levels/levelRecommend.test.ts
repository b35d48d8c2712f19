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
    // The way up is Principal's minimum of 4 on each dimension, each with its gap; no interval
    // reaches below Staff's minimum, so nothing could take the level down.
    expect(result.whatWouldChange.map((w) => [w.direction, w.dimensionId, w.level, w.gap?.toFixed(2)])).toEqual([
      ['up', 'incident-leadership', 'principal', '0.60'],
      ['up', 'cross-team-influence', 'principal', '0.80'],
      ['up', 'mentorship-leadership', 'principal', '0.50'],
    ]);
    expect(result.status).toBe('recommended');
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

  it('never lets a dimension without evidence meet a minimum, and calls the evidence not enough when it decides the level', () => {
    const result = levelRecommend(pack, { ...staffProfile, 'mentorship-leadership': { calibrated: null } }, []);
    expect(result.level).toBeNull();
    expect(result.provisionalLevel).toBe('mid');
    expect(result.status).toBe('not-enough-evidence');
    expect(result.reasons).toContainEqual({
      level: 'senior',
      dimensionId: 'mentorship-leadership',
      expected: 2,
      actual: null,
      held: false,
    });
    expect(result.missing).toEqual([
      { kind: 'dimension', dimensionId: 'mentorship-leadership', detail: 'no rating on Mentorship & leadership (Staff needs at least 3)' },
    ]);
    // A dimension missing from the profile altogether is the same as no evidence.
    const { 'mentorship-leadership': _omitted, ...withoutMentorship } = staffProfile;
    expect(levelRecommend(pack, withoutMentorship, []).missing.map((m) => m.kind)).toEqual(['dimension']);
  });

  it('lists the next level up with gaps, and the current level where an interval crosses its minimum', () => {
    const result = levelRecommend(
      pack,
      {
        'incident-leadership': { calibrated: 3.6, interval: [3.2, 4.1] }, // above Staff; 0.4 short of Principal
        'cross-team-influence': { calibrated: 3.1, interval: [2.7, 3.5] }, // Staff's 3 inside: could go down
        'mentorship-leadership': { calibrated: 3.4, interval: [3, 3.8] }, // Staff's 3 only at the edge
      },
      [],
    );
    expect(result.level).toBe('staff');
    expect(result.whatWouldChange.map((w) => [w.direction, w.dimensionId])).toEqual([
      ['up', 'incident-leadership'],
      ['up', 'cross-team-influence'],
      ['up', 'mentorship-leadership'],
      ['down', 'cross-team-influence'],
    ]);
    expect(result.whatWouldChange[0]!.detail).toBe('Principal needs Incident leadership at 4 or more; it is 3.6 (0.4 short)');
    expect(result.whatWouldChange[3]!.detail).toMatch(/interval 2\.7–3\.5 reaches below the Staff minimum of 3/);
  });

  it('names no way up past a red-flag cap, and says that only the review can lift it', () => {
    const result = levelRecommend(pack, staffProfile, [{ signalId: 'hot-patch-production' }, { signalId: 'hot-patch-production' }]);
    expect(result.level).toBe('senior');
    expect(result.caps).toEqual([{ signalId: 'hot-patch-production', level: 'senior' }]);
    expect(result.whatWouldChange.filter((w) => w.direction === 'up')).toEqual([]);
    expect(result.capNote).toMatch(/caps the level at Senior/);
  });

  it('is not enough evidence while planned scorecards are unsealed, or none is sealed', () => {
    const partial = levelRecommend(pack, staffProfile, [], { sealed: 3, planned: 4 });
    expect(partial).toMatchObject({ status: 'not-enough-evidence', level: null, provisionalLevel: 'staff' });
    expect(partial.missing).toEqual([{ kind: 'scorecards', sealed: 3, planned: 4, detail: '3 of 4 planned scorecards sealed' }]);
    const none = levelRecommend(pack, {}, [], { sealed: 0, planned: 4 });
    expect(none.status).toBe('not-enough-evidence');
    expect(none.missing.map((m) => m.kind)).toEqual(['scorecards', 'dimension', 'dimension', 'dimension']);
    expect(levelRecommend(pack, staffProfile, [], { sealed: 4, planned: 4 }).status).toBe('recommended');
  });

  it('does not wait for a dimension that decides no level the rest of the profile reaches', () => {
    // Incident leadership 1.5 stops the ladder at Junior, where mentorship has no minimum.
    const result = levelRecommend(
      pack,
      { 'incident-leadership': { calibrated: 1.5 }, 'cross-team-influence': { calibrated: 3 }, 'mentorship-leadership': { calibrated: null } },
      [],
    );
    expect(result).toMatchObject({ status: 'recommended', level: 'junior', missing: [] });
    // A cap below the level a missing dimension would decide makes it irrelevant too.
    const capped = levelRecommend(pack, { ...staffProfile, 'mentorship-leadership': { calibrated: null } }, [{ signalId: 'secrets-in-repo' }]);
    expect(capped).toMatchObject({ status: 'recommended', level: 'mid', missing: [] });
  });

  it('says below the lowest level only when the evidence is complete, and names the lowest level as the way up', () => {
    const result = levelRecommend(pack, { 'incident-leadership': { calibrated: 0.8 }, 'cross-team-influence': { calibrated: 1 }, 'mentorship-leadership': { calibrated: 1 } }, [], { sealed: 2, planned: 2 });
    expect(result).toMatchObject({ status: 'below-lowest', level: null });
    expect(result.whatWouldChange.map((w) => [w.direction, w.level, w.dimensionId])).toEqual([['up', 'junior', 'incident-leadership']]);
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
    expect(result.provisionalLevel).toBe('mid');
    expect(result.missing.map((m) => (m.kind === 'dimension' ? m.dimensionId : m.kind))).toEqual(['mentorship-leadership']);
  });
});
