import { describe, expect, it } from 'vitest';
import { evidenceFromSnapshot, evidenceSealHash, evidenceSealText, evidenceSealsVerify } from '../../../../src/core/audit/evidenceSeal';
import { bundleDimensionsCheck } from '../../../../src/core/bundle/bundleDimensions';
import type { BundleContent } from '../../../../src/core/bundle/bundleSchema';
import { canonicalJson } from '../../../../src/core/canonical/canonicalJson';
import { sampleBundleContent } from '../../../fixtures/bundles/sampleContent';

const content = sampleBundleContent({ seed: 5, candidates: 2, interviewsPerCandidate: 3, notesPerInterview: 2 });
const copy = (): BundleContent => structuredClone(content);

describe('evidence seals', () => {
  it('hold for content sealed as submission seals it, whatever the row order', () => {
    expect(evidenceSealsVerify(content)).toBeNull();
    const shuffled = copy();
    shuffled.ratings.reverse();
    shuffled.notes.reverse();
    expect(evidenceSealsVerify(shuffled)).toBeNull();
  });

  it('name the interview and the first differing rating, with both scores', () => {
    const changed = copy();
    const interview = changed.interviews[0]!;
    const index = changed.ratings.findIndex((r) => r.interviewId === interview.id);
    const rating = changed.ratings[index]!;
    const before = rating.state === 'rated' ? `score ${rating.score}` : 'no evidence';
    changed.ratings[index] = {
      ...rating,
      state: 'rated',
      score: rating.state === 'rated' && rating.score === 2 ? 3 : 2,
    };
    const broken = evidenceSealsVerify(changed);
    expect(broken).toMatchObject({ interviewId: interview.id, path: ['ratings', index] });
    expect(broken!.message).toBe(
      `interview ${interview.id} (sealed version ${interview.version}): rating ${rating.dimensionId} differs from the sealed one (score ${rating.state === 'rated' && rating.score === 2 ? 3 : 2} here, ${before} sealed)`,
    );
  });

  it('refuse a sealed interview whose current version is missing', () => {
    const changed = copy();
    const interview = changed.interviews[1]!;
    changed.interviewVersions = changed.interviewVersions.filter((v) => v.interviewId !== interview.id);
    expect(evidenceSealsVerify(changed)?.message).toMatch(/its sealed version \d+ is missing/);
  });

  it('read versions sealed before seals were hashed by comparing with the snapshot', () => {
    const older = copy();
    for (const version of older.interviewVersions) delete version.evidenceSha256;
    older.audit = []; // nor did the audit log record them
    expect(evidenceSealsVerify(older)).toBeNull();
    const note = older.notes[0]!;
    note.text = `${note.text} (edited later)`;
    expect(evidenceSealsVerify(older)?.message).toContain(`note ${note.id} differs from the sealed one`);
  });

  it('refuse a snapshot edited under an unchanged seal hash', () => {
    const changed = copy();
    const version = changed.interviewVersions[0]!;
    const snapshot = JSON.parse(version.snapshot) as { notes: { text: string }[] };
    snapshot.notes.push({ ...(snapshot.notes[0] ?? { text: '' }), text: 'slipped in' } as never);
    version.snapshot = canonicalJson(snapshot);
    expect(evidenceSealsVerify(changed)?.path).toEqual(['interviewVersions', 0, 'snapshot']);
  });

  it('refuse a deeply nested snapshot without parsing it', () => {
    expect(evidenceFromSnapshot(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual({
      ok: false,
      message: 'the snapshot is nested deeper than 64 levels',
    });
  });

  it('hash the same evidence the same way and any change differently', () => {
    const read = evidenceFromSnapshot(content.interviewVersions[0]!.snapshot);
    if (!read.ok) throw new Error(read.message);
    const hash = evidenceSealHash(read.evidence);
    expect(hash).toBe(content.interviewVersions[0]!.evidenceSha256);
    expect(evidenceSealHash({ ...read.evidence, notes: read.evidence.notes.slice(1) })).not.toBe(hash);
  });
});

describe('the seal text', () => {
  it('is the canonical JSON of the whole seal object, as the format defines it', () => {
    const content = sampleBundleContent({ seed: 7, candidates: 4, interviewsPerCandidate: 4, notesPerInterview: 3 });
    const byKey = <T>(records: readonly T[], key: (r: T) => string) =>
      [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    let checked = 0;
    for (const version of content.interviewVersions) {
      const read = evidenceFromSnapshot(version.snapshot);
      if (!read.ok) throw new Error(read.message);
      for (const evidence of [read.evidence, { ...read.evidence, interview: null, incidentRun: null }]) {
        const i = evidence.interview as Record<string, unknown> | null;
        const whole = canonicalJson({
          seal: 'loopdesk-evidence-1',
          interview: i && { id: i.id, kitId: i.kitId, overallRecommendation: i.overallRecommendation, keyTakeaways: i.keyTakeaways },
          ratings: byKey(evidence.ratings, (r) => r.dimensionId),
          notes: byKey(evidence.notes, (r) => r.id),
          signalTags: byKey(evidence.signalTags, (r) => r.id),
          defectFindings: byKey(evidence.defectFindings, (r) => r.defectId),
          incidentRun: evidence.incidentRun,
        });
        expect(evidenceSealText(evidence)).toBe(whole);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('ratings against their pack', () => {
  const pack = { id: 'staff-devops', version: '1.0.0', hash: 'ab'.repeat(32), dimensionIds: ['communication'] };

  it('name the first rating of a dimension the pinned pack version does not have', () => {
    const stray = bundleDimensionsCheck(content, [pack]);
    const first = content.ratings.findIndex((r) => r.dimensionId !== 'communication');
    expect(stray).toEqual({
      path: ['ratings', first, 'dimensionId'],
      message: `"${content.ratings[first]!.dimensionId}" is not a dimension of staff-devops 1.0.0, the pack of interview ${content.ratings[first]!.interviewId}`,
    });
  });

  it('pass over loops whose pack version is not loaded here', () => {
    expect(bundleDimensionsCheck(content, [{ ...pack, hash: 'cd'.repeat(32), version: '2.0.0' }])).toBeNull();
  });
});
