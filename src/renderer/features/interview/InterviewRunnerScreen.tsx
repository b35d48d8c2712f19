import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  interviewIsAmending,
  interviewIsSealed,
  interviewSubmitProblems,
  type SubmitProblem,
} from '../../../core/interview/interviewLifecycle';
import type { Defect } from '../../../core/rubric/schema';
import { rubricExercise, rubricKit, rubricScenario } from '../../../core/rubric/lookup';
import { appDb } from '../../db/dbContext';
import {
  defectFindingSet,
  interviewBeginAmendment,
  interviewMoveToSection,
  interviewStart,
  interviewSubmit,
  ratingSet,
  type RatingValue,
} from '../../db/actions/interviewActions';
import { useMe } from '../../db/hooks';
import { usePack, usePacksLoaded } from '../../hooks/usePacks';
import { href } from '../../app/router';
import { useAppStore } from '../../stores/appStore';
import { InterviewStatusBadge } from '../../components/InterviewStatusBadge';
import { RatingPanel } from './RatingPanel';
import { NotesPanel } from './NotesPanel';
import { KitPanel } from './KitPanel';
import { ArtifactReviewPanel } from './ArtifactReviewPanel';
import { CaseStudyPanel } from './CaseStudyPanel';
import { SaveMark } from './SaveMark';
import { RunnerClock } from './RunnerClocks';
import { SubmitDialog } from './SubmitDialog';
import { AmendDialog } from './AmendDialog';
import { IncidentConsole } from '../incident/IncidentConsole';
import { useIncidentSimAt } from '../incident/useIncidentSimAt';

type LeftTab = 'kit' | 'exercise' | 'incident';

/**
 * The screen an interviewer lives in for an hour: the kit's current section, evidence notes and
 * anchored ratings side by side, with the clocks, the save state and submit in one bar.
 */
