import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Rating } from '../../../core/model/records';
import type { PracticeCase } from '../../../core/rubric/practiceSchema';
import type { Dimension } from '../../../core/rubric/schema';
import { rubricExercise, rubricKit } from '../../../core/rubric/lookup';
import { appDb } from '../../db/dbContext';
import type { RatingValue } from '../../db/actions/interviewActions';
import {
  practiceNotesSet,
  practiceRatingSet,
  practiceRunDiscard,
  practiceRunSeal,
  practiceSectionSet,
  practiceSignalSet,
} from '../../db/actions/practiceActions';
import type { PracticeRunRow } from '../../db/rows/practiceRunRow';
import type { LoadedPack } from '../../hooks/usePacks';
import { navigate } from '../../app/router';
import { useAppStore } from '../../stores/appStore';
import { isTextField } from '../../components/keyboard';
import { ModalDialog } from '../../components/ModalDialog';
import { KitPanel } from '../interview/KitPanel';
import { RatingPanel } from '../interview/RatingPanel';
import { SaveMark } from '../interview/SaveMark';
import { KeyboardMapDialog } from '../interview/KeyboardMapDialog';
import { PracticeBanner } from './PracticeBanner';
import { PracticeTranscript } from './PracticeTranscript';
import { PracticeFindings } from './PracticeFindings';
import { PracticeIncidentLog } from './PracticeIncidentLog';
import { PracticeSignals } from './PracticeSignals';
import { PracticeNotes } from './PracticeNotes';
import { practiceLabel } from './practiceText';

type Tab = 'kit' | 'findings' | 'incident';
const noMissing: string[] = [];

/** The run's ratings in the shape the runner's rating panel reads (null = "no evidence"). */
function ratingsOf(run: PracticeRunRow): Rating[] {
  return Object.entries(run.ratings).map(([dimensionId, value]) =>
    value === null
      ? { interviewId: run.id, dimensionId, state: 'no-evidence', updatedAt: 0 }
      : { interviewId: run.id, dimensionId, state: 'rated', score: value, updatedAt: 0 },
  );
}

/**
 * A practice run in the runner's layout: the kit's sections on the left, what the scripted
 * candidate said in the current one (with signals and notes) in the middle, the same anchored
 * rating panel and keys (1-4, 0, j/k) on the right. Seal compares with the expert key.
 */
