/** Shared fixtures for the incident tests: the pack's scenario files and a tiny hand-made scenario. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { incidentScenarioSchema, type IncidentScenario } from '../../../../src/core/incident/scenarioSchema';

export const repoRoot = join(import.meta.dirname, '../../../..');
export const scenariosDir = join(repoRoot, 'rubrics/staff-devops/scenarios');
export const scenarioIds = ['canary-error-climb', 'deploy-cascade-lb', 'cert-expiry-outage'] as const;

export function scenarioText(id: string): string {
  return readFileSync(join(scenariosDir, `${id}.yaml`), 'utf8');
}

/** A pack scenario parsed with the scenario schema (throws if it does not parse). */
export function packScenario(id: string): IncidentScenario {
  return incidentScenarioSchema.parse(parse(scenarioText(id)));
}

export function packScenarioFiles(): string[] {
  return readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml'));
}

/**
 * A small scenario for engine tests: one service, an error-rate metric that climbs from 02:00,
 * a page when it passes 5 %, a rollback that brings it back, a chat after a status update.
 */
export function tinyScenario(): IncidentScenario {
  return incidentScenarioSchema.parse({
    kind: 'scenario',
    id: 'tiny',
    title: 'Tiny test scenario',
    brief: 'Errors are about to climb on the API.',
    dimensions: ['incident-leadership'],
    situation: 'SECRET-SITUATION: a bad deploy at 02:00.',
    duration: '20:00',
    startsAt: '23:50',
    services: [{ id: 'api', name: 'API' }],
    stakeholders: [{ id: 'vp', name: 'Val', role: 'VP Engineering' }],
    metrics: [
      {
        id: 'errors',
        name: 'Error rate',
        unit: '%',
        service: 'api',
        baseline: 1,
        noise: 0,
        max: 100,
        alert: { threshold: 5, direction: 'above' },
      },
      { id: 'latency', name: 'Latency', unit: 'ms', service: 'api', baseline: 200, noise: 10, decimals: 0 },
      { id: 'queue', name: 'Queue depth', unit: 'jobs', service: 'api', baseline: 10, noise: 0, hidden: true },
    ],
    injects: [
      {
        id: 'climb',
        kind: 'dashboard-shift',
        at: '02:00',
        effects: [{ metric: 'errors', ramp: { to: 21, over: '10:00' } }],
        note: 'SECRET-INJECT-NOTE',
      },
      {
        id: 'page',
        kind: 'page',
        title: 'Errors above 5%',
        when: { metric: 'errors', above: 5, for: '00:30' },
        sets: ['paged'],
      },
      {
        id: 'vp-chat',
        kind: 'chat',
        from: 'vp',
        afterAction: 'post-status',
        delay: '01:00',
        text: 'Thanks for the update.',
      },
      { id: 'vp-nag', kind: 'chat', from: 'vp', at: '08:00', unless: ['updated'], text: 'Any news?' },
      { id: 'logs', kind: 'log', title: 'api log', text: 'ERROR one\nERROR two\n' },
      {
        id: 'recovered',
        kind: 'alert',
        title: 'Recovered',
        when: { metric: 'errors', below: 2, for: '01:00', requires: ['rolled-back'] },
        sets: ['recovered'],
      },
    ],
    actions: [
      {
        id: 'ack',
        label: 'SECRET-LABEL-ack',
        category: 'coordinate',
        shortcut: 'a',
        description: 'SECRET-DESC-ack',
        requires: ['paged'],
        sets: ['acked'],
      },
      {
        id: 'read-logs',
        label: 'SECRET-LABEL-logs',
        category: 'investigate',
        shortcut: 'l',
        description: 'SECRET-DESC-logs',
        injects: ['logs'],
        reveals: ['queue'],
      },
      {
        id: 'post-status',
        label: 'SECRET-LABEL-status',
        category: 'communicate',
        shortcut: 's',
        description: 'SECRET-DESC-status',
        sets: ['updated'],
      },
      {
        id: 'rollback',
        label: 'SECRET-LABEL-rollback',
        category: 'mitigate',
        shortcut: 'r',
        description: 'SECRET-DESC-rollback',
        expected: true,
        effects: [{ metric: 'errors', ramp: { to: 1, over: '01:00' }, after: '00:30' }],
        sets: ['rolled-back'],
      },
      {
        id: 'halve',
        label: 'SECRET-LABEL-halve',
        category: 'mitigate',
        shortcut: 'h',
        description: 'SECRET-DESC-halve',
        effects: [{ metric: 'errors', multiply: 0.5 }],
      },
      {
        id: 'bump',
        label: 'SECRET-LABEL-bump',
        category: 'mitigate',
        shortcut: 'b',
        description: 'SECRET-DESC-bump',
        effects: [{ metric: 'latency', add: 100 }],
      },
      {
        id: 'pin',
        label: 'SECRET-LABEL-pin',
        category: 'mitigate',
        shortcut: 'p',
        description: 'SECRET-DESC-pin',
        effects: [{ metric: 'latency', set: 999 }],
      },
      {
        id: 'resolve',
        label: 'SECRET-LABEL-resolve',
        category: 'communicate',
        shortcut: 'z',
        description: 'SECRET-DESC-resolve',
      },
      {
        id: 'ssh',
        label: 'SECRET-LABEL-ssh',
        category: 'anti-action',
        shortcut: 'x',
        description: 'SECRET-DESC-ssh',
        redFlag: 'red-flag-uncoordinated-prod-change',
      },
    ],
    milestones: [
      {
        id: 'acknowledge',
        kind: 'acknowledge',
        title: 'SECRET-MILESTONE-ack',
        target: '04:00',
        hitBy: { action: 'ack' },
      },
      {
        id: 'first-comm',
        kind: 'first-communication',
        title: 'SECRET-MILESTONE-comm',
        target: '06:00',
        hitBy: { category: 'communicate' },
      },
      {
        id: 'mitigate',
        kind: 'mitigate',
        title: 'SECRET-MILESTONE-mitigate',
        target: '08:00',
        hitBy: { flag: 'rolled-back' },
      },
      {
        id: 'resolve',
        kind: 'resolve',
        title: 'SECRET-MILESTONE-resolve',
        target: '15:00',
        hitBy: { metric: 'errors', below: 2, for: '02:00', requires: ['rolled-back'] },
      },
    ],
    rules: [
      {
        id: 'early-rollback',
        signal: 'strong-rollback-first',
        polarity: 'strong',
        description: 'SECRET-RULE-early',
        deadline: { of: { action: 'rollback' }, by: '06:00', raiseWhen: 'met' },
      },
      {
        id: 'late-comms',
        signal: 'weak-slow-communication',
        polarity: 'weak',
        description: 'SECRET-RULE-late',
        deadline: { of: { category: 'communicate' }, by: '05:00', raiseWhen: 'missed' },
      },
      {
        id: 'cadence-kept',
        signal: 'strong-stakeholder-comms',
        polarity: 'strong',
        description: 'SECRET-RULE-kept',
        cadence: { maxGap: '04:00', since: 'acknowledge', until: 'resolve', raiseWhen: 'kept' },
      },
      {
        id: 'cadence-broken',
        signal: 'weak-slow-communication',
        polarity: 'weak',
        description: 'SECRET-RULE-broken',
        cadence: { maxGap: '04:00', until: 'resolve', raiseWhen: 'broken' },
      },
      {
        id: 'premature',
        signal: 'red-flag-premature-all-clear',
        polarity: 'red-flag',
        description: 'SECRET-RULE-premature',
        sequence: { first: { milestone: 'resolve' }, then: { action: 'resolve' }, raiseWhen: 'out-of-order' },
      },
    ],
    slo: { metric: 'errors', threshold: 5, direction: 'above', objective: 99.9 },
    debrief: [{ id: 'why', prompt: 'SECRET-DEBRIEF-why', listenFor: ['SECRET-LISTEN-why'] }],
    postmortem: [{ id: 'pm', prompt: 'SECRET-POSTMORTEM-pm' }],
    exemplars: {
      strong: [
        { at: '03:00', action: 'ack' },
        { at: '03:30', action: 'post-status' },
        { at: '04:00', action: 'rollback' },
        { at: '07:00', action: 'post-status' },
        { at: '10:00', action: 'resolve' },
      ],
      weak: [
        { at: '05:00', action: 'ack' },
        { at: '06:00', action: 'ssh' },
        { at: '09:00', action: 'rollback' },
        { at: '09:30', action: 'resolve' },
      ],
    },
  });
}

let counter = 0;
/** A log entry for an action (ids unique within a test run). */
export function act(at: string | number, action: string, id?: string) {
  const ms = typeof at === 'number' ? at : (Number(at.split(':')[0]) * 60 + Number(at.split(':')[1])) * 1000;
  return { id: id ?? `e${++counter}`, at: ms, kind: 'action' as const, action };
}