export function InterviewRunnerScreen({ interviewId }: { interviewId: string }) {
  const me = useMe();
  const packsLoaded = usePacksLoaded();
  const saveTrack = useAppStore((s) => s.saveTrack);
  const saveReset = useAppStore((s) => s.saveReset);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [leftTab, setLeftTab] = useState<LeftTab>('kit');
  const [dialog, setDialog] = useState<null | { kind: 'submit'; problems: SubmitProblem[] } | { kind: 'amend' }>(null);

  const data = useLiveQuery(async () => {
    const db = appDb();
    const interview = await db.interviews.get(interviewId);
    if (!interview) return { interview: undefined };
    const [loop, candidate, interviewer, ratings, notes, signalTags, findings] = await Promise.all([
      db.loops.get(interview.loopId),
      db.candidates.get(interview.candidateId),
      db.interviewers.get(interview.interviewerId),
      db.ratings.where('interviewId').equals(interviewId).toArray(),
      db.notes.where('[interviewId+at]').between([interviewId, -Infinity], [interviewId, Infinity]).toArray(),
      db.signalTags.where('interviewId').equals(interviewId).toArray(),
      db.defectFindings.where('interviewId').equals(interviewId).toArray(),
    ]);
    return { interview, loop, candidate, interviewer, ratings, notes, signalTags, findings };
  }, [interviewId]);

  const { pack } = usePack(data?.loop?.packId, data?.loop?.packHash);
  const kit = pack && data?.interview ? rubricKit(pack, data.interview.kitId) : undefined;
  const isMine = !!me && data?.interview?.interviewerId === me.id;
  const dimensions = useMemo(
    () =>
      kit && pack
        ? kit.dimensions
            .map((id) => pack.dimensions.find((d) => d.id === id))
            .filter((d): d is NonNullable<typeof d> => !!d)
        : [],
    [kit, pack],
  );
  const rate = useCallback(
    (dimensionId: string, value: RatingValue) =>
      void saveTrack(ratingSet(appDb(), interviewId, dimensionId, value, Date.now())),
    [interviewId, saveTrack],
  );

  useEffect(() => {
    saveReset();
  }, [interviewId, saveReset]);

  useEffect(() => {
    if (kit && isMine && data?.interview?.status === 'planned') {
      void saveTrack(interviewStart(appDb(), interviewId, kit, Date.now()));
    }
  }, [kit, isMine, data?.interview?.status, interviewId, saveTrack]);

  const simAt = useIncidentSimAt(kit?.scenario ? interviewId : null);

  if (!data || me === undefined || !packsLoaded) return <p className="page muted">Loading…</p>;
  const { interview } = data;
  if (!interview) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>Interview not found</h1>
          <p>
            It may belong to an erased candidate. <a href="#/today">Back to Today</a>.
          </p>
        </section>
      </div>
    );
  }
  const { loop, candidate, interviewer, ratings = [], notes = [], signalTags = [], findings = [] } = data;
  if (!pack || !kit) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>The interview kit is not available</h1>
          <p className="error-text">
            Kit “{interview.kitId}” of pack “{loop?.packId}” is not loaded. Check the rubric library for load errors.
          </p>
          <a href="#/rubrics">Open the rubric library</a>
        </section>
      </div>
    );
  }
  if (!isMine) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>This interview is assigned to {interviewer?.name ?? 'another interviewer'}</h1>
          <p>
            Scorecards are independent: only the assigned interviewer opens the runner. Switch profile on{' '}
            <a href="#/today">Today</a> if that is you.
          </p>
        </section>
      </div>
    );
  }

  const isSealed = interviewIsSealed(interview);
  const isAmending = interviewIsAmending(interview);
  const isReadOnly = isSealed || interview.status === 'planned';
  const startedAt = interview.startedAt ?? 0;
  const section = kit.sections.find((s) => s.id === interview.sectionId) ?? kit.sections[0]!;
  const totalMinutes = kit.sections.reduce((sum, s) => sum + s.minutes, 0);
  const exercise = kit.exercise ? rubricExercise(pack, kit.exercise) : undefined;
  const scenario = kit.scenario ? rubricScenario(pack, kit.scenario) : undefined;

  const moveTo = (sectionId: string) =>
    void saveTrack(interviewMoveToSection(appDb(), interviewId, sectionId, Date.now()));
  const toggleDefect = (defect: Defect, isFound: boolean) =>
    exercise &&
    void saveTrack(
      defectFindingSet(
        appDb(),
        { interviewId, exerciseId: exercise.id, defectId: defect.id, foundAt: Math.max(0, Date.now() - startedAt) },
        isFound,
      ),
    );

  const openSubmit = () =>
    setDialog({ kind: 'submit', problems: interviewSubmitProblems(pack, kit, { ratings, notes, signalTags }) });
  const confirmSubmit = async () => {
    const result = await interviewSubmit(appDb(), pack, kit, interviewId, me.name, Date.now());
    if (result.ok) {
      setDialog(null);
      noticeShow(
        'info',
        result.interview.version > 1
          ? `Amendment sealed as version ${result.interview.version}.`
          : 'Scorecard submitted and sealed.',
      );
    } else if (result.problems.length > 0) setDialog({ kind: 'submit', problems: result.problems });
    else {
      setDialog(null);
      noticeShow('error', result.message ?? 'Could not submit.');
    }
  };

  return (
    <div className="runner">
      <header className="runner-bar">
        <div className="runner-who">
          <h1>
            {candidate?.name ?? 'Erased candidate'} <span className="muted">· {kit.title}</span>
          </h1>
          <InterviewStatusBadge interview={interview} />
        </div>
        <div className="runner-clocks" aria-label="Clocks">
          {isSealed ? (
            <span className="mono">Sealed v{interview.version}</span>
          ) : (
            <RunnerClock startedAt={interview.startedAt} totalMinutes={totalMinutes} />
          )}
        </div>
        <SaveMark />
        <div className="runner-actions">
          {loop && (
            <a className="button" href={href('loops', loop.id)}>
              Loop
            </a>
          )}
          {isSealed ? (
            <button type="button" onClick={() => setDialog({ kind: 'amend' })}>
              Amend…
            </button>
          ) : (
            <button type="button" className="primary" onClick={openSubmit} disabled={interview.status === 'planned'}>
              {isAmending ? 'Submit amendment…' : 'Submit…'}
            </button>
          )}
        </div>
      </header>
      {isAmending && (
        <p className="runner-banner" role="note">
          Amending sealed version {interview.version}: “{interview.amendReason}”. The sealed version is kept.
        </p>
      )}
      {isSealed && (
        <p className="runner-banner" role="note">
          Submitted {interview.submittedAt ? new Date(interview.submittedAt).toLocaleString() : ''} and sealed (version{' '}
          {interview.version}). It is read-only; an amendment keeps this version and records why.
        </p>
      )}
      <div className="runner-grid">
        <div className="runner-col runner-left">
          {(exercise || scenario) && (
            <div className="tabs" role="tablist" aria-label="Interview material">
              <button type="button" role="tab" aria-selected={leftTab === 'kit'} onClick={() => setLeftTab('kit')}>
                Kit
              </button>
              {exercise && (
                <button
                  type="button"
                  role="tab"
                  aria-selected={leftTab === 'exercise'}
                  onClick={() => setLeftTab('exercise')}
                >
                  {exercise.format === 'artifact-review' ? 'Artifact review' : 'Case study'}
                </button>
              )}
              {scenario && (
                <button
                  type="button"
                  role="tab"
                  aria-selected={leftTab === 'incident'}
                  onClick={() => setLeftTab('incident')}
                >
                  Incident
                </button>
              )}
            </div>
          )}
          {leftTab === 'incident' && scenario ? (
            <IncidentConsole
              interviewId={interviewId}
              scenario={scenario}
              signals={pack.signals}
              isReadOnly={isReadOnly}
            />
          ) : leftTab === 'exercise' && exercise?.format === 'artifact-review' ? (
            <ArtifactReviewPanel
              interviewId={interviewId}
              exercise={exercise}
              artifactText={pack.artifactText}
              findings={findings}
              isReadOnly={isReadOnly}
              onToggle={toggleDefect}
            />
          ) : leftTab === 'exercise' && exercise?.format === 'case-study' ? (
            <CaseStudyPanel exercise={exercise} />
          ) : (
            <KitPanel
              kit={kit}
              section={section}
              dimensions={pack.dimensions}
              sectionStartedAt={interview.sectionStartedAt}
              onMove={moveTo}
              isReadOnly={isReadOnly}
            />
          )}
        </div>
        <div className="runner-col runner-notes">
          <NotesPanel
            interviewId={interviewId}
            startedAt={startedAt}
            notes={notes}
            signalTags={signalTags}
            dimensions={dimensions}
            signals={pack.signals}
            isReadOnly={isReadOnly}
            simAt={simAt}
          />
        </div>
        <div className="runner-col runner-ratings">
          <RatingPanel dimensions={dimensions} ratings={ratings} isReadOnly={isReadOnly} onRate={rate} />
        </div>
      </div>
      {dialog?.kind === 'submit' && (
        <SubmitDialog
          problems={dialog.problems}
          isAmendment={isAmending}
          onConfirm={confirmSubmit}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'amend' && (
        <AmendDialog
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const result = await interviewBeginAmendment(appDb(), interviewId, reason, me.name, Date.now());
            if (!result.ok) return result.message;
            setDialog(null);
            return null;
          }}
        />
      )}
    </div>
  );
}
