import { incidentTimeFormat, type IncidentPresenterView } from '../../../core/incident';

/**
 * Times as the candidate reads them: on the story's wall clock ("03:07:30") when the scenario
 * gives one — worked back from the view's own clock, so nothing beyond the view is needed —
 * else as time since the incident started ("T+07:30").
 */
export function storyClock(view: Pick<IncidentPresenterView, 'wallClock' | 'simMs'>): {
  at: (simMs: number) => string;
  tick: (simMs: number) => string;
} {
  if (view.wallClock === null) {
    return { at: (ms) => `T+${incidentTimeFormat(ms)}`, tick: (ms) => incidentTimeFormat(ms) };
  }
  const [h, m] = view.wallClock.split(':').map(Number) as [number, number];
  const baseMs = (h * 60 + m - Math.floor(view.simMs / 60_000)) * 60_000;
  const parts = (ms: number) => {
    const day = 24 * 3600_000;
    const total = (((baseMs + ms) % day) + day) % day;
    const seconds = Math.floor(total / 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { hh: pad(Math.floor(seconds / 3600)), mm: pad(Math.floor(seconds / 60) % 60), ss: pad(seconds % 60) };
  };
  return {
    at: (ms) => {
      const { hh, mm, ss } = parts(ms);
      return `${hh}:${mm}:${ss}`;
    },
    tick: (ms) => {
      const { hh, mm } = parts(ms);
      return `${hh}:${mm}`;
    },
  };
}
