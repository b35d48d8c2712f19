/** The incident simulation toolkit: scenario format, engine, clock, outcome, presenter view. */
export * from './scenarioSchema';
export * from './runSchema';
export {
  incidentScenarioCrossCheck,
  incidentScenarioSignalRefs,
  type IncidentScenarioIssue,
  type IncidentSignalRef,
} from './scenarioCrossCheck';
export * from './engine';
export * from './clock';
export * from './outcome';
export * from './presenter';
export * from './catalogue';
export { incidentTimeFormat, incidentTimeParse, incidentTimePattern } from './time';
export { incidentRandomSeedFor, incidentRandomStream } from './random';
