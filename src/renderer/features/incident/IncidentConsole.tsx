import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import {
  incidentActionForKey,
  incidentClockSimNow,
  incidentOutcomeOf,
  incidentPresenterView,
  incidentReplayEndMs,
  incidentStateAt,
  incidentTimeFormat,
  type IncidentScenario,
} from '../../../core/incident';
import type { Signal } from '../../../core/rubric/schema';
import { presenterOpen } from '../../platform/presenterOpen';
import { useAppStore } from '../../stores/appStore';
import { ActionPalette } from './ActionPalette';
import { CandidateScreen } from './CandidateScreen';
import { ClockControls } from './ClockControls';
import { CommunicationForm } from './CommunicationForm';
import { DerivedSignals } from './DerivedSignals';
import { incidentSeedFor } from './incidentSeed';
import { InjectFeed } from './InjectFeed';
import { InjectTicker } from './InjectTicker';
import { MilestoneTracker } from './MilestoneTracker';
import { RunFigures } from './RunFigures';
import { RunLog } from './RunLog';
import { RunStartForm } from './RunStartForm';
import { ScenarioGuide } from './ScenarioGuide';
import { useIncidentRun } from './useIncidentRun';
import { useSimNow } from './useSimNow';

import { isTextField } from '../../components/keyboard';

/**
 * The interviewer's incident console, inside the interview runner: the clock, one-key logging of
 * the candidate's actions (and a searchable palette, free-form communications, undo), the inject
 * feed with what the candidate sees, milestones, derived signals and the outcome so far. State is
 * recomputed from the saved run on every clock tick here, so the rest of the runner does not redraw.
 */
