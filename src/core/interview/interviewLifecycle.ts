/**
 * The interview state machine: planned → draft → submitted (sealed) → [amendment in progress:
 * draft with version ≥ 1] → amended (sealed again, version + 1). Pure: the caller passes `now`
 * and writes the returned records.
 */
import type { Interview, Note, Rating, SignalTag } from '../model/records';
import type { Kit, RubricPack } from '../rubric/schema';

export type InterviewEvent =
  | { type: 'start'; now: number; firstSectionId: string | null }
  | { type: 'moveToSection'; now: number; sectionId: string }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'submit'; now: number }
  | { type: 'beginAmendment'; now: number; reason: string };

export type InterviewTransition =
  | { ok: true; interview: Interview }
  | { ok: false; message: string };

/** True when the interview's evidence is sealed (read-only until an amendment begins). */
export function interviewIsSealed(interview: Pick<Interview, 'status'>): boolean {
  return interview.status === 'submitted' || interview.status === 'amended';
}

/** True while an amendment of a sealed version is being edited. */
export function interviewIsAmending(interview: Pick<Interview, 'status' | 'version'>): boolean {
  return interview.status === 'draft' && interview.version >= 1;
}

/**
 * Interview time in ms at `now`: from the explicit Start, minus time paused. The clock stands
 * still while paused and from submission on, so an amendment never restarts it.
 */
export function interviewElapsedMs(
  interview: Pick<Interview, 'startedAt' | 'pausedAt' | 'pausedMs'>,
  now: number,
): number {
  if (interview.startedAt === null) return 0;
  const end = interview.pausedAt ?? now;
  return Math.max(0, end - interview.startedAt - (interview.pausedMs ?? 0));
}

/** True while the interview clock stands still (paused, or stopped at submission). */
export function interviewIsPaused(interview: Pick<Interview, 'pausedAt'>): boolean {
  return interview.pausedAt !== null && interview.pausedAt !== undefined;
}

/** Applies one event, or says in words why it cannot happen now. */
export function interviewTransition(interview: Interview, event: InterviewEvent): InterviewTransition {
  switch (event.type) {
    case 'start':
      if (interview.status !== 'planned') return { ok: true, interview };
      return {
        ok: true,
        interview: {
          ...interview,
          status: 'draft',
          startedAt: event.now,
          updatedAt: event.now,
          sectionId: event.firstSectionId,
          sectionStartedAt: event.firstSectionId ? event.now : null,
        },
      };
    case 'moveToSection':
      if (interview.status !== 'draft') return { ok: false, message: 'Only an open interview moves between sections.' };
      return {
        ok: true,
        interview: { ...interview, sectionId: event.sectionId, sectionStartedAt: event.now, updatedAt: event.now },
      };
    case 'pause':
      if (interview.status !== 'draft' || interview.version >= 1) {
        return { ok: false, message: 'Only a running interview can be paused.' };
      }
      if (interviewIsPaused(interview)) return { ok: true, interview };
      return { ok: true, interview: { ...interview, pausedAt: event.now, updatedAt: event.now } };
    case 'resume': {
      if (interview.status !== 'draft' || interview.version >= 1) {
        return { ok: false, message: 'An amendment keeps the interview clock stopped.' };
      }
      if (!interviewIsPaused(interview)) return { ok: true, interview };
      const paused = Math.max(0, event.now - (interview.pausedAt ?? event.now));
      return {
        ok: true,
        interview: {
          ...interview,
          pausedAt: null,
          pausedMs: (interview.pausedMs ?? 0) + paused,
          // The section countdown does not run while paused either.
          sectionStartedAt: interview.sectionStartedAt === null ? null : interview.sectionStartedAt + paused,
          updatedAt: event.now,
        },
      };
    }
    case 'submit':
      if (interview.status !== 'draft') {
        return {
          ok: false,
          message: interviewIsSealed(interview)
            ? 'This interview is already submitted. Start an amendment to change it.'
            : 'Open the interview before submitting it.',
        };
      }
      return {
        ok: true,
        interview: {
          ...interview,
          status: interview.version >= 1 ? 'amended' : 'submitted',
          version: interview.version + 1,
          submittedAt: event.now,
          updatedAt: event.now,
          // The clock stops at the first submission and stays stopped through amendments.
          pausedAt: interview.pausedAt ?? event.now,
        },
      };
    case 'beginAmendment': {
      if (!interviewIsSealed(interview)) return { ok: false, message: 'Only a submitted interview can be amended.' };
      const reason = event.reason.trim();
      if (reason.length < 5) return { ok: false, message: 'Say why you are amending (at least a few words).' };
      return { ok: true, interview: { ...interview, status: 'draft', amendReason: reason, updatedAt: event.now } };
    }
  }
}

export interface SubmitEvidence {
  ratings: Rating[];
  signalTags: SignalTag[];
  notes: Note[];
}

export type SubmitProblem =
  | { kind: 'unrated-dimension'; dimensionId: string; message: string }
  | { kind: 'red-flag-without-evidence'; signalId: string; message: string };

/**
 * What stops a submission: every dimension the kit covers needs a rating or an explicit
 * "no evidence", and every red flag needs at least one non-empty note as its evidence.
 */
export function interviewSubmitProblems(
  pack: Pick<RubricPack, 'dimensions' | 'signals'>,
  kit: Pick<Kit, 'dimensions'>,
  evidence: SubmitEvidence,
): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  const rated = new Set(evidence.ratings.map((r) => r.dimensionId));
  for (const dimensionId of kit.dimensions) {
    if (!rated.has(dimensionId)) {
      const title = pack.dimensions.find((d) => d.id === dimensionId)?.title ?? dimensionId;
      problems.push({
        kind: 'unrated-dimension',
        dimensionId,
        message: `${title}: rate it 1-4, or mark "no evidence" if the interview did not show it.`,
      });
    }
  }
  const noteText = new Map(evidence.notes.map((n) => [n.id, n.text.trim()]));
  for (const tag of evidence.signalTags) {
    const signal = pack.signals.find((s) => s.id === tag.signalId);
    if (signal?.polarity !== 'red-flag') continue;
    if (!tag.noteIds.some((id) => (noteText.get(id) ?? '') !== '')) {
      problems.push({
        kind: 'red-flag-without-evidence',
        signalId: tag.signalId,
        message: `Red flag "${signal.title}": link at least one note that shows what the candidate said or did.`,
      });
    }
  }
  return problems;
}

/**
 * Independent scoring: an interviewer sees the other panelists' ratings of a candidate only once
 * they have sealed every interview of their own with that candidate. People who are not on the
 * panel (committee members, recruiters) are not blocked.
 */
export function interviewPeersVisible(
  viewerId: string | null,
  candidateInterviews: Array<Pick<Interview, 'interviewerId' | 'status' | 'version'>>,
): boolean {
  if (!viewerId) return true;
  return candidateInterviews
    .filter((i) => i.interviewerId === viewerId)
    .every((i) => interviewIsSealed(i) || (i.status === 'draft' && i.version >= 1));
}
