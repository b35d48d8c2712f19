import { describe, expect, it } from 'vitest';
import { incidentStateAt } from '../../../../src/core/incident/engine';
import { incidentExemplarLog } from '../../../../src/core/incident/outcome';
import { incidentPresenterView } from '../../../../src/core/incident/presenter';
import type { IncidentScenario } from '../../../../src/core/incident/scenarioSchema';
import { act, packScenario, scenarioIds, tinyScenario } from './incidentTestKit';

const min = (m: number, s = 0) => (m * 60 + s) * 1000;

/** Every interviewer-only text of a scenario: none of it may reach the candidate's screen. */
function interviewerTexts(scenario: IncidentScenario): string[] {
  return [
    scenario.title,
    scenario.situation,
    ...scenario.actions.flatMap((a) => [a.label, a.description, a.note ?? '']),
    ...scenario.milestones.map((m) => m.title),
    ...scenario.rules.map((r) => r.description),
    ...[...scenario.debrief, ...scenario.postmortem].flatMap((p) => [p.prompt, ...(p.listenFor ?? [])]),
    ...scenario.injects.map((i) => i.note ?? ''),
    ...scenario.exemplars.strong.map((s) => s.note ?? ''),
    ...scenario.exemplars.weak.map((s) => s.note ?? ''),
  ].filter((t) => t.length > 0);
}

describe('incidentPresenterView', () => {
  it.each(scenarioIds)('%s: never carries interviewer text, action ids, milestones or signals', (id) => {
    const scenario = packScenario(id);
    const texts = interviewerTexts(scenario);
    const forbiddenIds = [
      ...scenario.actions.map((a) => `"${a.id}"`),
      ...scenario.milestones.map((m) => `"${m.id}"`),
      ...scenario.rules.map((r) => `"${r.id}"`),
      ...scenario.rules.map((r) => r.signal),
      ...scenario.actions.flatMap((a) => (a.redFlag ? [a.redFlag] : [])),
    ];
    for (const which of ['strong', 'weak'] as const) {
      const log = incidentExemplarLog(scenario, which);
      for (const t of [min(0), min(5), min(12), min(20), min(30)]) {
        const json = JSON.stringify(incidentPresenterView(incidentStateAt(scenario, 3, log, t)));
        for (const text of texts) expect(json, `${which} @${t}: "${text.slice(0, 40)}"`).not.toContain(text);
        for (const forbidden of forbiddenIds) expect(json, `${which} @${t}`).not.toContain(forbidden);
        for (const key of [
          'milestone',
          'signal',
          'polarity',
          'redFlag',
          'anti-action',
          'debrief',
          'note',
          'cause',
          'flag',
        ]) {
          expect(json).not.toContain(`"${key}`);
        }
      }
    }
  });

  it('shows dashboards per service with series, thresholds and alert state', () => {
    const scenario = tinyScenario();
    const view = incidentPresenterView(incidentStateAt(scenario, 1, [], min(5)));
    expect(view.dashboards).toHaveLength(1);
    expect(view.dashboards[0]!.service).toBe('API');
    const errors = view.dashboards[0]!.panels.find((p) => p.name === 'Error rate')!;
    expect(errors).toMatchObject({
      unit: '%',
      threshold: 5,
      thresholdDirection: 'above',
      isAlerting: true,
      current: 7,
    });
    expect(errors.values).toHaveLength(31);
    expect(errors.times[30]).toBe(min(5));
    expect(view.alerts.map((a) => [a.channel, a.title, a.at])).toEqual([
      ['monitoring', 'Error rate', min(4, 10)],
      ['pager', 'Errors above 5%', min(4, 40)],
    ]);
    expect(view.elapsed).toBe('05:00');
    expect(view.wallClock).toBe('23:55');
    expect(incidentPresenterView(incidentStateAt(scenario, 1, [], min(12))).wallClock).toBe('00:02');
  });

  it('leaves hidden metrics off until revealed, then shows them with their history', () => {
    const scenario = tinyScenario();
    const panels = (t: number) =>
      incidentPresenterView(incidentStateAt(scenario, 1, [act('02:00', 'read-logs')], t)).dashboards.flatMap((d) =>
        d.panels.map((p) => p.name),
      );
    expect(panels(min(1))).not.toContain('Queue depth');
    expect(panels(min(2))).toContain('Queue depth');
  });

  it('shows logs as lines, chat with who wrote it, and nothing for a dashboard shift but the charts', () => {
    const scenario = tinyScenario();
    const view = incidentPresenterView(
      incidentStateAt(scenario, 1, [act('01:00', 'read-logs'), act('03:00', 'post-status')], min(5)),
    );
    expect(view.logs).toEqual([
      { key: expect.any(String), at: min(1), source: 'api log', service: null, lines: ['ERROR one', 'ERROR two'] },
    ]);
    expect(view.chat).toEqual([
      { key: expect.any(String), at: min(4), from: 'Val', role: 'VP Engineering', text: 'Thanks for the update.' },
    ]);
    expect(JSON.stringify(view)).not.toContain('SECRET');
  });

  it('shows only what has happened by the requested time', () => {
    const scenario = tinyScenario();
    const view = incidentPresenterView(incidentStateAt(scenario, 1, [act('03:00', 'post-status')], min(3, 59)));
    expect(view.chat).toEqual([]);
    expect(view.alerts).toEqual([]);
  });
});