export function PracticeRunner({
  run,
  pack,
  practiceCase,
}: {
  run: PracticeRunRow;
  pack: LoadedPack;
  practiceCase: PracticeCase;
}) {
  const saveTrack = useAppStore((s) => s.saveTrack);
  const saveReset = useAppStore((s) => s.saveReset);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [tab, setTab] = useState<Tab>('kit');
  const [dialog, setDialog] = useState<null | 'seal' | 'discard' | 'keys'>(null);
  const [missing, setMissing] = useState<string[]>(noMissing);
  const runId = run.id;
  const kit = rubricKit(pack, practiceCase.kit)!;
  const dimensions = useMemo(
    () =>
      practiceCase.key.ratings
        .map((k) => pack.dimensions.find((d) => d.id === k.dimension))
        .filter((d): d is Dimension => !!d),
    [pack, practiceCase],
  );
  const ratings = useMemo(() => ratingsOf(run), [run]);
  const rate = useCallback(
    (dimensionId: string, value: RatingValue) => void saveTrack(practiceRatingSet(appDb(), runId, dimensionId, value)),
    [runId, saveTrack],
  );
  const onRefused = useCallback((message: string) => noticeShow('info', message), [noticeShow]);

  useEffect(() => {
    saveReset();
  }, [runId, saveReset]);

  // `?` opens the runner's keyboard map from anywhere outside a text field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTextField(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
      event.preventDefault();
      setDialog('keys');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const exercise = kit.exercise ? rubricExercise(pack, kit.exercise) : undefined;
  const review =
    exercise?.format === 'artifact-review' && practiceCase.candidate.findings.length > 0 ? exercise : undefined;
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'kit', label: 'Kit' },
    ...(review ? [{ id: 'findings' as const, label: 'Artifact findings' }] : []),
    ...(practiceCase.candidate.incidentLog.length > 0 ? [{ id: 'incident' as const, label: 'Incident log' }] : []),
  ];
  const shownTab = tabs.some((t) => t.id === tab) ? tab : 'kit';
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.id === shownTab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    setTab(next.id);
    document.getElementById(`practice-tab-${next.id}`)?.focus();
  };
  const section = kit.sections.find((s) => s.id === run.sectionId) ?? kit.sections[0]!;

  const openSeal = () => {
    const unrated = dimensions.filter((d) => !(d.id in run.ratings)).map((d) => d.id);
    if (unrated.length > 0) {
      setMissing(unrated);
      noticeShow('info', `Rate every dimension, or mark it “no evidence” (0), before sealing: ${unrated.length} left.`);
      return;
    }
    setDialog('seal');
  };
  const seal = async () => {
    const result = await practiceRunSeal(appDb(), pack, runId, Date.now());
    setDialog(null);
    if (!result.ok) {
      if (result.unrated.length > 0) setMissing(result.unrated);
      noticeShow('error', result.message);
    }
  };
  const discard = async () => {
    await practiceRunDiscard(appDb(), runId);
    navigate('#/practice');
  };

  return (
    <div className="runner practice-runner">
      <header className="runner-bar">
        <div className="runner-who">
          <h1>
            {practiceLabel(practiceCase.candidate.name)} <span className="muted">· {kit.title}</span>
          </h1>
          <span className="badge practice-badge">Practice</span>
        </div>
        <SaveMark />
        <div className="runner-actions">
          <a className="button" href="#/practice">
            All practice
          </a>
          <button type="button" onClick={() => setDialog('discard')}>
            Discard…
          </button>
          <button type="button" className="primary" onClick={openSeal}>
            Seal and compare…
          </button>
        </div>
      </header>
      <PracticeBanner>
        a scripted candidate, not a live interview. Read each section’s transcript, rate with <kbd>1</kbd>–<kbd>4</kbd>{' '}
        (<kbd>0</kbd> no evidence, <kbd>j</kbd>/<kbd>k</kbd> move), tag signals, then seal to compare with the expert
        key. Stored apart from real interviews.
      </PracticeBanner>
      <div className="runner-grid">
        <div className="runner-col runner-left">
          {tabs.length > 1 && (
            <div className="tabs" role="tablist" aria-label="Practice material">
              {tabs.map((t) => (
                <button
                  key={t.id}
                  id={`practice-tab-${t.id}`}
                  type="button"
                  role="tab"
                  aria-selected={shownTab === t.id}
                  aria-controls="practice-tabpanel"
                  tabIndex={shownTab === t.id ? 0 : -1}
                  onClick={() => setTab(t.id)}
                  onKeyDown={onTabKey}
                >
                  {t.label}
                </button>
              ))}
            </div>
          )}
          <div
            className="runner-tabpanel"
            id="practice-tabpanel"
            role={tabs.length > 1 ? 'tabpanel' : undefined}
            aria-labelledby={tabs.length > 1 ? `practice-tab-${shownTab}` : undefined}
          >
            {shownTab === 'findings' && review ? (
              <PracticeFindings practiceCase={practiceCase} exercise={review} />
            ) : shownTab === 'incident' ? (
              <PracticeIncidentLog practiceCase={practiceCase} />
            ) : (
              <KitPanel
                kit={kit}
                section={section}
                dimensions={pack.dimensions}
                sectionStartedAt={null}
                onMove={(sectionId) => void saveTrack(practiceSectionSet(appDb(), runId, sectionId))}
                isReadOnly={false}
              />
            )}
          </div>
        </div>
        <div className="runner-col runner-notes">
          <PracticeTranscript practiceCase={practiceCase} section={section} />
          <PracticeSignals
            signals={pack.signals}
            tagged={run.signalIds}
            onSet={(signalId, isTagged) => void saveTrack(practiceSignalSet(appDb(), runId, signalId, isTagged))}
          />
          <PracticeNotes initial={run.notes} onSave={(notes) => practiceNotesSet(appDb(), runId, notes)} />
        </div>
        <div className="runner-col runner-ratings">
          <RatingPanel
            dimensions={dimensions}
            ratings={ratings}
            isReadOnly={false}
            isPrepared={false}
            isLettersTaken={false}
            missing={missing}
            onRate={rate}
            onRefused={onRefused}
          />
        </div>
      </div>
      {dialog === 'seal' && (
        <ModalDialog title="Seal this practice run?" onClose={() => setDialog(null)}>
          <p>
            Your ratings and signals are fixed once sealed, and you see them beside the expert key. The run stays in
            your practice history only.
          </p>
          <p className="form-row">
            <button type="button" className="primary" autoFocus onClick={() => void seal()}>
              Seal and compare
            </button>
            <button type="button" onClick={() => setDialog(null)}>
              Back to the run
            </button>
          </p>
        </ModalDialog>
      )}
      {dialog === 'discard' && (
        <ModalDialog title="Discard this practice run?" onClose={() => setDialog(null)}>
          <p>Its ratings, signals and notes are deleted. Sealed practice runs are not affected.</p>
          <p className="form-row">
            <button type="button" className="danger" onClick={() => void discard()}>
              Discard practice run
            </button>
            <button type="button" autoFocus onClick={() => setDialog(null)}>
              Keep it
            </button>
          </p>
        </ModalDialog>
      )}
      {dialog === 'keys' && <KeyboardMapDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
