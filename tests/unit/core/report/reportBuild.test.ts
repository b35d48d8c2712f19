import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import { sha256Hex } from '../../../../src/core/crypto/sha256';
import type { RubricPack } from '../../../../src/core/rubric/schema';

const repoRoot = join(import.meta.dirname, '../../../..');
let pack: RubricPack;
let demo: BundleContent;

beforeAll(() => {
  const files = rubricFilesRead(join(repoRoot, 'rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
});

function reportOf(content: BundleContent, name: string, audience: 'committee' | 'recruiter' = 'committee'): CandidateReport {
  const candidate = content.candidates.find((c) => c.name === name)!;
  return reportBuild({ pack, candidateId: candidate.id, evidence: content, calibration: reportPoolCalibration(pack, content), audience });
}

const title = (id: string) => pack.dimensions.find((d) => d.id === id)!.title;
const minimum = (dimensionId: string, level: string) => pack.dimensions.find((d) => d.id === dimensionId)!.expectations[level]!;
const levelIndex = (level: string) => pack.levels.findIndex((l) => l.id === level);

describe('the level recommendation over every demo candidate', () => {
  // The facts the wording must carry, per demo candidate: the level, and the ways up — exactly the
  // next level's dimensions below their minimum (none when a red flag holds the level), each with
  // its gap. The expected list is worked out here from the profile, independently of the code.
  const table = [
    { name: 'Amira Haddad', level: 'staff', isCapped: false },
    { name: 'Kenji Watanabe', level: 'senior', isCapped: false },
    { name: 'Ryan Mitchell', level: 'mid', isCapped: true },
  ];

  for (const row of table) {
    it(`${row.name}: ${row.level}${row.isCapped ? ', held there by a red flag' : ''}; ways up and down are the real ones`, () => {
      const report = reportOf(demo, row.name);
      const rec = report.recommendation;
      expect(rec.status).toBe('recommended');
      expect(rec.level).toBe(row.level);
      const next = row.isCapped ? null : (pack.levels[levelIndex(row.level) + 1]?.id ?? null);
      const calibrated = (id: string) => report.profile.find((p) => p.dimensionId === id)!.calibrated;
      const expectedUp = next
        ? pack.dimensions.filter((d) => d.expectations[next] !== undefined && (calibrated(d.id) ?? -1) < d.expectations[next]!).map((d) => d.id)
        : [];
      const up = rec.whatWouldChange.filter((w) => w.direction === 'up');
      expect(up.map((w) => w.dimensionId)).toEqual(expectedUp);
      if (next) expect(expectedUp.length).toBeGreaterThan(0);
      for (const hint of up) {
        expect(hint.level).toBe(next);
        const actual = calibrated(hint.dimensionId)!;
        expect(hint.gap).toBeCloseTo(minimum(hint.dimensionId, hint.level) - actual, 6);
        expect(hint.detail).toContain(title(hint.dimensionId));
        expect(hint.detail).toContain(`${Math.round(hint.gap! * 100) / 100} short`);
      }
      // Ways down concern the current level only, and only where the interval crosses its minimum.
      const expectedDown = report.profile
        .filter((p) => p.interval && p.interval[0] < minimum(p.dimensionId, row.level) && p.interval[1] > minimum(p.dimensionId, row.level))
        .map((p) => p.dimensionId);
      const down = rec.whatWouldChange.filter((w) => w.direction === 'down');
      expect(down.map((w) => w.dimensionId)).toEqual(expectedDown);
      for (const hint of down) expect(hint.detail).toContain(`${pack.levels[levelIndex(row.level)]!.title} minimum of ${hint.minimum}`);
      expect(rec.capNote !== null).toBe(row.isCapped);
    });
  }

  it('Ryan: nothing listed contradicts the red-flag cap, and the cap says only the review can lift it', () => {
    const rec = reportOf(demo, 'Ryan Mitchell').recommendation;
    const cap = Math.min(...rec.caps.map((c) => levelIndex(c.level)));
    for (const hint of rec.whatWouldChange) expect(levelIndex(hint.level)).toBeLessThanOrEqual(cap);
    expect(rec.whatWouldChange.some((w) => /Staff|Senior/.test(w.detail))).toBe(false);
    expect(rec.capNote).toMatch(/caps the level at Mid/);
    // One cap per signal, though the blame red flag was both tagged and derived by the simulation.
    expect(rec.caps).toEqual([
      { signalId: 'red-flag-secrets-in-repo', level: 'mid' },
      { signalId: 'red-flag-blame-individuals', level: 'senior' },
    ]);
  });
});

describe('signals', () => {
  it('are de-duplicated by (interview, signal), every piece of evidence kept under the one entry', () => {
    const ryan = reportOf(demo, 'Ryan Mitchell');
    const blame = ryan.signals.redFlag.filter((s) => s.signalId === 'red-flag-blame-individuals');
    expect(blame).toHaveLength(1);
    expect(blame[0]!.sources).toEqual(['interviewer', 'incident']);
    expect(blame[0]!.evidence.some((e) => e.noteId !== null)).toBe(true);
    expect(blame[0]!.evidence.some((e) => e.text.startsWith('Incident simulation:'))).toBe(true);
    expect(ryan.signals.redFlag).toHaveLength(2);
    const keys = [...ryan.signals.redFlag, ...ryan.signals.strong, ...ryan.signals.weak].map((s) => `${s.interviewId}/${s.signalId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('not enough evidence', () => {
  function withUnsealed(name: string, count: number): BundleContent {
    const content = structuredClone(demo);
    const candidate = content.candidates.find((c) => c.name === name)!;
    content.interviews
      .filter((i) => i.candidateId === candidate.id)
      .slice(0, count)
      .forEach((i) => Object.assign(i, { status: 'planned', version: 0, submittedAt: null }));
    return content;
  }

  it('says what is missing when fewer scorecards are sealed than the loop plans', () => {
    const rec = reportOf(withUnsealed('Amira Haddad', 1), 'Amira Haddad').recommendation;
    expect(rec).toMatchObject({ status: 'not-enough-evidence', level: null });
    expect(rec.missing[0]).toMatchObject({ kind: 'scorecards', sealed: 3, planned: 4, detail: '3 of 4 planned scorecards sealed' });
  });

  it('never reads no scorecards as below the lowest level', () => {
    const report = reportOf(withUnsealed('Kenji Watanabe', 4), 'Kenji Watanabe');
    expect(report.recommendation.status).toBe('not-enough-evidence');
    expect(report.recommendation.level).toBeNull();
    expect(report.recommendation.missing[0]!.detail).toBe('0 of 4 planned scorecards sealed');
    // Every dimension is level-deciding in this pack, and none has a rating.
    expect(report.recommendation.missing.filter((m) => m.kind === 'dimension')).toHaveLength(pack.dimensions.length);
  });

  it('waits for a level-deciding dimension without evidence even when every scorecard is sealed', () => {
    const content = structuredClone(demo);
    const kenji = content.candidates.find((c) => c.name === 'Kenji Watanabe')!;
    const ids = new Set(content.interviews.filter((i) => i.candidateId === kenji.id).map((i) => i.id));
    content.ratings = content.ratings.map((r) =>
      ids.has(r.interviewId) && r.dimensionId === 'communication' ? { interviewId: r.interviewId, dimensionId: r.dimensionId, state: 'no-evidence', updatedAt: r.updatedAt } : r,
    );
    const rec = reportOf(content, 'Kenji Watanabe').recommendation;
    expect(rec.status).toBe('not-enough-evidence');
    expect(rec.missing).toEqual([{ kind: 'dimension', dimensionId: 'communication', detail: 'no rating on Communication (Senior needs at least 2)' }]);
  });
});

describe('every rating traceable', () => {
  for (const audience of ['committee', 'recruiter'] as const) {
    it(`${audience}: every note the audience may read appears exactly once under a dimension or as a general note`, () => {
      for (const candidate of demo.candidates) {
        const report = reportOf(demo, candidate.name, audience);
        const interviewIds = new Set(demo.interviews.filter((i) => i.candidateId === candidate.id).map((i) => i.id));
        const expected = demo.notes.filter((n) => interviewIds.has(n.interviewId) && (audience === 'committee' || !n.isPrivate)).map((n) => n.id);
        expect(report.notes.map((n) => n.id).sort()).toEqual([...expected].sort());
        const placed = [
          ...report.evidenceByDimension.flatMap((d) => d.entries.flatMap((e) => e.noteIds)),
          ...report.generalNotes.flatMap((g) => g.noteIds),
        ];
        expect([...placed].sort()).toEqual([...expected].sort());
        if (audience === 'recruiter') expect(report.notes.some((n) => n.isPrivate)).toBe(false);
      }
    });
  }

  it('puts each rating beside its anchor and the notes of the same interviewer on that dimension', () => {
    const ryan = reportOf(demo, 'Ryan Mitchell');
    const security = ryan.evidenceByDimension.find((d) => d.dimensionId === 'security-compliance')!;
    expect(security.entries.length).toBeGreaterThan(0);
    for (const entry of security.entries) {
      if (typeof entry.rating === 'number') expect(entry.anchor).toMatch(new RegExp(`^${entry.rating} · `));
      for (const id of entry.noteIds) {
        const note = ryan.notes.find((n) => n.id === id)!;
        expect(note.dimensionId).toBe('security-compliance');
        expect(note.interviewId).toBe(entry.interviewId);
      }
    }
    expect(security.entries.some((e) => e.noteIds.length > 0)).toBe(true);
  });
});

describe('reliability in plain words', () => {
  it('says what the panel agreed on, what not, how far to trust it with three candidates, and why ICC is missing', () => {
    // The open loop alone (the demo without its history of closed loops): three candidates.
    const openLoops = demo.loops.filter((l) => l.status === 'open');
    const open = { ...demo, loops: openLoops, interviews: demo.interviews.filter((i) => openLoops.some((l) => l.id === i.loopId)) };
    const summary = reportOf(open, 'Amira Haddad').reliability.summary;
    expect(summary.agreed).toMatch(/^The panel agreed well on /);
    expect(summary.notAgreed).toMatch(/did not agree well on/);
    expect(summary.trust).toMatch(/as few as 3 candidates/);
    expect(summary.iccMissing).toMatch(/every interviewer to rate every candidate/);
  });

  it('with the demo history too, the figures rest on more candidates and are read as a rough guide', () => {
    expect(reportOf(demo, 'Amira Haddad').reliability.summary.trust).toMatch(/rest on \d+ or more candidates per dimension: a rough guide/);
  });
});

describe('overall recommendation per interviewer', () => {
  it('is shown per interviewer with the key takeaways, and flagged where it points far from their own ratings', () => {
    const ryan = reportOf(demo, 'Ryan Mitchell');
    const tomas = ryan.interviewers.find((i) => i.name === 'Tomás Herrera')!;
    expect(tomas.overall).toMatchObject({ recommendation: 'no', label: 'No' });
    expect(tomas.overall!.takeaways).toMatch(/would not hire/);
    expect(tomas.overall!.disagreement).toMatch(/“No” overall, while this interviewer's own ratings average 3\.50 of 4/);
    const ngozi = ryan.interviewers.find((i) => i.name === 'Ngozi Adeyemi')!;
    expect(ngozi.overall).toMatchObject({ label: 'Strong no', disagreement: null });
  });

  it('feeds no score: the same report without overall recommendations has the same profile and level', () => {
    const without = structuredClone(demo);
    for (const i of without.interviews) {
      delete i.overallRecommendation;
      delete i.keyTakeaways;
    }
    for (const name of ['Amira Haddad', 'Kenji Watanabe', 'Ryan Mitchell']) {
      const a = reportOf(demo, name);
      const b = reportOf(without, name);
      expect(b.profile).toEqual(a.profile);
      expect(b.score).toEqual(a.score);
      expect(b.recommendation).toEqual(a.recommendation);
      expect(b.interviewers.every((i) => i.overall === null)).toBe(true);
    }
  });
});

describe('decisions', () => {
  it('travel with the report, newest first with the history kept, and never change its inputs hash', () => {
    const content = structuredClone(demo);
    const kenji = content.candidates.find((c) => c.name === 'Kenji Watanabe')!;
    const loopId = content.loops.find((l) => l.candidateId === kenji.id)!.id;
    const before = reportOf(content, 'Kenji Watanabe');
    expect(before.decisions).toEqual([]);
    content.decisions.push(
      { id: '00000000-0000-4000-8000-000000000001', candidateId: kenji.id, loopId, outcome: 'more-evidence', level: null, rationale: 'Need a second influence interview.', decidedBy: 'Chair', decidedAt: 1000 },
      { id: '00000000-0000-4000-8000-000000000002', candidateId: kenji.id, loopId, outcome: 'hire', level: 'senior', rationale: 'Strong craft; Senior scope.', decidedBy: 'Chair', decidedAt: 2000 },
    );
    const after = reportOf(content, 'Kenji Watanabe');
    expect(after.decisions.map((d) => d.summary)).toEqual(['Hire at Senior', 'More evidence needed']);
    expect(after.inputsHash).toBe(before.inputsHash);
    expect(reportOf(content, 'Amira Haddad').decisions).toEqual([]);
  });
});

/** A fixed permutation that is neither the stored order nor its reverse. */
function scrambled<T>(rows: readonly T[]): T[] {
  return rows.map((row, i) => ({ row, k: (i * 7919) % 104729 })).sort((a, b) => a.k - b.k).map(({ row }) => row).reverse();
}

// A committee decision records the inputs hash of the report it was made on, and is shown as made
// on other evidence when today's report hashes differently: the hash of unchanged evidence must
// never change between versions of the app. These are the hashes of every demo candidate's
// reports, pinned, built from evidence handed over in a scrambled order (so the report's own
// ordering of its inputs decides the hash).
describe('report inputs hash', () => {
  it('is the pinned one for every demo candidate and audience, whatever order the evidence comes in', () => {
    const evidence: BundleContent = {
      ...demo,
      interviews: scrambled(demo.interviews),
      ratings: scrambled(demo.ratings),
      notes: scrambled(demo.notes),
      signalTags: scrambled(demo.signalTags),
      defectFindings: scrambled(demo.defectFindings),
      incidentRuns: scrambled(demo.incidentRuns),
      decisions: scrambled(demo.decisions),
    };
    const calibration = reportPoolCalibration(pack, evidence);
    const hashes = demo.candidates
      .map((c) => c.id)
      .sort()
      .flatMap((candidateId) =>
        (['committee', 'recruiter'] as const).map(
          (audience) => reportBuild({ pack, candidateId, evidence, calibration, audience }).inputsHash,
        ),
      );
    expect(hashes.length).toBeGreaterThan(20);
    expect(sha256Hex(hashes.join('\n'))).toBe('defe59585ca5ba8a514fad318ee2c4efff24d63bc8ec13ba8ba027d65dc70f8c');
  });
});
