import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  interviewElapsedMs,
  interviewIsAmending,
  interviewIsPaused,
  interviewIsSealed,
  interviewSubmitProblems,
  type SubmitProblem,
} from '../../../core/interview/interviewLifecycle';
import type { Defect } from '../../../core/rubric/schema';
import type {
  Candidate,
  DefectFinding,
  Interview,
  Interviewer,
  Loop,
  Note,
  Rating,
  SignalTag,
} from '../../../core/model/records';
import { rubricExercise, rubricKit, rubricScenario } from '../../../core/rubric/lookup';
import { appDb } from '../../db/dbContext';
import { evidenceOf } from '../../db/evidenceRows';
import {
  defectFindingSet,
  interviewBeginAmendment,
  interviewClockSet,
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
import { SubmitDialog, type SubmitOverall } from './SubmitDialog';
import { AmendDialog } from './AmendDialog';
import { IncidentConsole } from '../incident/IncidentConsole';
import { useIncidentSimAt } from '../incident/useIncidentSimAt';
import { isTextField } from '../../components/keyboard';
import { KeyboardMapDialog } from './KeyboardMapDialog';

type LeftTab = 'kit' | 'exercise' | 'incident';

interface RunnerData {
  interviewId: string;
  interview: Interview;
  loop: Loop | undefined;
  candidate: Candidate | undefined;
  interviewer: Interviewer | undefined;
  ratings: Rating[];
  notes: Note[];
  signalTags: SignalTag[];
  findings: DefectFinding[];
}

/** `prev` when it holds the same record as `next` (records are plain JSON), else `next`. */
function sameOr<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && next !== undefined && JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}

/** `next` with each record equal to one of `prev` reused, and `prev` itself when nothing changed. */
function recordsShared<T>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (!prev) return next;
  const kept = new Map(prev.map((record) => [JSON.stringify(record), record]));
  const shared = next.map((record) => kept.get(JSON.stringify(record)) ?? record);
  return shared.length === prev.length && shared.every((record, i) => record === prev[i]) ? (prev as T[]) : shared;
}

const noMissing: string[] = [];

