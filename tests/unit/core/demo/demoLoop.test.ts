import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { auditChainVerify } from '../../../../src/core/audit/auditChain';
import { bundleCreate, bundleStringify } from '../../../../src/core/bundle/bundleCreate';
import { bundleParse } from '../../../../src/core/bundle/bundleParse';
import { bundleRecordSchemas, bundleTables, type BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { canonicalJson } from '../../../../src/core/canonical/canonicalJson';
import { demoDataset, demoScriptProblems, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { incidentExemplarLog } from '../../../../src/core/incident/outcome';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

const repoRoot = join(import.meta.dirname, '../../../..');
let pack: RubricPack;
let demo: BundleContent;

beforeAll(() => {
  const files = rubricFilesRead(join(repoRoot, 'rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
});

const byName = (content: BundleContent, name: string) => content.candidates.find((c) => c.name === name)!;

/** The demo's open loops and what hangs off them; the rest is history (closed loops of past candidates). */
function openLoop(content: BundleContent) {
  const loops = content.loops.filter((l) => l.status === 'open');
  const candidateIds = new Set(loops.map((l) => l.candidateId));
  const interviews = content.interviews.filter((i) => candidateIds.has(i.candidateId));
  const interviewIds = new Set(interviews.map((i) => i.id));
  const own = <T extends { interviewId: string }>(rows: T[]) => rows.filter((r) => interviewIds.has(r.interviewId));
  return {
    loops,
    candidates: content.candidates.filter((c) => candidateIds.has(c.id)),
    interviews,
    ratings: own(content.ratings),
    notes: own(content.notes),
    interviewVersions: own(content.interviewVersions),
  };
}

function reports(
  content: BundleContent,
  audience: 'committee' | 'recruiter' = 'committee',
): Record<string, CandidateReport> {
  const calibration = reportPoolCalibration(pack, content);
  return Object.fromEntries(
    content.candidates.map((c) => [
      c.name,
      reportBuild({ pack, candidateId: c.id, evidence: content, calibration, audience }),
    ]),
  );
}

describe('demoDataset: records', () => {
  it('every record passes its zod schema unchanged (no defaults left to fill in)', () => {
    for (const table of bundleTables) {
      for (const record of demo[table]) {
        const parsed = bundleRecordSchemas[table].safeParse(record);
        expect(parsed.success, `${table}: ${parsed.error?.issues[0]?.message}`).toBe(true);
        expect(parsed.data).toEqual(record);
      }
    }
  });

  it('bundles: create → stringify → parse is accepted, with an audit chain from genesis', () => {
    const bundle = bundleCreate({
      content: demo,
      appVersion: '0.1.0',
      createdAt: DEMO_FIXED_NOW,
      createdBy: 'test',
      scope: { kind: 'all' },
    });
    const parsed = bundleParse(bundleStringify(bundle));
    expect(parsed.ok ? 'ok' : parsed.reason.message).toBe('ok');
    // The open loops: 3 candidates, 3 loops, 12 seals; history: 25 candidates, 25 loops opened
    // and closed, 100 seals and one amendment.
    expect(auditChainVerify(demo.audit)).toMatchObject({ ok: true, count: 18 + 25 * 3 + 100 + 1 });
    expect(demo.audit.map((e) => e.action).filter((a, i, all) => all.indexOf(a) === i)).toEqual([
      'candidate.created',
      'loop.created',
      'interview.submitted',
      'loop.closed',
      'interview.amended',
    ]);
    const times = demo.audit.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('three Staff candidates, four interviewers, one open loop each pinned to the pack', () => {
    const open = openLoop(demo);
    expect(open.candidates.map((c) => c.name)).toEqual(['Amira Haddad', 'Kenji Watanabe', 'Ryan Mitchell']);
    expect(demo.interviewers).toHaveLength(4);
    expect(demo.candidates.every((c) => c.targetLevel === 'staff' && c.email.endsWith('@example.org'))).toBe(true);
    expect(demo.interviewers.every((p) => p.email.endsWith('@example.org'))).toBe(true);
    expect(open.loops).toHaveLength(3);
    for (const loop of open.loops) {
      expect(loop).toMatchObject({
        packId: 'staff-devops',
        packVersion: pack.manifest.version,
        packHash: pack.hash,
        status: 'open',
      });
    }
  });

  it('twelve submitted interviews: every interviewer meets every candidate once, all six kits used', () => {
    const { interviews } = openLoop(demo);
    expect(interviews).toHaveLength(12);
    expect(interviews.every((i) => i.status === 'submitted' && i.version === 1)).toBe(true);
    const pairs = new Set(interviews.map((i) => `${i.candidateId}/${i.interviewerId}`));
    expect(pairs.size).toBe(12);
    expect(new Set(interviews.map((i) => i.kitId))).toEqual(new Set(pack.kits.map((k) => k.id)));
    for (const interview of demo.interviews) {
      expect(interview.startedAt!).toBeLessThan(interview.submittedAt!);
      expect(interview.submittedAt!).toBeLessThanOrEqual(DEMO_FIXED_NOW);
    }
  });

  it('every kit dimension is rated or "no evidence"; notes are time-stamped, some private; tags cite notes of the same interview', () => {
    for (const interview of demo.interviews) {
      const kit = pack.kits.find((k) => k.id === interview.kitId)!;
      const ratings = demo.ratings.filter((r) => r.interviewId === interview.id);
      expect(ratings.map((r) => r.dimensionId).sort()).toEqual([...kit.dimensions].sort());
      const notes = demo.notes.filter((n) => n.interviewId === interview.id);
      // History keeps one summary note per scorecard; the open loops' scorecards have 3 to 6.
      expect(notes.length).toBeGreaterThanOrEqual(openLoop(demo).interviews.includes(interview) ? 3 : 1);
      expect(notes.length).toBeLessThanOrEqual(6);
      const kitMs = kit.sections.reduce((sum, s) => sum + s.minutes, 0) * 60_000;
      expect(notes.every((n) => n.at > 0 && n.at < kitMs && n.text.length > 20)).toBe(true);
      const noteIds = new Set(notes.map((n) => n.id));
      for (const tag of demo.signalTags.filter((t) => t.interviewId === interview.id)) {
        expect(tag.noteIds.length).toBeGreaterThan(0);
        expect(tag.noteIds.every((id) => noteIds.has(id))).toBe(true);
      }
    }
    expect(demo.ratings.filter((r) => r.state === 'no-evidence').length).toBeGreaterThanOrEqual(2);
    expect(demo.notes.filter((n) => n.isPrivate).length).toBeGreaterThanOrEqual(2);
  });

  it('each sealed version holds the canonical snapshot of its interview as stored', () => {
    for (const interview of demo.interviews) {
      const versions = demo.interviewVersions.filter((v) => v.interviewId === interview.id);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: interview.version }, (_, i) => i + 1));
      const version = versions.at(-1)!;
      expect(version).toMatchObject({ version: interview.version, sealedAt: interview.submittedAt, reason: interview.version === 1 ? '' : interview.amendReason });
      const own = <T extends { interviewId: string }>(rows: T[]) => rows.filter((r) => r.interviewId === interview.id);
      expect(version.snapshot).toBe(
        canonicalJson({
          interview,
          ratings: own(demo.ratings),
          notes: own(demo.notes),
          signalTags: own(demo.signalTags),
          defectFindings: own(demo.defectFindings),
          incidentRun: demo.incidentRuns.find((r) => r.interviewId === interview.id) ?? null,
        }),
      );
    }
  });

  it('artifact reviews have ticked defects and each candidate has an incident run; Amira replays the strong exemplar', () => {
    const kitOf = new Map(demo.interviews.map((i) => [i.id, i.kitId]));
    expect(new Set(demo.defectFindings.map((f) => kitOf.get(f.interviewId)))).toEqual(
      new Set(['iac-review', 'cicd-debugging']),
    );
    expect(demo.incidentRuns).toHaveLength(3);
    const amiraRun = demo.incidentRuns.find(
      (r) => demo.interviews.find((i) => i.id === r.interviewId)!.candidateId === byName(demo, 'Amira Haddad').id,
    )!;
    const scenario = pack.scenarios.find((s) => s.id === amiraRun.scenarioId)!;
    expect(amiraRun.log).toEqual(incidentExemplarLog(scenario, 'strong'));
    expect(amiraRun.endedAt).not.toBeNull();
  });
});

describe('demoDataset: seeds and inputs', () => {
  it('is deterministic for a seed, and another seed gives the same story under new ids', () => {
    expect(canonicalJson(demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 }))).toBe(canonicalJson(demo));
    const other = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 2 });
    expect(other.candidates.map((c) => c.name)).toEqual(demo.candidates.map((c) => c.name));
    const ids = new Set([...demo.candidates, ...demo.interviews, ...demo.notes].map((r) => r.id));
    expect([...other.candidates, ...other.interviews, ...other.notes].some((r) => ids.has(r.id))).toBe(false);
  });

  it('dates the open loops in the two weeks before now, and the history in the five quarters before its quarter', () => {
    const now = Date.UTC(2030, 0, 7, 8, 30);
    const later = demoDataset(pack, { now });
    const open = openLoop(later);
    const openStamps = [
      ...open.candidates.map((c) => c.createdAt),
      ...open.loops.map((l) => l.createdAt),
      ...open.interviews.map((i) => i.submittedAt!),
    ];
    expect(Math.max(...openStamps)).toBeLessThanOrEqual(now);
    expect(Math.min(...openStamps)).toBeGreaterThan(now - 15 * 24 * 3600_000);
    const stamps = [...later.loops.map((l) => l.closedAt ?? l.createdAt), ...later.interviews.map((i) => i.submittedAt!), ...later.audit.map((e) => e.at)];
    expect(Math.max(...stamps)).toBeLessThanOrEqual(now);
    // 2030 Q1 is `now`'s quarter: history starts in 2028 Q4 and ends before 2030 Q1.
    expect(Math.min(...stamps)).toBeGreaterThanOrEqual(Date.UTC(2028, 9, 1));
    const closed = later.loops.filter((l) => l.status === 'closed');
    expect(closed).toHaveLength(25);
    expect(closed.every((l) => l.closedAt! < Date.UTC(2030, 0, 1))).toBe(true);
  });

  it('refuses a pack that lacks what the demo uses, naming it', () => {
    const thin: RubricPack = { ...pack, kits: pack.kits.filter((k) => k.id !== 'incident-simulation') };
    expect(demoScriptProblems(thin)).toContain('no kit "incident-simulation"');
    expect(() => demoDataset(thin, { now: DEMO_FIXED_NOW })).toThrow(/incident-simulation/);
    expect(demoScriptProblems(pack)).toEqual([]);
  });
});

