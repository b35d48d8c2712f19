import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import {
  audienceBlindLabel,
  audienceDocumentTitle,
  audienceFileName,
  audienceOf,
  audienceRedactText,
  audienceReport,
  audienceReportKind,
  audiences,
  type Audience,
} from '../../../../src/core/audience/audiencePolicy';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { demoDataset, DEMO_FIXED_NOW } from '../../../../src/core/demo/demoLoop';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { RubricPack } from '../../../../src/core/rubric/schema';

const repoRoot = join(import.meta.dirname, '../../../..');
let pack: RubricPack;
let demo: BundleContent;
let amira: BundleContent['candidates'][number];

const PRIVATE_MARK = 'PRIVATE-ONLY-FOR-COMMITTEE';

beforeAll(() => {
  const files = rubricFilesRead(join(repoRoot, 'rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  demo = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 1 });
  amira = demo.candidates.find((c) => c.name === 'Amira Haddad')!;
  // Plant the candidate's name, surname and e-mail in notes that evidence signals, and a private note.
  const amiraInterviews = new Set(demo.interviews.filter((i) => i.candidateId === amira.id).map((i) => i.id));
  const tagged = new Set(demo.signalTags.filter((t) => amiraInterviews.has(t.interviewId)).flatMap((t) => t.noteIds));
  let planted = 0;
  demo = {
    ...demo,
    notes: demo.notes.map((n) => {
      if (!tagged.has(n.id)) return n;
      planted++;
      if (planted === 1) return { ...n, text: `AMIRA explained it well; ask amira.haddad@example.org (Haddad's words). ${n.text}` };
      if (planted === 2) return { ...n, text: `Ms haddad paused, then amira's plan held. Anatomy of an outage.` };
      if (planted === 3) return { ...n, isPrivate: true, text: `${n.text} ${PRIVATE_MARK}` };
      return n;
    }),
  };
  // Loading the rubric packs and the demo takes seconds on a loaded machine.
}, 60_000);

function build(audience: Audience): CandidateReport {
  const calibration = reportPoolCalibration(pack, demo);
  return reportBuild({ pack, candidateId: amira.id, evidence: demo, calibration, audience: audienceReportKind(audience) });
}

function visible(audience: Audience): string {
  const result = audienceReport(build(audience), audience);
  if (!result.ok) throw new Error(result.reason);
  return JSON.stringify(result.report);
}

describe('audienceRedactText', () => {
  const person = { id: 'x', name: 'Ana María López', email: 'ana.lopez@example.com' };
  it('replaces the full name, each part and the e-mail, whole words, any case', () => {
    expect(audienceRedactText('ANA said: mail ana.lopez@example.com, López agreed; ana maría lópez left.', person, 'Candidate Q')).toBe(
      'Candidate Q said: mail Candidate Q, Candidate Q agreed; Candidate Q left.',
    );
  });
  it('leaves words that only contain a name part', () => {
    expect(audienceRedactText('Banana analysis; Anatomy; banal', person, 'Candidate Q')).toBe('Banana analysis; Anatomy; banal');
  });
  it('keeps punctuation around a replaced name', () => {
    expect(audienceRedactText("(Ana) and Ana's plan. Ana.", person, 'C')).toBe("(C) and C's plan. C.");
  });
});

describe('audienceReport', () => {
  it('committee sees the candidate and every note, private ones included', () => {
    const text = visible('committee');
    expect(text.includes('Amira Haddad')).toBe(true);
    expect(text.includes('amira.haddad@example.org')).toBe(true);
    expect(text.includes(PRIVATE_MARK)).toBe(true);
  });

  it.each(['committee-blind', 'recruiter-blind'] as const)('%s: no name, surname or e-mail anywhere, even inside notes', (audience) => {
    const text = visible(audience);
    expect(/amira/i.test(text), 'first name').toBe(false);
    expect(/haddad/i.test(text), 'last name').toBe(false);
    expect(/example\.org/i.test(text), 'e-mail').toBe(false);
    // The label stands where the name stood, in the header and inside the planted notes.
    const label = audienceBlindLabel(amira.id);
    const report = (audienceReport(build(audience), audience) as { ok: true; report: CandidateReport }).report;
    expect(report.candidate.name).toBe(label);
    const evidence = [...report.signals.redFlag, ...report.signals.strong, ...report.signals.weak].flatMap((s) => s.evidence.map((e) => e.text));
    expect(evidence.some((t) => t.startsWith(`${label} explained it well; ask ${label} (${label}'s words).`))).toBe(true);
    expect(evidence).toContain(`Ms ${label} paused, then ${label}'s plan held. Anatomy of an outage.`);
  });

  it.each(['recruiter', 'recruiter-blind'] as const)('%s: no private note', (audience) => {
    expect(visible(audience).includes(PRIVATE_MARK)).toBe(false);
  });

  it('the policy itself drops private notes, whatever report it is given', () => {
    const committeeBuilt = build('committee');
    const result = audienceReport(committeeBuilt, 'recruiter');
    expect(result.ok && JSON.stringify(result.report).includes(PRIVATE_MARK)).toBe(false);
  });

  it.each(['candidate', 'panelist-unsealed'] as const)('%s: no report at all, with the reason', (audience) => {
    const result = audienceReport(build('committee'), audience);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.length).toBeGreaterThan(10);
  });

  it('does not change the report it is given', () => {
    const report = build('committee');
    const before = JSON.stringify(report);
    audienceReport(report, 'recruiter-blind');
    expect(JSON.stringify(report)).toBe(before);
  });

  it('covers every audience', () => {
    expect([...audiences].sort()).toEqual(['candidate', 'committee', 'committee-blind', 'panelist-unsealed', 'recruiter', 'recruiter-blind']);
  });
});

describe('document titles and file names', () => {
  it('blind: the label, never the name', () => {
    const title = audienceDocumentTitle([amira], audienceOf('committee', true), pack.manifest.role);
    expect(title).toBe(`${audienceBlindLabel(amira.id)} - committee packet`);
    expect(audienceFileName(title)).toBe(`${audienceBlindLabel(amira.id)} - committee packet.pdf`);
  });
  it('not blind: the name; recruiter summaries say so', () => {
    expect(audienceDocumentTitle([amira], 'recruiter', pack.manifest.role)).toBe('Amira Haddad - recruiter summary');
  });
  it('batches name the role and the count, no candidate', () => {
    expect(audienceDocumentTitle(demo.candidates, 'committee', 'Staff DevOps Engineer')).toBe('Staff DevOps Engineer - 28 committee packets');
  });
  it('file names lose characters file systems refuse', () => {
    expect(audienceFileName('a/b: c?')).toBe('ab c.pdf');
  });
});
