import { describe, expect, it } from 'vitest';
import { anchoringAudit, type AnchoringSeal } from '../../../../src/core/anchoring/anchoringAudit';
import { anchoringSealsFrom } from '../../../../src/core/anchoring/anchoringSeals';
import { interviewSchema, type InterviewVersion } from '../../../../src/core/model/records';

const minute = 60_000;
const seal = (
  interviewerId: string,
  minutes: number,
  ratings: Record<string, number | null>,
  version = 1,
  reason = '',
  interviewId = `i-${interviewerId}`,
): AnchoringSeal => ({ interviewId, interviewerId, version, sealedAt: minutes * minute, reason, ratings });
const names: Record<string, string> = { a: 'Hannah', b: 'Arjun', c: 'Tomás', d: 'Ngozi' };
const nameOf = (id: string) => names[id] ?? id;

describe('anchoringAudit: sealed in order', () => {
  it('states that every scorecard was sealed before any was visible to another panelist', () => {
    const audit = anchoringAudit(
      [seal('c', 30, { x: 3 }), seal('a', 10, { x: 3 }), seal('d', 40, { x: 2 }), seal('b', 20, { x: 4 })],
      nameOf,
    );
    expect(audit.seals.map((s) => [s.order, s.interviewerId])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
    expect(audit).toMatchObject({ scorecards: 4, panelists: 4, isIndependent: true, amendmentsAfterOthers: [] });
    expect(audit.facts).toEqual([
      'Sealing order: Hannah, Arjun, Tomás and Ngozi.',
      'All four scorecards were sealed before any was visible to another panelist.',
      'No scorecard was amended after another panelist had sealed.',
    ]);
  });

  it('says so when nothing is sealed yet, and when only one panelist has sealed', () => {
    expect(anchoringAudit([]).facts).toEqual(['No scorecard of this loop has been sealed.']);
    expect(anchoringAudit([seal('a', 1, { x: 3 })], nameOf).facts[1]).toBe(
      'The one scorecard was sealed; no other panelist has sealed yet.',
    );
  });

  it('flags a first seal made after its author could read another scorecard (two interviews, one panelist)', () => {
    // Hannah sealed her first interview, could then read Arjun's, and sealed her second after that.
    const audit = anchoringAudit(
      [seal('a', 10, { x: 3 }, 1, '', 'i-1'), seal('b', 20, { x: 2 }), seal('a', 30, { y: 3 }, 1, '', 'i-3')],
      nameOf,
    );
    expect(audit.isIndependent).toBe(false);
    expect(audit.seals.map((s) => s.sawOthers)).toEqual([false, false, true]);
    expect(audit.facts[1]).toBe(
      "Two scorecards were sealed before their author could read another panelist's; Hannah sealed a later interview after Arjun had sealed.",
    );
  });
});

describe('anchoringAudit: amendments', () => {
  const first = [
    seal('a', 10, { x: 3, y: 2, z: 3 }),
    seal('b', 20, { x: 2, y: 2 }),
    seal('c', 30, { x: 4, y: 1, z: 2 }),
  ];

  it('lists an amendment made after others had sealed, with whose scorecards its author could read', () => {
    const audit = anchoringAudit([...first, seal('c', 50, { x: 3, y: 2, z: 2 }, 2, 'misread the probe')], nameOf);
    expect(audit.amendmentsAfterOthers).toHaveLength(1);
    const amendment = audit.amendmentsAfterOthers[0]!;
    expect(amendment).toMatchObject({
      interviewerId: 'c',
      version: 2,
      reason: 'misread the probe',
      othersSealedBefore: ['a', 'b'],
      anchorInterviewId: 'i-a',
    });
    expect(audit.seals.at(-1)).toMatchObject({ order: 4, version: 2, sawOthers: false });
    // The first seals stay independent; the amendment is reported separately.
    expect(audit.isIndependent).toBe(true);
  });

  it('finds an amendment that moved toward the first sealed scores', () => {
    // Hannah sealed first (x 3, y 2); Tomás moves x 4 → 3 and y 1 → 2: both onto her scores.
    const audit = anchoringAudit([...first, seal('c', 50, { x: 3, y: 2, z: 2 }, 2, 'misread the probe')], nameOf);
    const amendment = audit.amendmentsAfterOthers[0]!;
    expect(amendment.changes).toEqual([
      { dimensionId: 'x', from: 4, to: 3, anchor: 3, direction: 'toward' },
      { dimensionId: 'y', from: 1, to: 2, anchor: 2, direction: 'toward' },
    ]);
    expect(amendment).toMatchObject({ movedToward: 2, movedAway: 0 });
    expect(audit.facts).toContain(
      'Tomás amended (version 2, "misread the probe") after Hannah and Arjun had sealed, and changed two ratings: two toward the first sealed scores, no away.',
    );
  });

  it('finds an amendment that moved away from the first sealed scores, and one that cannot be compared', () => {
    // Arjun moves x 2 → 1 (further from Hannah's 3) and marks z, which he had not rated, as 2;
    // y goes to "no evidence": no score to compare.
    const audit = anchoringAudit([...first, seal('b', 45, { x: 1, y: null, z: 2 }, 2, 'second look')], nameOf);
    const amendment = audit.amendmentsAfterOthers[0]!;
    expect(amendment.changes).toEqual([
      { dimensionId: 'x', from: 2, to: 1, anchor: 3, direction: 'away' },
      { dimensionId: 'y', from: 2, to: null, anchor: 2, direction: 'no-anchor' },
      { dimensionId: 'z', from: null, to: 2, anchor: 3, direction: 'no-anchor' },
    ]);
    expect(amendment).toMatchObject({ movedToward: 0, movedAway: 1 });
    expect(audit.facts.at(-1)).toBe(
      'Arjun amended (version 2, "second look") after Hannah and Tomás had sealed, and changed three ratings: no toward the first sealed scores, one away, two neither or without a score to compare.',
    );
  });

  it('compares with the first sealed scorecard as it stood when the amendment was made', () => {
    // Hannah herself amends x 3 → 1 before Tomás amends; Tomás's move 4 → 2 is toward her current 1.
    const audit = anchoringAudit(
      [
        ...first,
        seal('a', 40, { x: 1, y: 2, z: 3 }, 2, 'recount'),
        seal('c', 50, { x: 2, y: 1, z: 2 }, 2, 'after debrief'),
      ],
      nameOf,
    );
    const tomas = audit.amendmentsAfterOthers.find((a) => a.interviewerId === 'c')!;
    expect(tomas.changes).toEqual([{ dimensionId: 'x', from: 4, to: 2, anchor: 1, direction: 'toward' }]);
    // Hannah's own amendment is compared with the first scorecard sealed by someone else: Arjun's.
    const hannah = audit.amendmentsAfterOthers.find((a) => a.interviewerId === 'a')!;
    expect(hannah).toMatchObject({ anchorInterviewId: 'i-b', othersSealedBefore: ['b', 'c'] });
    expect(hannah.changes).toEqual([{ dimensionId: 'x', from: 3, to: 1, anchor: 2, direction: 'same-distance' }]);
  });

  it('counts an amendment made before anyone else sealed apart: there was nothing to anchor on', () => {
    const audit = anchoringAudit(
      [seal('a', 10, { x: 3 }), seal('a', 15, { x: 2 }, 2, 'typo'), seal('b', 20, { x: 2 })],
      nameOf,
    );
    expect(audit.amendmentsAfterOthers).toEqual([]);
    expect(audit.amendmentsBeforeOthers).toBe(1);
    expect(audit.facts).toContain('One amendment was made before any other panelist had sealed.');
    expect(audit.facts).toContain('No scorecard was amended after another panelist had sealed.');
  });
});

describe('anchoringSealsFrom', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const interview = (n: number, interviewerId: string) =>
    interviewSchema.parse({
      id: uuid(n),
      loopId: uuid(90),
      candidateId: uuid(91),
      interviewerId,
      kitId: 'incident-simulation',
      status: 'submitted',
      version: 1,
      updatedAt: 1,
    });
  const version = (n: number, v: number, sealedAt: number, ratings: object[], reason = ''): InterviewVersion => ({
    id: uuid(100 + n * 10 + v),
    interviewId: uuid(n),
    version: v,
    sealedAt,
    reason,
    snapshot: JSON.stringify({ ratings }),
  });

  it("reads each version's ratings from its snapshot, no evidence as null", () => {
    const { seals, problems } = anchoringSealsFrom(
      [interview(1, uuid(51))],
      [
        version(1, 1, 1000, [
          { interviewId: uuid(1), dimensionId: 'communication', state: 'rated', score: 3, updatedAt: 1 },
          { interviewId: uuid(1), dimensionId: 'incident-leadership', state: 'no-evidence', updatedAt: 1 },
        ]),
        version(
          1,
          2,
          2000,
          [{ interviewId: uuid(1), dimensionId: 'communication', state: 'rated', score: 2, updatedAt: 2 }],
          'typo',
        ),
        version(2, 1, 1500, []),
      ],
    );
    expect(problems).toEqual([]);
    expect(seals).toEqual([
      {
        interviewId: uuid(1),
        interviewerId: uuid(51),
        version: 1,
        sealedAt: 1000,
        reason: '',
        ratings: { communication: 3, 'incident-leadership': null },
      },
      {
        interviewId: uuid(1),
        interviewerId: uuid(51),
        version: 2,
        sealedAt: 2000,
        reason: 'typo',
        ratings: { communication: 2 },
      },
    ]);
  });

  it('names a version whose snapshot cannot be read instead of reading it as no ratings', () => {
    const broken = { ...version(1, 1, 1000, []), snapshot: '{"ratings": [' };
    const { seals, problems } = anchoringSealsFrom([interview(1, uuid(51))], [broken]);
    expect(seals).toEqual([]);
    expect(problems).toEqual([`interview ${uuid(1)} version 1: the snapshot is not valid JSON`]);
  });

  it('names a version whose ratings are not ratings, and one whose ratings are not a list', () => {
    const unscored = version(1, 1, 1000, [{ interviewId: uuid(1), dimensionId: 'communication', state: 'rated', updatedAt: 1 }]);
    const notList = { ...version(1, 2, 2000, []), snapshot: '{"ratings": {"communication": 3}}' };
    const { seals, problems } = anchoringSealsFrom([interview(1, uuid(51))], [unscored, notList]);
    expect(seals).toEqual([]);
    expect(problems).toEqual([
      `interview ${uuid(1)} version 1: the snapshot's ratings[0] is not a valid record`,
      `interview ${uuid(1)} version 2: the snapshot's ratings is not a list`,
    ]);
  });
});
