import { describe, expect, it } from 'vitest';
import {
  incidentScenarioCrossCheck,
  incidentScenarioSignalRefs,
} from '../../../../src/core/incident/scenarioCrossCheck';
import { incidentScenarioSchema, type IncidentScenario } from '../../../../src/core/incident/scenarioSchema';
import { tinyScenario } from './incidentTestKit';

function issuesAfter(edit: (s: IncidentScenario) => void) {
  const scenario = tinyScenario();
  edit(scenario);
  return incidentScenarioCrossCheck(scenario);
}

describe('incidentScenarioCrossCheck', () => {
  it('accepts a consistent scenario', () => {
    expect(incidentScenarioCrossCheck(tinyScenario())).toEqual([]);
  });

  it('rejects an inject triggered by an unknown action, at the afterAction field', () => {
    const issues = issuesAfter((s) => {
      s.injects[2]!.afterAction = 'post-statsu';
    });
    expect(issues).toEqual([
      { path: ['injects', 2, 'afterAction'], message: expect.stringContaining('unknown action "post-statsu"') },
    ]);
  });

  it('rejects an inject with no trigger, at the inject', () => {
    const issues = issuesAfter((s) => {
      delete s.injects[3]!.at;
    });
    expect(issues).toEqual([{ path: ['injects', 3], message: expect.stringContaining('"vp-nag" has no trigger') }]);
  });

  it('rejects an inject with two triggers, naming both', () => {
    const issues = issuesAfter((s) => {
      s.injects[4]!.at = '05:00'; // also listed in read-logs' injects
    });
    expect(issues).toEqual([
      { path: ['injects', 4], message: expect.stringMatching(/2 triggers \(at, an action.s injects list\)/) },
    ]);
  });

  it('rejects a milestone watching an unknown metric, at the metric field', () => {
    const issues = issuesAfter((s) => {
      s.milestones[3]!.hitBy.metric = 'error-rate';
    });
    expect(issues).toEqual([
      {
        path: ['milestones', 3, 'hitBy', 'metric'],
        message: expect.stringContaining('unknown metric "error-rate"; metrics are "errors", "latency", "queue"'),
      },
    ]);
  });

  it('rejects unknown ids wherever they are referenced', () => {
    const issues = issuesAfter((s) => {
      s.injects[0]!.effects![0]!.metric = 'nope';
      s.injects[1]!.when!.metric = 'nope';
      s.actions[1]!.injects = ['nope'];
      s.actions[1]!.reveals = ['nope'];
      s.milestones[0]!.hitBy.action = ['ack', 'nope'];
      s.rules[2]!.cadence!.until = 'nope';
      s.slo.metric = 'nope';
      s.exemplars.weak[1]!.action = 'nope';
      s.injects[2]!.from = 'nope';
      s.metrics[0]!.service = 'nope';
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['injects', 0, 'effects', 0, 'metric'],
        ['injects', 1, 'when', 'metric'],
        ['actions', 1, 'injects', 0],
        ['actions', 1, 'reveals', 0],
        ['milestones', 0, 'hitBy', 'action', 1],
        ['rules', 2, 'cadence', 'until'],
        ['slo', 'metric'],
        ['exemplars', 'weak', 1, 'action'],
        ['injects', 2, 'from'],
        ['metrics', 0, 'service'],
        ['injects', 4], // "logs" lost the action that fired it, so it has no trigger left
      ]),
    );
    expect(issues).toHaveLength(11);
  });

  it('rejects duplicate ids and shortcuts, pointing at the second one', () => {
    const issues = issuesAfter((s) => {
      s.actions[2]!.id = 'ack';
      s.actions[3]!.shortcut = 'a';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['actions', 2, 'id'], message: 'duplicate action id "ack" (also actions[0])' },
        { path: ['actions', 3, 'shortcut'], message: 'shortcut "a" is already used by action "ack"' },
      ]),
    );
  });

  it('rejects flags nobody sets, effects and conditions that say two things, and anti-actions without a red flag', () => {
    const issues = issuesAfter((s) => {
      s.actions[0]!.requires = ['pagd'];
      s.injects[0]!.effects![0]!.set = 3;
      s.injects[1]!.when!.below = 1;
      delete s.actions[8]!.redFlag;
      s.rules[0]!.sequence = { first: { action: 'ack' }, then: { action: 'rollback' }, raiseWhen: 'in-order' };
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['actions', 0, 'requires', 0], message: expect.stringContaining('flag "pagd" is never set') },
        {
          path: ['injects', 0, 'effects', 0],
          message: expect.stringContaining('exactly one of set, ramp, multiply, add (found set and ramp)'),
        },
        { path: ['injects', 1, 'when'], message: 'a metric condition needs exactly one of above, below' },
        { path: ['actions', 8], message: expect.stringContaining('needs redFlag') },
        {
          path: ['rules', 0],
          message: expect.stringContaining('exactly one of deadline, sequence, cadence (found deadline and sequence)'),
        },
      ]),
    );
  });

  it('keeps milestones and rules to what the engine can judge', () => {
    const issues = issuesAfter((s) => {
      s.milestones[0]!.hitBy = { milestone: 'resolve' };
      s.rules[0]!.deadline!.of = { metric: 'errors', above: 3 };
    });
    expect(issues.map((i) => i.path)).toEqual([
      ['milestones', 0, 'hitBy', 'milestone'],
      ['rules', 0, 'deadline', 'of', 'metric'],
    ]);
  });
});

describe('incidentScenarioSignalRefs', () => {
  it('lists anti-action red flags and rule signals with where they are named', () => {
    const refs = incidentScenarioSignalRefs(tinyScenario());
    expect(refs[0]).toEqual({
      path: ['actions', 8, 'redFlag'],
      signal: 'red-flag-uncoordinated-prod-change',
      polarity: 'red-flag',
    });
    expect(refs.slice(1).map((r) => r.path)).toEqual([0, 1, 2, 3, 4].map((i) => ['rules', i, 'signal']));
  });
});

describe('incidentScenarioSchema', () => {
  it('rejects a sim time that is not mm:ss and an unknown field, at their paths', () => {
    const raw = JSON.parse(JSON.stringify(tinyScenario()));
    raw.milestones[0].target = '4 min';
    raw.actions[0].shortcut = 'A';
    raw.injects[0].trigger = 'now';
    const result = incidentScenarioSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['milestones', 0, 'target'],
        ['actions', 0, 'shortcut'],
        ['injects', 0],
      ]),
    );
  });
});
