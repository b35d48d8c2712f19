/**
 * The console ↔ presenter link: one BroadcastChannel per interview (it works between Electron
 * windows and browser tabs of the same origin alike). The console posts the run record — inputs
 * only — on every change; the presenter recomputes what the candidate sees from it, and says
 * "hello" when it opens so an open console answers at once (it also reads the saved record, so it
 * catches up even when no console is open).
 */
import { incidentRunSchema, type IncidentRun } from '../../../core/incident';

export type PresenterMessage = { type: 'run'; run: IncidentRun } | { type: 'hello' };

export function presenterChannelName(interviewId: string): string {
  return `loopdesk-incident-${interviewId}`;
}

export interface PresenterChannel {
  post: (message: PresenterMessage) => void;
  close: () => void;
}

/**
 * Opens the channel of `interviewId`; `onMessage` gets only well-formed messages for this
 * interview (a run record that does not validate is dropped). Without BroadcastChannel it is a
 * no-op: the presenter then relies on the saved record.
 */
export function presenterChannelOpen(interviewId: string, onMessage: (message: PresenterMessage) => void): PresenterChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(presenterChannelName(interviewId));
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; run?: unknown } | null;
    if (data?.type === 'hello') onMessage({ type: 'hello' });
    else if (data?.type === 'run') {
      const parsed = incidentRunSchema.safeParse(data.run);
      if (parsed.success && parsed.data.interviewId === interviewId) onMessage({ type: 'run', run: parsed.data });
    }
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
