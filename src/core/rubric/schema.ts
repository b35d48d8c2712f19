/**
 * The rubric pack file format. A pack is a folder `rubrics/<pack-id>/` of YAML files; every file
 * names its `kind`, and that kind decides which schema it is checked against. One JSON Schema
 * generated from {@link rubricFileSchema} (`rubrics/rubric.schema.json`) lets editors validate
 * every file while authors type.
 *
 * Cross-references between files (a kit naming a dimension, a defect naming its artifact) cannot be
 * expressed per file; they are checked by `rubricPackCrossCheck` after all files parsed.
 */
import { z } from 'zod';
import { incidentScenarioSchema } from '../incident/scenarioSchema';
import type { PracticeCase } from './practiceSchema';

/** Lower-case kebab-case identifier, stable across pack versions (ratings refer to it). */
export const rubricIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. "incident-leadership"')
  .max(64)
  .meta({ description: 'Lower-case kebab-case identifier, stable across pack versions.' });

const text = (description: string, max = 2000) =>
  z.string().trim().min(1, 'must not be empty').max(max).meta({ description });

const textList = (description: string, min = 1, max = 20) =>
  z.array(text('One item.', 1000)).min(min).max(max).meta({ description });

export const ratingScoreSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'ratings run from 1 to 4')
  .max(4, 'ratings run from 1 to 4')
  .meta({ description: 'A point on the 4-point anchored scale (1 = well below, 4 = exceptional).' });

export const signalPolaritySchema = z
  .enum(['strong', 'weak', 'red-flag'])
  .meta({ description: 'strong (▲), weak (▼) or red-flag (⚑).' });

export const severitySchema = z
  .enum(['low', 'medium', 'high', 'critical'])
  .meta({ description: 'How much the finding matters in production.' });

/** `pack.yaml`: the manifest. Exactly one per pack folder. */
export const packManifestSchema = z
  .strictObject({
    kind: z.literal('pack'),
    id: rubricIdSchema,
    title: text('Display title of the pack.', 200),
    role: text('The role this pack evaluates, e.g. "Staff DevOps Engineer".', 200),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'use semantic versioning, e.g. "1.0.0"')
      .meta({ description: 'Semantic version; bump it whenever content changes.' }),
    summary: text('What the role is and what this pack assesses.', 4000),
    sources: z
      .array(text('A source document the content is grounded in.', 500))
      .max(50)
      .optional()
      .meta({ description: 'Where the content comes from.' }),
  })
  .meta({ title: 'Pack manifest' });

export const levelSchema = z.strictObject({
  id: rubricIdSchema,
  title: text('Display name, e.g. "Staff".', 100),
  tenure: text('Typical experience at this level.', 300),
  scope: text('The scope of work at this level.'),
  decisionOwnership: text('Which decisions this level owns.'),
  stakeholderSurface: text('Who this level works with and influences.'),
  unlock: text('What unlocks advancement to the next level.'),
  plateau: text('The most common plateau at this level.'),
  failureMode: text('How people at this level typically fail.'),
});

export const levellingProbeSchema = z.strictObject({
  id: rubricIdSchema,
  question: text('A "where are you now" question asked to place the candidate on the ladder.'),
  listenFor: textList('What answers at each level tend to sound like.'),
});

/** `ladder.yaml`: the ordered levels, lowest first, and the levelling probes. */
export const ladderFileSchema = z
  .strictObject({
    kind: z.literal('ladder'),
    levels: z.array(levelSchema).min(2).max(10).meta({ description: 'Levels, lowest first.' }),
    probes: z.array(levellingProbeSchema).max(20).default([]),
  })
  .meta({ title: 'Level ladder' });

export const anchorSchema = z.strictObject({
  score: ratingScoreSchema,
  label: text('Short label for the point, e.g. "Strong".', 80),
  summary: text('One sentence: what a rating at this point means.', 500),
  examples: z
    .array(text('A concrete thing a candidate says or does.', 600))
    .min(2, 'each anchor needs 2-4 behavioural examples')
    .max(4, 'each anchor needs 2-4 behavioural examples'),
});