export function IncidentConsole({
  interviewId,
  scenario,
  signals,
  isReadOnly,
  isPrepared = false,
}: {
  interviewId: string;
  scenario: IncidentScenario;
  signals: Signal[];
  isReadOnly: boolean;
  /** Before the interview's Start: the guide is readable, the run starts after. */
  isPrepared?: boolean;
}) {
  const controls = useIncidentRun(interviewId, scenario.id);
  const { run } = controls;
  const noticeShow = useAppStore((s) => s.noticeShow);
  // A sealed interview's run does not move; one that was never ended is judged where the report judges it.
  const liveSimMs = useSimNow(isReadOnly ? null : run);
  const isJudgedAtReplayEnd = !!run && isReadOnly && run.endedAt === null;
  const simMs = !run ? 0 : (run.endedAt ?? (isReadOnly ? incidentReplayEndMs(scenario, run.log) : liveSimMs));
  const state = useMemo(
    () => (run ? incidentStateAt(scenario, run.seed, run.log, simMs) : null),
    [scenario, run, simMs],
  );
  const outcome = useMemo(() => (state ? incidentOutcomeOf(scenario, state) : null), [scenario, state]);
  const view = useMemo(() => (state ? incidentPresenterView(state) : null), [state]);
  const [lastLogged, setLastLogged] = useState('');
  const [isKeysOn, setIsKeysOn] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const canLog = !!run && !isReadOnly && run.endedAt === null;

  const logAction = async (actionId: string) => {
    if (!run || !canLog) return;
    const action = scenario.actions.find((a) => a.id === actionId);
    const at = incidentClockSimNow(run.clock, Date.now());
    if (await controls.log({ kind: 'action', action: actionId }))
      setLastLogged(`Logged at ${incidentTimeFormat(at)}: ${action?.label ?? actionId}`);
  };

  // Action keys work from anywhere on the page that is not a text field or a dialog — after a
  // reload too, when focus is on the page body — so the badge says exactly that.
  const onActionKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextField(event.target) || (event.target instanceof Element && event.target.closest('dialog'))) return;
    if (event.key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
      return;
    }
    const action = incidentActionForKey(scenario, event.key);
    if (!action || !canLog) return;
    event.preventDefault();
    void logAction(action.id);
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onActionKey(event);
    const onFocusChange = () => setIsKeysOn(!isTextField(document.activeElement));
    onFocusChange();
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusChange);
    document.addEventListener('focusout', onFocusChange);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusChange);
      document.removeEventListener('focusout', onFocusChange);
    };
  }, []);

  const openPresenter = () => {
    presenterOpen(interviewId).catch((error: unknown) =>
        noticeShow('error', `Could not open the presenter: ${error instanceof Error ? error.message : String(error)}`),
      );
  };

  return (
    <section className="incident-console" aria-labelledby="incident-console-title" tabIndex={-1} data-incident-console>
      <header className="incident-head">
        <h2 id="incident-console-title">Incident console</h2>
        <span className="muted">{scenario.title}</span>
      </header>
      {run === undefined ? (
        <p className="muted">Loading…</p>
      ) : run === null ? (
        isPrepared ? (
          <p className="muted">Start the interview first; then start the scenario here.</p>
        ) : isReadOnly ? (
          <p className="muted">No incident run was recorded in this interview.</p>
        ) : (
          <RunStartForm
            defaultSeed={incidentSeedFor(interviewId)}
            duration={scenario.duration}
            isReadOnly={isReadOnly}
            onStart={(seed, speed) => void controls.start(seed, speed)}
          />
        )
      ) : (
        state &&
        outcome &&
        view && (
          <>
            <div className="incident-grid">
              <div className="incident-grid-act" tabIndex={0} aria-label="Clock and actions">
                <ClockControls
                  run={run}
                  simMs={simMs}
                  storyClock={view.wallClock}
                  isReadOnly={isReadOnly}
                  onClock={(change) => void controls.clock(change)}
                  onEnd={() => void controls.end()}
                  onReopen={() => void controls.reopen()}
                  onOpenPresenter={openPresenter}
                />
                <InjectTicker scenario={scenario} state={state} />
                <p className="incident-run-hint">
                  {run.endedAt !== null
                    ? `Run ended at ${incidentTimeFormat(run.endedAt)}: the report judges the outcome at that time.`
                    : isJudgedAtReplayEnd
                      ? `The run was not ended; the report judges it at ${incidentTimeFormat(simMs)}.`
                      : 'End the run when the simulation is over: the report judges the outcome at that time.'}
                </p>
                {canLog && (
                  <div className="incident-keys">
                    <span
                      className={`incident-keys-state${isKeysOn ? ' is-on' : ''}`}
                      data-testid="incident-keys-state"
                    >
                      <span aria-hidden="true">⌨</span>{' '}
                      {isKeysOn ? 'Keys log actions' : 'Typing: leave the text field (Escape) to log by key'}
                    </span>
                    <span className="muted">/ finds an action · letters log it at the current sim time</span>
                    <span role="status" className="incident-last-logged" data-testid="incident-last-logged">
                      {lastLogged}
                    </span>
                  </div>
                )}
                <div className="incident-logging">
                  <ActionPalette
                    scenario={scenario}
                    taken={state.actions}
                    isDisabled={!canLog}
                    searchRef={searchRef}
                    onLog={(id) => void logAction(id)}
                  />
                  <CommunicationForm
                    stakeholders={scenario.stakeholders}
                    isDisabled={!canLog}
                    onLog={(text, to) => controls.log({ kind: 'communication', text, to })}
                  />
                  <RunLog
                    scenario={scenario}
                    log={run.log}
                    state={state}
                    isDisabled={!canLog}
                    onRetract={(target) => void controls.log({ kind: 'retract', target })}
                  />
                </div>
              </div>
              <div className="incident-grid-watch" tabIndex={0} aria-label="Feed and milestones">
                <RunFigures outcome={outcome} />
                <MilestoneTracker milestones={state.milestones} simMs={simMs} />
                <DerivedSignals signals={outcome.signals} catalogue={signals} />
                <InjectFeed scenario={scenario} state={state} />
                <CandidateScreen view={view} />
                <ScenarioGuide scenario={scenario} />
              </div>
            </div>
          </>
        )
      )}
      {!(run && state && outcome && view) && <ScenarioGuide scenario={scenario} />}
    </section>
  );
}