/** The material tab is kept per interview for the session, so a reload lands where it was. */
function useLeftTab(interviewId: string): [LeftTab, (tab: LeftTab) => void] {
  const key = `loopdesk:runnerTab:${interviewId}`;
  const [tab, setTab] = useState<LeftTab>(() => {
    const stored = sessionStorage.getItem(key);
    return stored === 'exercise' || stored === 'incident' ? stored : 'kit';
  });
  const choose = useCallback(
    (next: LeftTab) => {
      sessionStorage.setItem(key, next);
      setTab(next);
    },
    [key],
  );
  return [tab, choose];
}

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
  const [leftTab, setLeftTab] = useLeftTab(interviewId);
  const [dialog, setDialog] = useState<
    null | { kind: 'submit'; problems: SubmitProblem[] } | { kind: 'amend' } | { kind: 'keys' }
  >(null);
  const [missing, setMissing] = useState<string[]>(noMissing);

  // The last answer, so a re-read after a write hands unchanged records (and lists) back as the
  // same objects: the note autosave while typing then re-renders no note line and no rating row.
  const previous = useRef<RunnerData | undefined>(undefined);
  const data = useLiveQuery(async (): Promise<Partial<RunnerData>> => {
    const db = appDb();
    const interview = await db.interviews.get(interviewId);
    if (!interview) return { interview: undefined };
    const [loop, candidate, interviewer, evidence] = await Promise.all([
      db.loops.get(interview.loopId),
      db.candidates.get(interview.candidateId),
      db.interviewers.get(interview.interviewerId),
      evidenceOf(db, interviewId),
    ]);
    // Lines in the order they were written (the id breaks a tie, as v3's [interviewId+at] index did).
    const notes = [...evidence.notes].sort((a, b) => a.at - b.at);
    const last = previous.current?.interviewId === interviewId ? previous.current : undefined;
    const next: RunnerData = {
      interviewId,
      interview: sameOr(last?.interview, interview),
      loop: sameOr(last?.loop, loop),
      candidate: sameOr(last?.candidate, candidate),
      interviewer: sameOr(last?.interviewer, interviewer),
      ratings: recordsShared(last?.ratings, evidence.ratings),
      notes: recordsShared(last?.notes, notes),
      signalTags: recordsShared(last?.signalTags, evidence.signalTags),
      findings: recordsShared(last?.findings, evidence.defectFindings),
    };
    previous.current = next;
    return next;
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

  const onRefused = useCallback((message: string) => noticeShow('info', message), [noticeShow]);

  // Interview time for a new note line, read at the keystroke from the latest record.
  const clockRef = useRef(data?.interview);
  useEffect(() => {
    clockRef.current = data?.interview;
  });
  const elapsedNow = useCallback(() => (clockRef.current ? interviewElapsedMs(clockRef.current, Date.now()) : 0), []);

  useEffect(() => {
    saveReset();
  }, [interviewId, saveReset]);

  // `?` opens the keyboard map from anywhere outside a text field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTextField(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      event.preventDefault();
      setDialog({ kind: 'keys' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

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

  const exercise = kit.exercise ? rubricExercise(pack, kit.exercise) : undefined;
  const scenario = kit.scenario ? rubricScenario(pack, kit.scenario) : undefined;
  const isSealed = interviewIsSealed(interview);
  const isAmending = interviewIsAmending(interview);
  const isPrepared = interview.status === 'planned';
  const isReadOnly = isSealed || isPrepared;
  const isPaused = interviewIsPaused(interview);
  const start = () => void saveTrack(interviewStart(appDb(), interviewId, kit, Date.now()));
  const clockSet = (change: 'pause' | 'resume') =>
    void saveTrack(interviewClockSet(appDb(), interviewId, change, Date.now()));
  const tabs: Array<{ id: LeftTab; label: string }> = [
    { id: 'kit', label: 'Kit' },
    ...(exercise
      ? [{ id: 'exercise' as const, label: exercise.format === 'artifact-review' ? 'Artifact review' : 'Case study' }]
      : []),
    ...(scenario ? [{ id: 'incident' as const, label: 'Incident' }] : []),
  ];
  const shownTab = tabs.some((t) => t.id === leftTab) ? leftTab : 'kit';
  // WAI-ARIA tabs: ←/→ (and Home/End) move between tabs and select them; Tab leaves the list.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.id === shownTab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    setLeftTab(next.id);
    document.getElementById(`runner-tab-${next.id}`)?.focus();
  };
  const section = kit.sections.find((s) => s.id === interview.sectionId) ?? kit.sections[0]!;
  const totalMinutes = kit.sections.reduce((sum, s) => sum + s.minutes, 0);

  const moveTo = (sectionId: string) =>
    void saveTrack(interviewMoveToSection(appDb(), interviewId, sectionId, Date.now()));
  const toggleDefect = (defect: Defect, isFound: boolean) =>
    exercise &&
    void saveTrack(
      defectFindingSet(
        appDb(),
        { interviewId, exerciseId: exercise.id, defectId: defect.id, foundAt: Math.round(elapsedNow()) },
        isFound,
      ),
    );

  const openSubmit = () =>
    setDialog({ kind: 'submit', problems: interviewSubmitProblems(pack, kit, { ratings, notes, signalTags }) });
  const closeDialog = () => {
    // Back from the submit check: mark the unrated rows and put focus on the first one.
    if (dialog?.kind === 'submit' && dialog.problems.length > 0) {
      setMissing(dialog.problems.flatMap((p) => (p.kind === 'unrated-dimension' ? [p.dimensionId] : [])));
    }
    setDialog(null);
  };
  const confirmSubmit = async (overall: SubmitOverall) => {
    const result = await interviewSubmit(appDb(), pack, kit, interviewId, me.name, Date.now(), overall);
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
            <RunnerClock interview={interview} totalMinutes={totalMinutes} />
          )}
          {isPrepared ? (
            <button type="button" className="primary" onClick={start}>
              Start interview
            </button>
          ) : (
            !isSealed &&
            !isAmending && (
              <button type="button" onClick={() => clockSet(isPaused ? 'resume' : 'pause')}>
                {isPaused ? 'Resume interview' : 'Pause interview'}
              </button>
            )
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
            <button type="button" className="primary" onClick={openSubmit} disabled={isPrepared}>
              {isAmending ? 'Submit amendment…' : 'Submit…'}
            </button>
          )}
        </div>
      </header>
      {isPrepared && (
        <p className="runner-banner" role="note">
          Prepared: read the kit; nothing is running. Press <strong>Start interview</strong> when the candidate joins —
          the clock starts and notes are time-stamped from then. Press <kbd>?</kbd> for the keyboard map.
        </p>
      )}
      {isAmending && (
        <p className="runner-banner" role="note">
          Amending sealed version {interview.version}: “{interview.amendReason}”. The sealed version is kept; the clock
          stays stopped and new notes are marked as added after the interview.
        </p>
      )}
      {isSealed && (
        <p className="runner-banner" role="note">
          Submitted {interview.submittedAt ? new Date(interview.submittedAt).toLocaleString() : ''} and sealed (version{' '}
          {interview.version}). It is read-only; an amendment keeps this version and records why.
        </p>
      )}
      <div className={`runner-grid${shownTab === 'kit' ? '' : ' is-wide-left'}`}>
        <div className="runner-col runner-left">
          {tabs.length > 1 && (
            <div className="tabs" role="tablist" aria-label="Interview material">
              {tabs.map((t) => (
                <button
                  key={t.id}
                  id={`runner-tab-${t.id}`}
                  type="button"
                  role="tab"
                  aria-selected={shownTab === t.id}
                  aria-controls="runner-tabpanel"
                  tabIndex={shownTab === t.id ? 0 : -1}
                  onClick={() => setLeftTab(t.id)}
                  onKeyDown={onTabKey}
                >
                  {t.label}
                </button>
              ))}
            </div>
          )}
          <div
            className="runner-tabpanel"
            id="runner-tabpanel"
            role={tabs.length > 1 ? 'tabpanel' : undefined}
            aria-labelledby={tabs.length > 1 ? `runner-tab-${shownTab}` : undefined}
          >
          {shownTab === 'incident' && scenario ? (
            <IncidentConsole
              interviewId={interviewId}
              scenario={scenario}
              signals={pack.signals}
              isReadOnly={isReadOnly}
              isPrepared={isPrepared}
            />
          ) : shownTab === 'exercise' && exercise?.format === 'artifact-review' ? (
            <ArtifactReviewPanel
              interviewId={interviewId}
              exercise={exercise}
              artifactText={pack.artifactText}
              findings={findings}
              isReadOnly={isReadOnly}
              onToggle={toggleDefect}
            />
          ) : shownTab === 'exercise' && exercise?.format === 'case-study' ? (
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
        </div>
        <div className="runner-col runner-notes">
          {isPrepared && (
            <p className="muted runner-prepared-note">
              Notes and ratings open when the interview starts: press <strong>Start interview</strong> above.
            </p>
          )}
          <NotesPanel
            interviewId={interviewId}
            actor={me.name}
            elapsedNow={elapsedNow}
            isAmending={isAmending}
            notes={notes}
            signalTags={signalTags}
            dimensions={dimensions}
            signals={pack.signals}
            isReadOnly={isReadOnly}
            simAt={simAt}
          />
        </div>
        {/* Before Start nothing inside can take focus, so the column itself is keyboard-scrollable. */}
        <div
          className="runner-col runner-ratings"
          {...(isPrepared ? { tabIndex: 0, role: 'region', 'aria-label': 'Ratings (press Start to rate)' } : {})}
        >
          <RatingPanel
            dimensions={dimensions}
            ratings={ratings}
            isReadOnly={isSealed}
            isPrepared={isPrepared}
            isLettersTaken={shownTab === 'incident'}
            missing={missing}
            onRate={rate}
            onRefused={onRefused}
          />
        </div>
      </div>
      {dialog?.kind === 'submit' && (
        <SubmitDialog
          problems={dialog.problems}
          isAmendment={isAmending}
          initialOverall={{ recommendation: interview.overallRecommendation, keyTakeaways: interview.keyTakeaways }}
          onConfirm={confirmSubmit}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'keys' && <KeyboardMapDialog onClose={() => setDialog(null)} />}
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
