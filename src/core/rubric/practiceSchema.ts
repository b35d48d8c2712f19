/**
 * `practice/*.yaml`: a practice case for frame-of-reference training (SPEC §7a). A scripted
 * candidate for one interview kit — transcript excerpts per kit section, the artifact findings
 * they made, the incident actions they took — and an expert key: the rating per dimension, the
 * anchor that applies, why, and the signals an interviewer should tag. Practice cases never feed
 * a report, a bundle of real data or calibration.
 *
 * References (kit, sections, dimensions, scale points, anchor examples, signals, defects, levels)
 * are checked against the rest of the pack by `practiceCrossCheck` when the pack loads.
 */
import { z } from 'zod';
import { rubricFileSchema, rubricIdSchema } from './schema';

const text = (description: string, max = 2000) =>
  z.string().trim().min(1, 'must not be empty').max(max).meta({ description });

export const practiceExcerptSchema = z.strictObject({
  speaker: z.enum(['interviewer', 'candidate']).meta({ description: 'Who says it.' }),
  text: text('What they say, as a transcript line.', 3000),
});

export const practiceSectionSchema = z.strictObject({
  section: rubricIdSchema.meta({ description: 'Id of the kit section the excerpts come from.' }),
  excerpts: z.array(practiceExcerptSchema).min(1).max(40),
});

export const practiceFindingSchema = z.strictObject({
  exercise: rubricIdSchema.meta({ description: 'Artifact-review exercise id.' }),
  defect: rubricIdSchema.meta({ description: 'Id of the planted defect the candidate found.' }),
  said: text('What the candidate said about it.', 1500),
});

export const practiceIncidentActionSchema = z.strictObject({
  at: z
    .string()
    .regex(/^\d{1,3}:[0-5]\d$/, 'simulation time as minutes:seconds, e.g. "04:30"')
    .meta({ description: 'Simulation time of the action, minutes:seconds.' }),
  action: text('What the candidate did or said at that moment.', 1500),
});

export const practiceKeyRatingSchema = z.strictObject({
  dimension: rubricIdSchema,
  rating: z
    .union([z.number().int('must be a whole number'), z.literal('no-evidence')])
    .meta({ description: "The expert's rating: a point of the dimension's scale, or no-evidence." }),
  example: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: "Which behavioural example (1-based) of the rating's anchor the evidence matches." }),
  why: text("The expert's reason, pointing at the evidence.", 2000),
});

export const practiceCaseFileSchema = z
  .strictObject({
    kind: z.literal('practice'),
    id: rubricIdSchema,
    title: text('Display title of the case.', 160),
    kit: rubricIdSchema.meta({ description: 'Interview kit the case is run in.' }),
    summary: text('What the case trains; shown with the comparison after scoring.', 1500),
    candidate: z.strictObject({
      name: text('A made-up name, clearly a practice candidate.', 120),
      targetLevel: rubricIdSchema.meta({ description: 'Level id the candidate is interviewing for.' }),
      background: text('What the interviewer knows before the interview.', 1500),
      sections: z.array(practiceSectionSchema).min(1).max(12),
      findings: z.array(practiceFindingSchema).max(60).default([]),
      incidentLog: z.array(practiceIncidentActionSchema).max(80).default([]),
    }),
    key: z.strictObject({
      level: rubricIdSchema.meta({ description: 'The level the expert would recommend.' }),
      ratings: z.array(practiceKeyRatingSchema).min(1).max(12),
      signals: z
        .array(rubricIdSchema)
        .max(40)
        .default([])
        .meta({ description: 'Signal ids an interviewer should tag.' }),
    }),
  })
  .meta({ title: 'Practice case' });

export type PracticeCase = z.infer<typeof practiceCaseFileSchema>;
export type PracticeKeyRating = z.infer<typeof practiceKeyRatingSchema>;

/**
 * Any file of a pack, practice cases included: what `rubric.schema.json` describes. Defined here,
 * not beside `rubricFileSchema`, so the two schema modules do not import each other.
 */
export const rubricAnyFileSchema = z
  .discriminatedUnion('kind', [...rubricFileSchema.options, practiceCaseFileSchema])
  .meta({ title: 'Loopdesk rubric pack file' });