export const dimensionSchema = z.strictObject({
  id: rubricIdSchema,
  title: text('Display title, e.g. "Incident leadership".', 120),
  summary: text('What this dimension is about.', 1000),
  meetsBar: text('What "meets the bar" looks like for the role this pack is for.'),
  evidence: textList('Evidence to look for during the interview.'),
  anchors: z
    .array(anchorSchema)
    .length(4, 'exactly four anchored points (scores 1, 2, 3, 4)')
    .meta({ description: 'The four anchored points, scores 1-4 in order.' }),
  expectations: z
    .record(rubricIdSchema, ratingScoreSchema)
    .meta({ description: 'Minimum calibrated rating expected at each level id of the ladder.' }),
});

/** `dimensions.yaml`: the scorecard dimensions. */
export const dimensionsFileSchema = z
  .strictObject({
    kind: z.literal('dimensions'),
    dimensions: z.array(dimensionSchema).min(1).max(30),
  })
  .meta({ title: 'Scorecard dimensions' });

export const signalSchema = z.strictObject({
  id: rubricIdSchema,
  polarity: signalPolaritySchema,
  title: text('Short name of the observation.', 160),
  description: text('What the interviewer hears or sees.', 1500),
  dimensions: z.array(rubricIdSchema).min(1).max(10),
  severity: z.enum(['low', 'medium', 'high']).meta({ description: 'How much weight the signal carries.' }),
  category: z
    .enum(['blueprint', 'mid-level-trap', 'plateau', 'anti-pattern', 'incident'])
    .default('blueprint')
    .meta({ description: 'Where the signal comes from, for grouping in the catalogue.' }),
  levelCap: rubricIdSchema
    .optional()
    .meta({ description: 'Highest level recommendable while this signal stands (red flags usually).' }),
});

/** `signals.yaml`: the signal catalogue. */
export const signalsFileSchema = z
  .strictObject({
    kind: z.literal('signals'),
    signals: z.array(signalSchema).min(1).max(200),
  })
  .meta({ title: 'Signal catalogue' });

export const kitQuestionSchema = z.strictObject({
  id: rubricIdSchema,
  prompt: text('The question as the interviewer asks it.'),
  probes: z.array(text('A follow-up probe.', 600)).max(10).default([]),
  dimensions: z.array(rubricIdSchema).max(10).default([]),
});

export const kitSectionSchema = z.strictObject({
  id: rubricIdSchema,
  title: text('Section title.', 120),
  minutes: z.number().int().min(1).max(120).meta({ description: 'Planned duration in minutes.' }),
  goal: text('What this section is for.', 600),
  questions: z.array(kitQuestionSchema).max(20).default([]),
  dimensions: z.array(rubricIdSchema).max(10).default([]),
  whatGoodLooksLike: z.array(text('A sign of a strong answer.', 600)).max(12).default([]),
});

/** `kits/*.yaml`: one interview type. */
export const kitFileSchema = z
  .strictObject({
    kind: z.literal('kit'),
    id: rubricIdSchema,
    title: text('Kit title.', 160),
    format: z.enum(['design', 'review', 'incident', 'debugging', 'conversation']),
    summary: text('What this interview assesses and how.', 1500),
    dimensions: z.array(rubricIdSchema).min(1).max(12).meta({ description: 'Dimensions rated in this interview.' }),
    exercise: rubricIdSchema.optional().meta({ description: 'Exercise id used in this interview.' }),
    scenario: rubricIdSchema.optional().meta({ description: 'Incident scenario id used in this interview.' }),
    sections: z.array(kitSectionSchema).min(1).max(12),
  })
  .meta({ title: 'Interview kit' });

/** Languages an artifact can be written in: infrastructure and log formats, and application code. */
export const rubricArtifactLanguages = [
  'hcl',
  'yaml',
  'log',
  'json',
  'shell',
  'text',
  'dockerfile',
  'python',
  'go',
  'java',
  'kotlin',
  'typescript',
  'javascript',
  'ruby',
  'rust',
  'csharp',
  'sql',
] as const;

