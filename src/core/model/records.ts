/**
 * The persisted records of Loopdesk: people, loops, interviews and the evidence inside them.
 * The same zod schemas validate the IndexedDB rows, bundle content and CLI input, so a record
 * means one thing wherever it travels. Times are epoch milliseconds; ids are UUID v4 strings.
 */
import { z } from 'zod';
import { KEY_TAKEAWAYS_MAX_LENGTH } from '../limits/inputLimits';
import { rubricIdSchema } from '../rubric/schema';

export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUID');
export const epochMsSchema = z.number().int().min(0).max(8.64e15);
const name = z.string().trim().min(1, 'must not be empty').max(200);
const longText = z.string().max(20_000);

export const candidateSchema = z.strictObject({
  id: uuidSchema,
  name,
  email: z.string().max(320).default(''),
  phone: z.string().max(64).default(''),
  packId: rubricIdSchema,
  targetLevel: rubricIdSchema,
  notes: longText.default(''),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});

export const interviewerSchema = z.strictObject({
  id: uuidSchema,
  name,
  email: z.string().max(320).default(''),
  createdAt: epochMsSchema,
});

export const loopStatusSchema = z.enum(['open', 'closed']);

export const loopSchema = z.strictObject({
  id: uuidSchema,
  candidateId: uuidSchema,
  packId: rubricIdSchema,
  packVersion: z.string().max(32),
  packHash: z.string().regex(/^[0-9a-f]{64}$/),
  targetLevel: rubricIdSchema,
  status: loopStatusSchema,
  createdAt: epochMsSchema,
  closedAt: epochMsSchema.nullable().default(null),
});

/**
 * planned → draft (runner opened, clock started) → submitted (sealed) → amended (a newer sealed
 * version exists with a reason; earlier versions live in `interviewVersions`).
 */
export const interviewStatusSchema = z.enum(['planned', 'draft', 'submitted', 'amended']);

/** An interviewer's overall recommendation, from "Strong no" to "Strong yes" (no middle). */
export const overallRecommendationSchema = z.enum(['strong-no', 'no', 'yes', 'strong-yes']);

export const interviewSchema = z.strictObject({
  id: uuidSchema,
  loopId: uuidSchema,
  candidateId: uuidSchema,
  interviewerId: uuidSchema,
  kitId: rubricIdSchema,
  status: interviewStatusSchema,
  /** Sealed version number: 0 while a draft, 1 at first submission, +1 per amendment. */
  version: z.number().int().min(0).max(1000),
  scheduledAt: epochMsSchema.nullable().default(null),
  startedAt: epochMsSchema.nullable().default(null),
  submittedAt: epochMsSchema.nullable().default(null),
  updatedAt: epochMsSchema,
  /** Reason for the latest amendment; empty until amended. */
  amendReason: z.string().max(2000).default(''),
  /** The kit section the interviewer is on, and when they moved to it (drives its countdown). */
  sectionId: rubricIdSchema.nullable().default(null),
  sectionStartedAt: epochMsSchema.nullable().default(null),
  /**
   * The interview clock: while `pausedAt` is set the clock stands still (paused, or stopped at
   * submission); `pausedMs` is the total time spent paused before. Optional so older records and
   * bundles read unchanged.
   */
  pausedAt: epochMsSchema.nullable().optional(),
  pausedMs: z.number().int().min(0).max(8.64e15).optional(),
  /**
   * The interviewer's overall recommendation and key takeaways, given at submit and sealed with
   * the scorecard. Optional so older records and bundles read unchanged; the submit rules require
   * both for a new seal. Feeds no mechanical score.
   */
  overallRecommendation: overallRecommendationSchema.optional(),
  keyTakeaways: z.string().max(KEY_TAKEAWAYS_MAX_LENGTH).optional(),
});

/** A rating is a score on the anchored scale, or the explicit "no evidence" state: never a 0. */
export const ratingSchema = z.discriminatedUnion('state', [
  z.strictObject({
    interviewId: uuidSchema,
    dimensionId: rubricIdSchema,
    state: z.literal('rated'),
    score: z.number().int().min(1).max(4),
    updatedAt: epochMsSchema,
  }),
  z.strictObject({
    interviewId: uuidSchema,
    dimensionId: rubricIdSchema,
    state: z.literal('no-evidence'),
    updatedAt: epochMsSchema,
  }),
]);