describe('the report over the demo loop', () => {
  it('recommends three different levels: Staff, Senior, and Mid capped by a red flag', () => {
    const all = reports(demo);
    expect(all['Amira Haddad']!.recommendation).toMatchObject({ level: 'staff', committeeReview: false });
    expect(all['Kenji Watanabe']!.recommendation).toMatchObject({ level: 'senior', committeeReview: false });
    expect(all['Ryan Mitchell']!.recommendation).toMatchObject({
      level: 'mid',
      cappedFrom: 'senior',
      committeeReview: true,
    });
    expect(all['Amira Haddad']!.signals.redFlag).toEqual([]);
    expect(all['Kenji Watanabe']!.signals.redFlag).toEqual([]);
  });

  it("puts Ryan's red flags first with the interviewer's evidence", () => {
    const ryan = reports(demo)['Ryan Mitchell']!;
    const first = ryan.signals.redFlag[0]!;
    expect(first).toMatchObject({
      signalId: 'red-flag-secrets-in-repo',
      sources: ['interviewer'],
      levelCap: 'mid',
      interviewerName: 'Arjun Mehta',
    });
    expect(first.evidence.map((e) => e.text).join(' ')).toMatch(/kubeconfigs live in the repo/);
    expect(ryan.signals.redFlag.map((s) => s.signalId)).toContain('red-flag-blame-individuals');
    expect(ryan.recommendation.caps).toContainEqual({ signalId: 'red-flag-secrets-in-repo', level: 'mid' });
  });

  it('estimates the generous interviewer above the panel and the strict one below', () => {
    const calibration = reportPoolCalibration(pack, demo);
    const offset = (name: string) =>
      calibration.raters[demo.interviewers.find((p) => p.name === name)!.id]!.overall.offset;
    expect(offset('Tomás Herrera')).toBeGreaterThan(0.3);
    expect(offset('Ngozi Adeyemi')).toBeLessThan(-0.2);
    for (const name of ['Hannah Becker', 'Arjun Mehta']) {
      expect(Math.abs(offset(name))).toBeLessThan(Math.min(offset('Tomás Herrera'), -offset('Ngozi Adeyemi')));
    }
  });

  it('shows artifact reviews and incident outcomes for every candidate of the open loops', () => {
    const all = reports(demo);
    for (const report of openLoop(demo).candidates.map((c) => all[c.name]!)) {
      expect(report.exercises.length).toBeGreaterThan(0);
      expect(report.exercises.every((e) => e.found > 0 && e.found < e.total)).toBe(true);
      expect(report.incidents).toHaveLength(1);
      expect(report.pendingInterviews).toBe(0);
    }
    const amira = reports(demo)['Amira Haddad']!.incidents[0]!.outcome;
    expect(amira.milestonesMissed).toEqual([]);
    const ryan = reports(demo)['Ryan Mitchell']!.incidents[0]!.outcome;
    expect([...ryan.milestonesLate, ...ryan.milestonesMissed]).toContain('mitigate');
  });

  it('leaves private notes out of the recruiter summary', () => {
    const privateTexts = demo.notes.filter((n) => n.isPrivate).map((n) => n.text);
    const committee = JSON.stringify(reports(demo, 'committee'));
    const recruiter = JSON.stringify(reports(demo, 'recruiter'));
    expect(privateTexts.some((t) => committee.includes(JSON.stringify(t).slice(1, -1)))).toBe(true);
    expect(privateTexts.some((t) => recruiter.includes(JSON.stringify(t).slice(1, -1)))).toBe(false);
  });
});
