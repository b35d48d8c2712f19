/**
 * The `*.loopdesk` bundle format (SPEC §7): one JSON document that moves candidates, loops,
 * submitted interviews with their evidence, decisions and audit entries between machines, and
 * serves as the backup file format.
 *
 * ```
 * { format: "loopdesk-bundle", formatVersion: 1,
 *   manifest: { appVersion, createdAt, createdBy, scope: { kind, id? }, counts: {<table>: n},
 *               contentSha256 },
 *   content:  { candidates: [], interviewers: [], loops: [], interviews: [], ratings: [],
 *               notes: [], signalTags: [], defectFindings: [], decisions: [],
 *               interviewVersions: [], incidentRuns: [], audit: [] } }
 * ```
 *
 * `contentSha256 = sha256Hex(canonicalJson(content))`. Every content array holds the persisted
 * records of `model/records.ts` (and incident runs, audit entries) exactly as stored, so the same
 * zod schemas validate a row in IndexedDB and a row in a bundle.
 */
import { z } from 'zod';
import { bundleSignatureSchema, type BundleSignature } from '../signing/signatureSchema';
import { auditEntrySchema, sha256HexSchema } from '../audit/auditSchema';
import { incidentRunSchema } from '../incident/runSchema';
import { tombstoneSchema } from '../audience/tombstone';
import { BUNDLE_MAX_BYTES, BUNDLE_MAX_DEPTH } from '../limits/inputLimits';
import {
  candidateSchema,
  decisionSchema,
  defectFindingSchema,
  epochMsSchema,
  interviewerSchema,
  interviewSchema,
  interviewVersionSchema,
  loopSchema,
  noteSchema,
  ratingSchema,
  signalTagSchema,
  uuidSchema,
} from '../model/records';

export const BUNDLE_FORMAT = 'loopdesk-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** Most erasures one bundle may carry. */
export const BUNDLE_MAX_TOMBSTONES = 100_000;
/** File extension of bundles and backups, with the dot. */
export const BUNDLE_FILE_EXTENSION = '.loopdesk';

/** The content tables, in the order they are written and checked (parents before children). */
export const bundleTables = [
  'candidates',
  'interviewers',
  'loops',
  'interviews',
  'ratings',
  'notes',
  'signalTags',
  'defectFindings',
  'decisions',
  'interviewVersions',
  'incidentRuns',
  'audit',
] as const;
export type BundleTable = (typeof bundleTables)[number];

/** The record schema of each content table. */
export const bundleRecordSchemas = {
  candidates: candidateSchema,
  interviewers: interviewerSchema,
  loops: loopSchema,
  interviews: interviewSchema,
  ratings: ratingSchema,
  notes: noteSchema,
  signalTags: signalTagSchema,
  defectFindings: defectFindingSchema,
  decisions: decisionSchema,
  interviewVersions: interviewVersionSchema,
  incidentRuns: incidentRunSchema,
  audit: auditEntrySchema,
} satisfies Record<BundleTable, z.ZodType>;

export type BundleContent = { [T in BundleTable]: z.output<(typeof bundleRecordSchemas)[T]>[] };
export type BundleRecordOf<T extends BundleTable> = BundleContent[T][number];
export type BundleCounts = Record<BundleTable, number>;

/**
 * What a bundle was made for: one loop, one candidate (all their loops), one interviewer's
 * interviews, or everything (a backup). Scoped bundles are self-contained: every record they
 * reference travels with them.
 */
export const bundleScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('loop'), id: uuidSchema }),
  z.strictObject({ kind: z.literal('candidate'), id: uuidSchema }),
  z.strictObject({ kind: z.literal('interviewer'), id: uuidSchema }),
]);
export type BundleScope = z.infer<typeof bundleScopeSchema>;

const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const bundleCountsSchema = z.strictObject(
  Object.fromEntries(bundleTables.map((table) => [table, countSchema])) as Record<BundleTable, typeof countSchema>,
);

export const bundleManifestSchema = z.strictObject({
  /** The Loopdesk version that wrote the bundle. */
  appVersion: z.string().min(1, 'must not be empty').max(64),
  createdAt: epochMsSchema,
  /** Who exported it, as shown in the app. */
  createdBy: z.string().trim().min(1, 'must not be empty').max(200),
  scope: bundleScopeSchema,
  counts: bundleCountsSchema,
  contentSha256: sha256HexSchema,
  /**
   * Erasures this bundle carries (salted hashes, the day, no name): a machine that imports it
   * erases the candidates they cover, after one confirmation, and never takes them back. In the
   * manifest, so a bundle's signature covers them. Absent when there are none.
   */
  tombstones: z.array(tombstoneSchema).max(BUNDLE_MAX_TOMBSTONES).optional(),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export const bundleContentSchema = z.strictObject(
  Object.fromEntries(bundleTables.map((table) => [table, z.array(bundleRecordSchemas[table])])) as {
    [T in BundleTable]: z.ZodArray<(typeof bundleRecordSchemas)[T]>;
  },
);

/**
 * The whole document, for documentation and JSON Schema generation. Import goes through
 * `bundleParse`, which adds what a schema cannot say: size limits, checksum, counts, unique ids,
 * references and the audit chain.
 */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  manifest: bundleManifestSchema,
  content: bundleContentSchema,
  /** Who made the bundle, signed over format, manifest and signer (`core/signing`). Absent on unsigned bundles. */
  signature: bundleSignatureSchema.optional(),
});

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  manifest: BundleManifest;
  content: BundleContent;
  signature?: BundleSignature;
}

export type BundleRejectionCode =
  | 'not-json'
  | 'too-large'
  | 'wrong-format'
  | 'unsupported-version'
  | 'checksum-mismatch'
  | 'schema'
  | 'forbidden-key'
  | 'non-finite-number'
  | 'dangling-reference'
  | 'duplicate-id'
  | 'audit-broken'
  | 'count-mismatch'
  /** Live evidence of a sealed interview differs from its seal (or the seal from its snapshot). */
  | 'seal-broken'
  /** A record refers to something its rubric pack does not have (a rating of an unknown dimension). */
  | 'not-in-pack';

/**
 * Why a bundle was refused. `message` is one line a person can act on and starts with the
 * location when there is one ("content.ratings[12].score: 7 is more than 4"); `path` is that
 * location alone.
 */
export interface BundleRejection {
  code: BundleRejectionCode;
  message: string;
  path?: string;
}

export type BundleParseResult = { ok: true; value: Bundle } | { ok: false; reason: BundleRejection };

/** Guards against hostile or corrupt files; every limit can be raised per call. */
export interface BundleLimits {
  /** Longest accepted text, in UTF-16 code units (≈ bytes for mostly-ASCII JSON). */
  maxTextLength: number;
  /** Longest string value anywhere, except interview version snapshots. */
  maxStringLength: number;
  /** Longest `content.interviewVersions[].snapshot` (the record schema caps it too). */
  maxSnapshotLength: number;
  /** Deepest nesting of arrays and objects (the document itself is depth 0). */
  maxDepth: number;
  /** Longest array anywhere. */
  maxArrayLength: number;
}

export const bundleDefaultLimits: BundleLimits = {
  // A full backup of 25,000 interviews is ≈ 350 M characters; V8 cannot hold a string much past
  // 536 M (2^29 − 24), so this is as large as a bundle read as one string can be.
  maxTextLength: BUNDLE_MAX_BYTES,
  maxStringLength: 100_000,
  maxSnapshotLength: 5_000_000,
  maxDepth: BUNDLE_MAX_DEPTH,
  maxArrayLength: 2_000_000,
};