/** One time-stamped line of evidence; `at` is ms since the interview started. */
export const noteSchema = z.strictObject({
  id: uuidSchema,
  interviewId: uuidSchema,
  at: z.number().int().min(0).max(24 * 3600_000),
  text: z.string().max(5000),
  dimensionId: rubricIdSchema.nullable().default(null),
  /** Incident simulation time (ms) when the note was written during a run. */
  simAt: z.number().int().min(0).nullable().default(null),
  /** Private notes are left out of the recruiter summary. */
  isPrivate: z.boolean().default(false),
  /** Set on a line written during an amendment: when it was added (after the interview ended). */
  addedAt: epochMsSchema.optional(),
});

export const signalTagSchema = z.strictObject({
  id: uuidSchema,
  interviewId: uuidSchema,
  signalId: rubricIdSchema,
  noteIds: z.array(uuidSchema).max(50),
  at: z.number().int().min(0),
});

export const defectFindingSchema = z.strictObject({
  interviewId: uuidSchema,
  exerciseId: rubricIdSchema,
  defectId: rubricIdSchema,
  foundAt: z.number().int().min(0),
});

export const decisionOutcomeSchema = z.enum(['hire', 'no-hire', 'more-evidence']);

export const decisionSchema = z.strictObject({
  id: uuidSchema,
  candidateId: uuidSchema,
  loopId: uuidSchema,
  outcome: decisionOutcomeSchema,
  level: rubricIdSchema.nullable(),
  rationale: z.string().trim().min(1, 'a decision needs its rationale').max(10_000),
  decidedBy: name,
  decidedAt: epochMsSchema,
  /**
   * The profile that recorded it (`decidedBy` is a name anyone may type, and two people can share
   * one): the exchange folder sends a decision from its recorder's outbox only. Absent on
   * decisions recorded before it was kept.
   */
  recordedById: uuidSchema.optional(),
  /**
   * What the report showed when the decision was made: its inputs hash, the sealed interviews and
   * the calibrated numbers. Lets the decision say "made on earlier evidence" once they change.
   * Absent on decisions recorded before it was kept.
   */
  evidence: z
    .strictObject({
      audience: z.enum(['committee', 'recruiter']),
      inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
      interviews: z
        .array(z.strictObject({ interviewId: uuidSchema, version: z.number().int().min(0).max(1000), label: z.string().max(400) }))
        .max(200),
      numbers: z.array(z.strictObject({ key: z.string().max(100), title: z.string().max(200), value: z.number().nullable() })).max(100),
    })
    .optional(),
});

export type Candidate = z.infer<typeof candidateSchema>;
export type Interviewer = z.infer<typeof interviewerSchema>;
export type Loop = z.infer<typeof loopSchema>;
export type LoopStatus = z.infer<typeof loopStatusSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type InterviewStatus = z.infer<typeof interviewStatusSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type Note = z.infer<typeof noteSchema>;
export type SignalTag = z.infer<typeof signalTagSchema>;
export type DefectFinding = z.infer<typeof defectFindingSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type OverallRecommendation = z.infer<typeof overallRecommendationSchema>;
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

/**
 * A sealed version of an interview, kept when it is amended: the full evidence as it stood, so
 * the audit log and committee can see what changed and why.
 */
export const interviewVersionSchema = z.strictObject({
  id: uuidSchema,
  interviewId: uuidSchema,
  version: z.number().int().min(1).max(1000),
  sealedAt: epochMsSchema,
  reason: z.string().max(2000),
  /** Canonical JSON of { interview, ratings, notes, signalTags, defectFindings, incidentRun } at sealing. */
  snapshot: z.string().max(5_000_000),
  /**
   * The seal: SHA-256 of the canonical evidence (`evidenceSealHash` in `core/audit/evidenceSeal`).
   * Absent on versions sealed before seals were hashed; readers then compare with `snapshot`.
   */
  evidenceSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lower-case hex digits')
    .optional(),
});
export type InterviewVersion = z.infer<typeof interviewVersionSchema>;
