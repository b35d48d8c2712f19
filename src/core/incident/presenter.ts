/**
 * What the candidate sees on the shared screen: dashboards, alerts, logs and chat — built only from
 * what has happened by now. It carries nothing of the interviewer's side (actions, anti-actions,
 * milestones, signals, flags, inject notes, debrief), so the console can post it over a
 * BroadcastChannel as is and the presenter window cannot show what it never receives.
 */
import type { IncidentState } from './engine';
import { incidentTimeFormat } from './time';

export interface IncidentPresenterPanel {
  /** Stable React key; deliberately not the metric id, which may name the cause. */
  key: string;
  name: string;
  unit: string;
  decimals: number;
  /** Sample times (sim ms), shared with the other panels. */
  times: number[];
  values: number[];
  current: number;
  threshold: number | null;
  thresholdDirection: 'above' | 'below' | null;
  isAlerting: boolean;
}

export interface IncidentPresenterDashboard {
  key: string;
  service: string;
  description: string | null;
  panels: IncidentPresenterPanel[];
}

export interface IncidentPresenterAlert {
  key: string;
  at: number;
  /** pager = a page to the on-call; monitoring = an alert rule or alert notification. */
  channel: 'pager' | 'monitoring';
  title: string;
  text: string | null;
  severity: 'critical' | 'high' | 'warning' | 'info' | null;
  service: string | null;
  /** For metric alerts: still breaching. Notifications (pages, alert injects) stay true. */
  isFiring: boolean;
  resolvedAt: number | null;
}

export interface IncidentPresenterLog {
  key: string;
  at: number;
  source: string | null;
  service: string | null;
  lines: string[];
}

export interface IncidentPresenterChat {
  key: string;
  at: number;
  from: string;
  role: string;
  text: string;
}

export interface IncidentPresenterView {
  simMs: number;
  /** Sim clock "mm:ss". */
  elapsed: string;
  /** Wall-clock time in the story ("03:14") when the scenario gives a start time. */
  wallClock: string | null;
  brief: string;
  dashboards: IncidentPresenterDashboard[];
  /** Newest last. */
  alerts: IncidentPresenterAlert[];
  logs: IncidentPresenterLog[];
  chat: IncidentPresenterChat[];
}

function wallClockAt(startsAt: string | null, simMs: number): string | null {
  if (startsAt === null) return null;
  const [h, m] = startsAt.split(':').map(Number) as [number, number];
  const minutes = (h * 60 + m + Math.floor(simMs / 60_000)) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The candidate-visible projection of `state`: dashboards of the visible metrics grouped by
 * service (hidden metrics appear once revealed, with their history), alerts and pages, log
 * excerpts and stakeholder chat, in time order. Plain JSON data.
 */
export function incidentPresenterView(state: IncidentState): IncidentPresenterView {
  const dashboards: IncidentPresenterDashboard[] = [];
  const byService = new Map<string, IncidentPresenterDashboard>();
  const alerts: IncidentPresenterAlert[] = [];

  state.metrics.forEach((metric, i) => {
    if (!metric.isVisible) return;
    let dashboard = byService.get(metric.service.id);
    if (!dashboard) {
      dashboard = {
        key: `dashboard-${byService.size + 1}`,
        service: metric.service.name,
        description: metric.service.description,
        panels: [],
      };
      byService.set(metric.service.id, dashboard);
      dashboards.push(dashboard);
    }
    dashboard.panels.push({
      key: `panel-${i + 1}`,
      name: metric.name,
      unit: metric.unit,
      decimals: metric.decimals,
      times: state.times,
      values: metric.values,
      current: metric.current,
      threshold: metric.alert?.threshold ?? null,
      thresholdDirection: metric.alert?.direction ?? null,
      isAlerting: metric.isAlerting,
    });
    if (metric.alert) {
      metric.alertEpisodes.forEach((episode, e) => {
        alerts.push({
          key: `metric-alert-${i + 1}-${e + 1}`,
          at: episode.firedAt,
          channel: 'monitoring',
          title: metric.alert!.title,
          text: `${metric.name} ${metric.alert!.direction} ${metric.alert!.threshold}${metric.unit === '%' ? '%' : ` ${metric.unit}`}`,
          severity: 'warning',
          service: metric.service.name,
          isFiring: episode.resolvedAt === null,
          resolvedAt: episode.resolvedAt,
        });
      });
    }
  });

  const logs: IncidentPresenterLog[] = [];
  const chat: IncidentPresenterChat[] = [];
  state.injects.forEach((inject, i) => {
    const key = `event-${i + 1}`;
    switch (inject.kind) {
      case 'alert':
      case 'page':
        alerts.push({
          key,
          at: inject.at,
          channel: inject.kind === 'page' ? 'pager' : 'monitoring',
          title: inject.title ?? '',
          text: inject.text,
          severity: inject.severity,
          service: inject.service?.name ?? null,
          isFiring: true,
          resolvedAt: null,
        });
        break;
      case 'log':
        logs.push({
          key,
          at: inject.at,
          source: inject.title,
          service: inject.service?.name ?? null,
          lines: (inject.text ?? '').replace(/\n+$/, '').split('\n'),
        });
        break;
      case 'chat':
        if (inject.from)
          chat.push({ key, at: inject.at, from: inject.from.name, role: inject.from.role, text: inject.text ?? '' });
        break;
      case 'dashboard-shift':
        // Shown through the charts only.
        break;
    }
  });
  alerts.sort((a, b) => a.at - b.at);

  return {
    simMs: state.simMs,
    elapsed: incidentTimeFormat(state.simMs),
    wallClock: wallClockAt(state.startsAt, state.simMs),
    brief: state.brief,
    dashboards,
    alerts,
    logs,
    chat,
  };
}
