/**
 * A candidate's recorded run of an incident scenario, stored with the interview. It holds only
 * inputs — the seed, the clock record and the append-only log of what the candidate did — because
 * the engine recomputes everything else: after a crash the console reloads this record and
 * `incidentStateAt(scenario, seed, log, incidentClockSimNow(clock, Date.now()))` is the state the
 * run would have had without the crash.
 */
import { z } from 'zod';

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'use lower-case kebab-case')
  .max(64);
const wallMsSchema = z.number().int().min(0).max(8.64e15);
/** Sim times in a run are capped at 24 h: far beyond any interview. */
const simMsSchema = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600_000);
const entryIdSchema = z.string().min(1).max(64).meta({ description: 'Unique within the log (a UUID in the console).' });

/**
 * The sim clock as persisted: pure data, advanced only by the `incidentClock*` functions.
 * Sim time = accumulatedMs + (wall now − resumedAtWall) × speed while running.
 */
export const incidentClockSchema = z.strictObject({
  speed: z.number().min(1).max(10).meta({ description: 'Sim speed, 1× to 10× wall time.' }),
  accumulatedMs: simMsSchema.meta({ description: 'Sim time accumulated before the current running stretch.' }),
  startedAtWall: wallMsSchema.nullable().meta({ description: 'Wall time the run first started; null before.' }),
  resumedAtWall: wallMsSchema
    .nullable()
    .meta({ description: 'Wall time the current running stretch began; null while paused or not started.' }),
  pausedAt: wallMsSchema.nullable().meta({ description: 'Wall time of the pause in force; null while running.' }),
});

const entryBase = {
  id: entryIdSchema,
  at: simMsSchema.meta({ description: 'Sim time of the entry in ms.' }),
};

/**
 * One line of the run log. `action` = the interviewer pressed an action's key; `communication` =
 * the candidate told stakeholders something not in the catalogue (counts for cadence and the
 * communication milestones); `note` = an interviewer remark with no effect on the simulation;
 * `retract` = withdraw an earlier entry typed by mistake (it is then ignored as if never logged).
 */
export const incidentLogEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...entryBase, kind: z.literal('action'), action: idSchema }),
  z.strictObject({
    ...entryBase,
    kind: z.literal('communication'),
    text: z.string().max(2000),
    to: idSchema.nullable().optional().meta({ description: 'Stakeholder id addressed, if any.' }),
  }),
  z.strictObject({ ...entryBase, kind: z.literal('note'), text: z.string().max(5000) }),
  z.strictObject({ ...entryBase, kind: z.literal('retract'), target: entryIdSchema }),
]);

export const incidentRunSchema = z.strictObject({
  interviewId: z.string().min(1).max(64),
  scenarioId: idSchema,
  /** Noise seed; with the same scenario and log it reproduces every sample. */
  seed: z.number().int().min(0).max(0xffffffff),
  clock: incidentClockSchema,
  log: z.array(incidentLogEntrySchema).max(5000),
  /** Sim time at which the interviewer ended the run; null while it can still go on. */
  endedAt: simMsSchema.nullable(),
});

export type IncidentClock = z.infer<typeof incidentClockSchema>;
export type IncidentLogEntry = z.infer<typeof incidentLogEntrySchema>;
export type IncidentRun = z.infer<typeof incidentRunSchema>;