export const artifactSchema = z.strictObject({
  id: rubricIdSchema,
  title: text('Display title.', 160),
  language: z.enum(rubricArtifactLanguages).meta({
    description: 'How the file is shown (syntax colours); `text` and `log` are shown plain.',
  }),
  file: z
    .string()
    .regex(/^[A-Za-z0-9_./-]+$/, 'a relative path inside the pack folder')
    .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'must stay inside the pack folder')
    .meta({ description: 'Path of the artifact file, relative to the pack folder.' }),
});

export const defectSchema = z.strictObject({
  id: rubricIdSchema,
  title: text('Short name of the planted defect.', 160),
  artifact: rubricIdSchema.meta({ description: 'Artifact id the defect is in.' }),
  lines: z
    .tuple([z.number().int().min(1), z.number().int().min(1)])
    .meta({ description: 'First and last line of the defect in the artifact, 1-based.' }),
  severity: severitySchema,
  dimensions: z.array(rubricIdSchema).min(1).max(6),
  description: text('What is wrong and why it matters.'),
  strongAnswer: text('What a strong candidate adds beyond spotting it.'),
});

const exerciseBase = {
  id: rubricIdSchema,
  title: text('Exercise title.', 160),
  dimensions: z.array(rubricIdSchema).min(1).max(12),
};

/** `exercises/*.yaml`: a case study or an artifact review. */
export const exerciseFileSchema = z
  .discriminatedUnion('format', [
    z.strictObject({
      kind: z.literal('exercise'),
      format: z.literal('case-study'),
      ...exerciseBase,
      prompt: text('The prompt given to the candidate.', 4000),
      constraints: z.array(text('A constraint or fact given to the candidate.', 600)).max(20).default([]),
      evaluationGuide: textList('What the interviewer evaluates, in order of weight.'),
    }),
    z.strictObject({
      kind: z.literal('exercise'),
      format: z.literal('artifact-review'),
      ...exerciseBase,
      brief: text('What the candidate is asked to do with the artifacts.', 4000),
      artifacts: z.array(artifactSchema).min(1).max(10),
      defects: z.array(defectSchema).min(1).max(60),
    }),
  ])
  .meta({ title: 'Exercise' });

export const scenarioFileSchema = incidentScenarioSchema;

/** Any file of a pack; `kind` picks the schema. This is what `rubric.schema.json` describes. */
export const rubricFileSchema = z
  .discriminatedUnion('kind', [
    packManifestSchema,
    ladderFileSchema,
    dimensionsFileSchema,
    signalsFileSchema,
    kitFileSchema,
    exerciseFileSchema,
    scenarioFileSchema,
  ])
  .meta({ title: 'Loopdesk rubric pack file' });

export type PackManifest = z.infer<typeof packManifestSchema>;
export type Level = z.infer<typeof levelSchema>;
export type LevellingProbe = z.infer<typeof levellingProbeSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Signal = z.infer<typeof signalSchema>;
export type SignalPolarity = z.infer<typeof signalPolaritySchema>;
export type Severity = z.infer<typeof severitySchema>;
export type Kit = z.infer<typeof kitFileSchema>;
export type KitSection = z.infer<typeof kitSectionSchema>;
export type KitQuestion = z.infer<typeof kitQuestionSchema>;
export type Exercise = z.infer<typeof exerciseFileSchema>;
export type ArtifactReviewExercise = Extract<Exercise, { format: 'artifact-review' }>;
export type Artifact = z.infer<typeof artifactSchema>;
export type Defect = z.infer<typeof defectSchema>;
export type RubricFile = z.infer<typeof rubricFileSchema>;

/** A loaded, cross-checked pack: what the rest of the app works with. */
export interface RubricPack {
  manifest: PackManifest;
  /** SHA-256 (hex) over the pack's files in canonical order: pins the exact content a report used. */
  hash: string;
  levels: Level[];
  probes: LevellingProbe[];
  dimensions: Dimension[];
  signals: Signal[];
  kits: Kit[];
  exercises: Exercise[];
  /** Artifact text by artifact id. */
  artifactText: Record<string, string>;
  scenarios: z.infer<typeof incidentScenarioSchema>[];
  /** Practice cases with their expert keys (`practice/*.yaml`); never part of a report. */
  practiceCases?: PracticeCase[];
}
