import { useCallback, useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentRun } from '../../../core/incident';
import { appDb } from '../../db/dbContext';
import {
  incidentRunClockChange,
  incidentRunEnd,
  incidentRunLogAppend,
  incidentRunReopen,
  incidentRunStart,
  type IncidentClockChange,
  type IncidentLogDraft,
} from '../../db/actions/incidentActions';
import { useAppStore } from '../../stores/appStore';
import { presenterChannelOpen, type PresenterChannel } from './presenterChannel';

export interface IncidentRunControls {
  /** undefined while loading, null before the scenario was started. */
  run: IncidentRun | null | undefined;
  start: (seed: number, speed: number) => Promise<boolean>;
  clock: (change: IncidentClockChange) => Promise<boolean>;
  log: (draft: IncidentLogDraft) => Promise<boolean>;
  end: () => Promise<boolean>;
  reopen: () => Promise<boolean>;
}

/**
 * The console's side of an interview's incident run: the saved record (live), the writes that
 * change it — each tracked by the "Saved" mark and each taking the wall time of the click or key
 * press — and the presenter channel, which gets the record after every change and on request.
 */
export function useIncidentRun(interviewId: string, scenarioId: string): IncidentRunControls {
  const saveTrack = useAppStore((s) => s.saveTrack);
  const run = useLiveQuery(async () => (await appDb().incidentRuns.get(interviewId)) ?? null, [interviewId]);
  const latest = useRef<IncidentRun | null | undefined>(undefined);
  const channel = useRef<PresenterChannel | null>(null);

  useEffect(() => {
    const opened = presenterChannelOpen(interviewId, (message) => {
      if (message.type === 'hello' && latest.current) opened.post({ type: 'run', run: latest.current });
    });
    channel.current = opened;
    return () => {
      opened.close();
      channel.current = null;
    };
  }, [interviewId]);

  useEffect(() => {
    latest.current = run;
    if (run) channel.current?.post({ type: 'run', run });
  }, [run]);

  const start = useCallback(
    (seed: number, speed: number) =>
      saveTrack(incidentRunStart(appDb(), { interviewId, scenarioId, seed, speed }, Date.now())),
    [saveTrack, interviewId, scenarioId],
  );
  const clock = useCallback(
    (change: IncidentClockChange) => saveTrack(incidentRunClockChange(appDb(), interviewId, change, Date.now())),
    [saveTrack, interviewId],
  );
  const log = useCallback(
    (draft: IncidentLogDraft) => saveTrack(incidentRunLogAppend(appDb(), interviewId, draft, Date.now())),
    [saveTrack, interviewId],
  );
  const end = useCallback(() => saveTrack(incidentRunEnd(appDb(), interviewId, Date.now())), [saveTrack, interviewId]);
  const reopen = useCallback(() => saveTrack(incidentRunReopen(appDb(), interviewId)), [saveTrack, interviewId]);

  return { run, start, clock, log, end, reopen };
}
