/**
 * Incident scenario file (`scenarios/*.yaml` in a pack). Minimal shape; the full DSL (metrics,
 * injects, actions, milestones, rules, exemplar runs) replaces it.
 */
import { z } from 'zod';

export const incidentScenarioSchema = z
  .strictObject({
    kind: z.literal('scenario'),
    id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
    title: z.string().min(1).max(200),
    brief: z.string().min(1).max(4000),
    dimensions: z.array(z.string()).min(1),
  })
  .meta({ title: 'Incident scenario' });

export type IncidentScenario = z.infer<typeof incidentScenarioSchema>;
