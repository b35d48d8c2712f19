import { describe, expect, it } from 'vitest';
import {
  interviewIsAmending,
  interviewIsSealed,
  interviewPeersVisible,
  interviewSubmitProblems,
  interviewTransition,
} from '../../../../src/core/interview/interviewLifecycle';
import type { Interview } from '../../../../src/core/model/records';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function planned(): Interview {
  return {
    id: id(1),
    loopId: id(2),
    candidateId: id(3),
    interviewerId: id(4),
    kitId: 'iac-review',
    status: 'planned',
    version: 0,
    scheduledAt: null,
    startedAt: null,
    submittedAt: null,
    updatedAt: 0,
    amendReason: '',
    sectionId: null,
    sectionStartedAt: null,
  };
}

function step(interview: Interview, event: Parameters<typeof interviewTransition>[1]): Interview {
  const result = interviewTransition(interview, event);
  if (!result.ok) throw new Error(result.message);
  return result.interview;
}

const pack = {
  dimensions: [
    { id: 'iac-engineering', title: 'IaC engineering' },
    { id: 'communication', title: 'Communication' },
  ],
  signals: [
    { id: 'red-flag-secrets-in-repo', polarity: 'red-flag', title: 'Secrets in the repo' },
    { id: 'strong-outcome-metrics', polarity: 'strong', title: 'Talks in outcomes' },
  ],
} as unknown as Parameters<typeof interviewSubmitProblems>[0];
const kit = { dimensions: ['iac-engineering', 'communication'] };

describe('interview state machine', () => {
  it('goes planned → draft → submitted → amending → amended, numbering sealed versions', () => {
    const draft = step(planned(), { type: 'start', now: 1000, firstSectionId: 'context' });
    expect(draft).toMatchObject({ status: 'draft', startedAt: 1000, sectionId: 'context', sectionStartedAt: 1000 });
    const submitted = step(draft, { type: 'submit', now: 2000 });
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, submittedAt: 2000 });
    expect(interviewIsSealed(submitted)).toBe(true);
    const amending = step(submitted, { type: 'beginAmendment', now: 3000, reason: 'Mis-keyed the security rating' });
    expect(amending).toMatchObject({ status: 'draft', version: 1, amendReason: 'Mis-keyed the security rating' });
    expect(interviewIsAmending(amending)).toBe(true);
    expect(interviewIsSealed(amending)).toBe(false);
    const amended = step(amending, { type: 'submit', now: 4000 });
    expect(amended).toMatchObject({ status: 'amended', version: 2, submittedAt: 4000 });
    const again = step(step(amended, { type: 'beginAmendment', now: 5000, reason: 'Added the missed defect' }), {
      type: 'submit',
      now: 6000,
    });
    expect(again).toMatchObject({ status: 'amended', version: 3 });
  });

  it('keeps the original start time when the runner is opened again', () => {
    const draft = step(planned(), { type: 'start', now: 1000, firstSectionId: null });
    expect(step(draft, { type: 'start', now: 9000, firstSectionId: null }).startedAt).toBe(1000);
  });

  it('refuses to submit twice, to amend a draft, and to amend without a reason', () => {
    const submitted = step(step(planned(), { type: 'start', now: 1, firstSectionId: null }), { type: 'submit', now: 2 });
    expect(interviewTransition(submitted, { type: 'submit', now: 3 })).toEqual({
      ok: false,
      message: 'This interview is already submitted. Start an amendment to change it.',
    });
    expect(interviewTransition(planned(), { type: 'submit', now: 3 })).toEqual({
      ok: false,
      message: 'Open the interview before submitting it.',
    });
    const draft = step(planned(), { type: 'start', now: 1, firstSectionId: null });
    expect(interviewTransition(draft, { type: 'beginAmendment', now: 3, reason: 'because' })).toEqual({
      ok: false,
      message: 'Only a submitted interview can be amended.',
    });
    expect(interviewTransition(submitted, { type: 'beginAmendment', now: 3, reason: '  ' })).toEqual({
      ok: false,
      message: 'Say why you are amending (at least a few words).',
    });
    expect(interviewTransition(submitted, { type: 'moveToSection', now: 3, sectionId: 'x' }).ok).toBe(false);
  });
});

describe('submit validation', () => {
  const rated = (dimensionId: string) => ({ interviewId: id(1), dimensionId, state: 'rated' as const, score: 3, updatedAt: 0 });

  it('names every covered dimension without a rating or "no evidence"', () => {
    const problems = interviewSubmitProblems(pack, kit, { ratings: [rated('iac-engineering')], signalTags: [], notes: [] });
    expect(problems).toEqual([
      {
        kind: 'unrated-dimension',
        dimensionId: 'communication',
        message: 'Communication: rate it 1-4, or mark "no evidence" if the interview did not show it.',
      },
    ]);
  });

  it('accepts "no evidence" as an answer', () => {
    const noEvidence = { interviewId: id(1), dimensionId: 'communication', state: 'no-evidence' as const, updatedAt: 0 };
    expect(interviewSubmitProblems(pack, kit, { ratings: [rated('iac-engineering'), noEvidence], signalTags: [], notes: [] })).toEqual([]);
  });

  it('requires a non-empty note as evidence for each red flag, not for other signals', () => {
    const ratings = [rated('iac-engineering'), rated('communication')];
    const note = { id: id(9), interviewId: id(1), at: 0, text: 'Committed the password', dimensionId: null, simAt: null, isPrivate: false };
    const emptyNote = { ...note, id: id(10), text: '   ' };
    const tag = (signalId: string, noteIds: string[]) => ({ id: id(20), interviewId: id(1), signalId, noteIds, at: 0 });
    expect(
      interviewSubmitProblems(pack, kit, { ratings, notes: [emptyNote], signalTags: [tag('red-flag-secrets-in-repo', [emptyNote.id])] }),
    ).toEqual([
      {
        kind: 'red-flag-without-evidence',
        signalId: 'red-flag-secrets-in-repo',
        message: 'Red flag "Secrets in the repo": link at least one note that shows what the candidate said or did.',
      },
    ]);
    expect(interviewSubmitProblems(pack, kit, { ratings, notes: [note], signalTags: [tag('red-flag-secrets-in-repo', [note.id])] })).toEqual([]);
    expect(interviewSubmitProblems(pack, kit, { ratings, notes: [], signalTags: [tag('strong-outcome-metrics', [])] })).toEqual([]);
  });
});

describe('independent scoring', () => {
  const mine = (status: Interview['status'], version: number) => ({ interviewerId: id(4), status, version });
  const theirs = { interviewerId: id(5), status: 'submitted' as const, version: 1 };

  it("hides peers' ratings until every interview of the viewer with the candidate is sealed", () => {
    expect(interviewPeersVisible(id(4), [mine('planned', 0), theirs])).toBe(false);
    expect(interviewPeersVisible(id(4), [mine('draft', 0), theirs])).toBe(false);
    expect(interviewPeersVisible(id(4), [mine('submitted', 1), mine('draft', 0), theirs])).toBe(false);
    expect(interviewPeersVisible(id(4), [mine('submitted', 1), theirs])).toBe(true);
    expect(interviewPeersVisible(id(4), [mine('draft', 1), theirs])).toBe(true);
  });

  it('does not block people who are not on the panel', () => {
    expect(interviewPeersVisible(id(7), [theirs])).toBe(true);
    expect(interviewPeersVisible(null, [theirs])).toBe(true);
  });
});
