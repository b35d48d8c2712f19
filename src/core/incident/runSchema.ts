/**
 * A candidate's recorded run of an incident scenario, stored per interview. Minimal shape; the
 * incident engine work defines the full action log.
 */
import { z } from 'zod';

export const incidentRunSchema = z.strictObject({
  interviewId: z.string(),
  scenarioId: z.string(),
  seed: z.number().int(),
  log: z.array(z.strictObject({ at: z.number().int().min(0), action: z.string() })),
});

export type IncidentRun = z.infer<typeof incidentRunSchema>;
