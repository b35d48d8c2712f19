import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  incidentClockIsRunning,
  incidentPresenterView,
  incidentStateAt,
  type IncidentRun,
} from '../../../core/incident';
import { rubricScenario } from '../../../core/rubric/lookup';
import { appDb } from '../../db/dbContext';
import { usePack, usePacksLoaded } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { presenterChannelOpen } from './presenterChannel';
import { PresenterView } from './PresenterView';
import { useSimNow } from './useSimNow';

function PresenterWaiting({ text }: { text: string }) {
  return (
    <div className="presenter presenter-waiting" data-testid="presenter">
      <p>{text}</p>
    </div>
  );
}

/**
 * The presenter window (`#/presenter/<interviewId>`), shown to the candidate without the app's
 * navigation. It reads the saved run when it opens — so it can be closed and reopened at any time
 * and catch up — then follows the console's posts on the interview's channel, and recomputes the
 * candidate-visible view from the run record and its clock on every tick. Only
 * `incidentPresenterView` output is ever rendered.
 */
export function PresenterScreen({ interviewId }: { interviewId: string }) {
  const rubricsReload = useAppStore((s) => s.rubricsReload);
  const hasRubrics = useAppStore((s) => s.rubrics !== null);
  const packsLoaded = usePacksLoaded();
  const [run, setRun] = useState<IncidentRun | null | undefined>(undefined);

  useEffect(() => {
    document.title = 'Incident — shared screen';
  }, []);

  useEffect(() => {
    if (!hasRubrics) void rubricsReload();
  }, [hasRubrics, rubricsReload]);

  useEffect(() => {
    let hasMessage = false;
    let isOpen = true;
    const channel = presenterChannelOpen(interviewId, (message) => {
      if (message.type !== 'run') return;
      hasMessage = true;
      setRun(message.run);
    });
    void appDb()
      .incidentRuns.get(interviewId)
      .then((saved) => {
        // A post from the console is at least as new as what was on disk when the read began.
        if (isOpen && !hasMessage) setRun(saved ?? null);
      });
    channel.post({ type: 'hello' });
    return () => {
      isOpen = false;
      channel.close();
    };
  }, [interviewId]);

  const source = useLiveQuery(async () => {
    const interview = await appDb().interviews.get(interviewId);
    const loop = interview ? await appDb().loops.get(interview.loopId) : undefined;
    return { interview: interview ?? null, loop: loop ?? null };
  }, [interviewId]);
  const { pack } = usePack(source?.loop?.packId, source?.loop?.packHash);
  const scenario = pack && run ? rubricScenario(pack, run.scenarioId) : undefined;
  const simMs = useSimNow(run);

  const view = useMemo(
    () => (scenario && run ? incidentPresenterView(incidentStateAt(scenario, run.seed, run.log, simMs)) : null),
    [scenario, run, simMs],
  );

  if (source === undefined || run === undefined || !packsLoaded) return <PresenterWaiting text="Loading…" />;
  if (!source.interview) return <PresenterWaiting text="This shared screen does not match an interview on this machine." />;
  if (run === null) return <PresenterWaiting text="Waiting for the interviewer to start the scenario." />;
  if (!view) return <PresenterWaiting text="The scenario of this run is not loaded. Check the rubric library." />;
  const clockState = run.endedAt !== null ? 'ended' : incidentClockIsRunning(run.clock) ? 'running' : 'paused';
  return <PresenterView view={view} clockState={clockState} />;
}
