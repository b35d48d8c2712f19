/**
 * Reading bundles from outside: everything is checked before anything may be written (SPEC §7),
 * and every refusal is a value with a code and a message naming the field, never an exception.
 *
 * Checks, in order (the first failure is reported):
 * 1. size of the text; JSON syntax;
 * 2. one walk over the parsed tree: `__proto__` / `constructor` / `prototype` keys, non-finite
 *    numbers (`1e999` parses to Infinity), string and array lengths, nesting depth;
 * 3. `format`, `formatVersion`, the manifest and the shape of `content`;
 * 4. the checksum over the content as it arrived;
 * 5. every record against its zod schema (ratings 1-4, UUIDs, kebab-case ids, …);
 * 6. manifest counts; 7. unique primary keys; 8. references inside the bundle;
 * 9. the audit chain (from genesis for a full backup, as a contiguous slice otherwise);
 * 10. the seals: every sealed interview's live evidence against its sealed version's hash;
 * 11. with `options.packs`, every rating's dimension against its loop's pack version.
 *
 * Nesting depth is checked on the text before `JSON.parse`, so a file of a million `[` is refused
 * without building a million arrays.
 */
import type { z } from 'zod';
import { auditChainVerify } from '../audit/auditChain';
import { evidenceSealsVerify } from '../audit/evidenceSeal';
import { canonicalJsonPath } from '../canonical/canonicalJson';
import { jsonDepthScan } from '../canonical/jsonDepth';
import { limitText } from '../limits/inputLimits';
import { bundleChecksumFeed, bundleChecksumOf, type BundleHasher } from './bundleChecksum';
import { bundleDimensionsCheck, type BundlePackDimensions } from './bundleDimensions';
import { bundleKeyOf } from './bundleKeys';
import { bundleRecordFast } from './bundleRecordFast';
import { bundleStreamRead, bundleTextOfBytes, type BundleByteRefusal } from './bundleStreamRead';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleDefaultLimits,
  bundleManifestSchema,
  bundleRecordSchemas,
  bundleTables,
  type Bundle,
  type BundleContent,
  type BundleLimits,
  type BundleManifest,
  type BundleParseResult,
  type BundleRejectionCode,
  type BundleTable,
} from './bundleSchema';
import { bundleSignatureSchema } from '../signing/signatureSchema';

type PathSegment = string | number;

export interface BundleParseOptions {
  /** Loaded rubric packs: every rating must be of a dimension of its loop's pack version. */
  packs?: readonly BundlePackDimensions[];
  /**
   * A streamed SHA-256 for the content checksum (`bundleParseStream`, `bundleParseBytes`): the
   * canonical text is fed to it in pieces and the other checks run while it hashes. Without it,
   * the JavaScript hash, in line.
   */
  hasher?: () => BundleHasher;
}

class Refusal {
  constructor(
    readonly code: BundleRejectionCode,
    readonly message: string,
    readonly path: PathSegment[] = [],
  ) {}
}

function reject(code: BundleRejectionCode, message: string, path?: readonly PathSegment[]): BundleParseResult {
  if (!path || path.length === 0) return { ok: false, reason: { code, message } };
  const where = canonicalJsonPath(path, '');
  return { ok: false, reason: { code, message: `${where}: ${message}`, path: where } };
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    return shown;
  }
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return value === null ? 'null' : Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** One zod issue as a sentence about the value the person wrote. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): { message: string; path: PathSegment[] } {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`,
        path,
      };
    case 'invalid_type':
      if (value === undefined) return { message: 'is missing', path };
      if (issue.expected === 'int' && typeof value === 'number')
        return { message: `${value} is not a whole number`, path };
      return { message: `expected ${issue.expected}, found ${typeName(value)} ${show(value)}`, path };
    case 'too_big':
    case 'too_small': {
      const isBig = issue.code === 'too_big';
      const bound = Number(isBig ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum);
      if (typeof value === 'number') {
        return {
          message: `${value} is ${isBig ? 'more' : 'less'} than ${isBig ? 'the maximum' : 'the minimum'} ${bound}`,
          path,
        };
      }
      if (typeof value === 'string') {
        if (!isBig && bound === 1) return { message: issue.message, path };
        return { message: `is ${value.length} characters long; the ${isBig ? 'limit' : 'minimum'} is ${bound}`, path };
      }
      if (Array.isArray(value)) {
        return { message: `has ${value.length} items; the ${isBig ? 'limit' : 'minimum'} is ${bound}`, path };
      }
      return { message: issue.message, path };
    }
    case 'invalid_format':
    case 'invalid_value':
    case 'invalid_union':
      return { message: `${show(value)}: ${issue.message}`, path };
    default:
      return { message: issue.message, path };
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The structural walk. Recursive, bounded by maxDepth; builds a path only on the way out of a
// failure so the common case allocates nothing.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where in the document the walk is, for the one field allowed to hold long text. */
const Spot = { Elsewhere: 0, Root: 1, Content: 2, Versions: 3, Version: 4 } as const;
type Spot = (typeof Spot)[keyof typeof Spot];

function walk(value: unknown, depth: number, spot: Spot, stringLimit: number, limits: BundleLimits): Refusal | null {
  switch (typeof value) {
    case 'string':
      if (value.length > stringLimit) {
        return new Refusal(
          'too-large',
          `a text of ${value.length} characters is longer than the limit of ${stringLimit}`,
        );
      }
      return null;
    case 'number':
      if (!Number.isFinite(value)) {
        return new Refusal('non-finite-number', `${value} is not a finite number (a number too large to represent?)`);
      }
      return null;
    case 'object': {
      if (value === null) return null;
      if (depth >= limits.maxDepth) return new Refusal('too-large', `nested deeper than ${limits.maxDepth} levels`);
      if (Array.isArray(value)) {
        if (value.length > limits.maxArrayLength) {
          return new Refusal(
            'too-large',
            `a list of ${value.length} items is longer than the limit of ${limits.maxArrayLength}`,
          );
        }
        const childSpot = spot === Spot.Versions ? Spot.Version : Spot.Elsewhere;
        for (let i = 0; i < value.length; i++) {
          const refusal = walk(value[i], depth + 1, childSpot, limits.maxStringLength, limits);
          if (refusal) {
            refusal.path.unshift(i);
            return refusal;
          }
        }
        return null;
      }
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (FORBIDDEN_KEYS.has(key)) {
          return new Refusal(
            'forbidden-key',
            `the key "${key}" is not allowed (it could alter objects it is copied into)`,
            [key],
          );
        }
        if (key.length > limits.maxStringLength) {
          return new Refusal(
            'too-large',
            `a key of ${key.length} characters is longer than the limit of ${limits.maxStringLength}`,
          );
        }
        let childSpot: Spot = Spot.Elsewhere;
        let childLimit = limits.maxStringLength;
        if (spot === Spot.Root && key === 'content') childSpot = Spot.Content;
        else if (spot === Spot.Content && key === 'interviewVersions') childSpot = Spot.Versions;
        else if (spot === Spot.Version && key === 'snapshot') childLimit = limits.maxSnapshotLength;
        const refusal = walk(record[key], depth + 1, childSpot, childLimit, limits);
        if (refusal) {
          refusal.path.unshift(key);
          return refusal;
        }
      }
      return null;
    }
    case 'boolean':
      return null;
    default:
      // JSON.parse never yields these; an in-memory value handed to bundleValidate might.
      return new Refusal('schema', `${typeName(value)} is not JSON data`);
  }
}

// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TOP_LEVEL_KEYS = new Set(['format', 'formatVersion', 'manifest', 'content', 'signature']);
const CONTENT_KEYS = new Set<string>(bundleTables);

/**
 * Full validation of an already-parsed bundle. With `mayReuse`, validated records replace the raw
 * ones inside `value`'s arrays (halving peak memory on big imports); otherwise `value` is not
 * touched.
 */
function validateBundle(
  value: unknown,
  limits: BundleLimits,
  mayReuse: boolean,
  options: BundleParseOptions,
): BundleParseResult {
  const envelope = validateEnvelope(value, limits);
  if (!('rawContent' in envelope)) return envelope;
  const records = recordsFastCheck(envelope.rawContent, mayReuse);
  return validateContent(envelope, records, bundleChecksumOf(records.content), options);
}

/**
 * Step 5's quick half, before the checksum: the records a hand-written check accepts
 * (`bundleRecordFast`) replaced by their sorted-key copies, which are the same JSON; the others,
 * by index, left for their schemas. With `mayReuse` the copies go into the parsed arrays (the raw
 * records are let go as they are checked), otherwise into new arrays.
 */
interface RecordsChecked {
  content: Record<BundleTable, unknown[]>;
  /** Per table, the indexes its schema still has to check; null for every record. */
  unchecked: Record<BundleTable, number[] | null>;
}

function recordsFastCheck(rawContent: Record<BundleTable, unknown[]>, mayReuse: boolean): RecordsChecked {
  const content = {} as Record<BundleTable, unknown[]>;
  const unchecked = {} as Record<BundleTable, number[] | null>;
  for (const table of bundleTables) {
    const raw = rawContent[table];
    const fast = bundleRecordFast[table];
    content[table] = mayReuse ? raw : raw.slice();
    unchecked[table] = null;
    if (!fast) continue;
    const out = content[table];
    const left: number[] = [];
    for (let i = 0; i < out.length; i++) {
      const checked = fast(out[i]);
      if (checked) out[i] = checked;
      else left.push(i);
    }
    unchecked[table] = left;
  }
  return { content, unchecked };
}

/** What steps 1-3 found: the manifest, the signature's shape, and the content's tables as lists. */
interface BundleEnvelope {
  manifest: BundleManifest;
  signature: Bundle['signature'] | undefined;
  rawContent: Record<BundleTable, unknown[]>;
}

type ChecksumResult = ReturnType<typeof bundleChecksumOf>;

/** Steps 2-3: the structural walk, the envelope, the manifest and the shape of `content`. */
function validateEnvelope(value: unknown, limits: BundleLimits): BundleEnvelope | BundleParseResult {
  const walked = walk(value, 0, Spot.Root, limits.maxStringLength, limits);
  if (walked) return reject(walked.code, walked.message, walked.path);

  // 3. Envelope.
  if (!isPlainObject(value)) {
    return reject('wrong-format', `not a Loopdesk bundle: the file holds ${typeName(value)}, not a bundle object`);
  }
  if (value.format !== BUNDLE_FORMAT) {
    return reject(
      'wrong-format',
      value.format === undefined
        ? `not a Loopdesk bundle: it has no "format": "${BUNDLE_FORMAT}" field`
        : `not a Loopdesk bundle: format is ${show(value.format)}, expected "${BUNDLE_FORMAT}"`,
      ['format'],
    );
  }
  if (value.formatVersion !== BUNDLE_FORMAT_VERSION) {
    const version = value.formatVersion;
    return reject(
      'unsupported-version',
      typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION
        ? `format version ${version} was written by a newer Loopdesk; this one reads version ${BUNDLE_FORMAT_VERSION}. Update Loopdesk to import it`
        : `format version ${show(version)} is not one this Loopdesk reads (expected ${BUNDLE_FORMAT_VERSION})`,
      ['formatVersion'],
    );
  }
  for (const key in value) {
    if (!TOP_LEVEL_KEYS.has(key)) return reject('schema', `unknown field ${JSON.stringify(key)}`, [key]);
  }
  const manifestResult = bundleManifestSchema.safeParse(value.manifest);
  if (!manifestResult.success) {
    const { message, path } = describeIssue(manifestResult.error.issues[0]!, value.manifest);
    return reject('schema', message, ['manifest', ...path]);
  }
  const manifest: BundleManifest = manifestResult.data;
  // The signature's shape only: whether it matches, and whose key it is, is `core/signing`'s question.
  const signatureResult = value.signature === undefined ? null : bundleSignatureSchema.safeParse(value.signature);
  if (signatureResult && !signatureResult.success) {
    const { message, path } = describeIssue(signatureResult.error.issues[0]!, value.signature);
    return reject('schema', message, ['signature', ...path]);
  }
  const rawContent = value.content;
  if (!isPlainObject(rawContent)) {
    return reject(
      'schema',
      rawContent === undefined ? 'is missing' : `expected an object, found ${typeName(rawContent)}`,
      ['content'],
    );
  }
  for (const key in rawContent) {
    if (!CONTENT_KEYS.has(key)) return reject('schema', `unknown table ${JSON.stringify(key)}`, ['content', key]);
  }
  for (const table of bundleTables) {
    const records = rawContent[table];
    if (!Array.isArray(records)) {
      return reject('schema', records === undefined ? 'is missing' : `expected a list, found ${typeName(records)}`, [
        'content',
        table,
      ]);
    }
  }

  return {
    manifest,
    signature: signatureResult?.success ? signatureResult.data : undefined,
    rawContent: rawContent as Record<BundleTable, unknown[]>,
  };
}

/** Steps 4-11, given the checksum of the content exactly as it arrived. */
function validateContent(
  envelope: BundleEnvelope,
  records: RecordsChecked,
  checksum: ChecksumResult,
  options: BundleParseOptions,
): BundleParseResult {
  return checksumRefusal(checksum, envelope.manifest) ?? validateRecords(envelope, records, options);
}

/** Step 4: the checksum over the content exactly as it arrived, before anything is normalized. */
function checksumRefusal(checksum: ChecksumResult, manifest: BundleManifest): BundleParseResult | null {
  if (!checksum.ok) {
    return {
      ok: false,
      reason: {
        code: 'schema',
        message: `${checksum.issue.path}: ${checksum.issue.message}`,
        path: checksum.issue.path,
      },
    };
  }
  if (checksum.value !== manifest.contentSha256) {
    return reject(
      'checksum-mismatch',
      'content SHA-256 does not match the manifest (the file was changed or damaged after it was written)',
    );
  }
  return null;
}

/** Steps 5-11 (the checksum is step 4's, checked by the caller). */
function validateRecords(
  { manifest, signature }: BundleEnvelope,
  { content: records, unchecked }: RecordsChecked,
  options: BundleParseOptions,
): BundleParseResult {
  // 5. Records: those the quick checks left, by their schemas (the first refusal is the same,
  // since the quick checks accept only what the schemas accept).
  for (const table of bundleTables) {
    const out = records[table];
    const schema = bundleRecordSchemas[table] as z.ZodType;
    const left = unchecked[table];
    const count = left ? left.length : out.length;
    for (let k = 0; k < count; k++) {
      const i = left ? left[k]! : k;
      const parsed = schema.safeParse(out[i]);
      if (!parsed.success) {
        const { message, path } = describeIssue(parsed.error.issues[0]!, out[i]);
        return reject('schema', message, ['content', table, i, ...path]);
      }
      out[i] = parsed.data;
    }
  }
  const typed = records as unknown as BundleContent;

  // 6. Counts.
  for (const table of bundleTables) {
    const declared = manifest.counts[table];
    const actual = typed[table].length;
    if (declared !== actual) {
      return reject('count-mismatch', `the manifest says ${declared} ${table} but the content has ${actual}`, [
        'manifest',
        'counts',
        table,
      ]);
    }
  }

  // 7-8. Unique keys and references.
  const refusal = checkKeysAndReferences(typed, manifest);
  if (refusal) return reject(refusal.code, refusal.message, refusal.path);

  // 9. Audit chain.
  const audit = auditChainVerify(typed.audit, { start: manifest.scope.kind === 'all' ? 'genesis' : 'segment' });
  if (!audit.ok) {
    return reject('audit-broken', audit.message, ['content', 'audit', audit.index]);
  }

  // 10. Seals.
  const seal = evidenceSealsVerify(typed);
  if (seal) return reject('seal-broken', seal.message, ['content', ...seal.path]);

  // 11. Ratings against their packs' dimensions, for the packs the caller has.
  if (options.packs) {
    const stray = bundleDimensionsCheck(typed, options.packs);
    if (stray) return reject('not-in-pack', stray.message, ['content', ...stray.path]);
  }

  const bundle: Bundle = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, manifest, content: typed };
  if (signature) bundle.signature = signature;
  return { ok: true, value: bundle };
}

interface PairGroup {
  seconds: string[];
  indexes: number[];
  lookup: Map<string, number> | null;
}

/**
 * The first record whose (interviewId, second field) pair repeats an earlier one. Grouping by
 * interview avoids building a joined key string per rating, which dominated big imports; a group
 * that grows past a few dozen entries switches to a map so hostile input stays linear.
 */
function firstRepeatedPair(
  records: readonly { interviewId: string }[],
  field: 'dimensionId' | 'defectId',
): { index: number; first: number } | null {
  const groups = new Map<string, PairGroup>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const second = (record as unknown as Record<string, string>)[field]!;
    let group = groups.get(record.interviewId);
    if (!group) {
      group = { seconds: [], indexes: [], lookup: null };
      groups.set(record.interviewId, group);
    }
    const first = group.lookup ? group.lookup.get(second) : group.indexes[group.seconds.indexOf(second)];
    if (first !== undefined) return { index: i, first };
    if (group.lookup) group.lookup.set(second, i);
    else {
      group.seconds.push(second);
      group.indexes.push(i);
      if (group.seconds.length > 32) {
        group.lookup = new Map(group.seconds.map((value, k) => [value, group!.indexes[k]!]));
      }
    }
  }
  return null;
}

function checkKeysAndReferences(content: BundleContent, manifest: BundleManifest): Refusal | null {
  // Unique primary keys per table; keep the sets and a few lookups for the reference checks.
  const keys = {} as Record<BundleTable, Map<string, number>>;
  for (const table of bundleTables) {
    if (table === 'ratings' || table === 'defectFindings') {
      const records = content[table] as readonly { interviewId: string }[];
      const repeat = firstRepeatedPair(records, table === 'ratings' ? 'dimensionId' : 'defectId');
      if (repeat) {
        const key = bundleKeyOf[table](records[repeat.index] as never);
        return new Refusal('duplicate-id', `${key} appears twice in ${table} (also at index ${repeat.first})`, [
          'content',
          table,
          repeat.index,
        ]);
      }
      continue;
    }
    const seen = new Map<string, number>();
    const keyOf = bundleKeyOf[table] as (record: unknown) => string;
    const records = content[table];
    for (let i = 0; i < records.length; i++) {
      const key = keyOf(records[i]);
      const first = seen.get(key);
      if (first !== undefined) {
        return new Refusal('duplicate-id', `${key} appears twice in ${table} (also at index ${first})`, [
          'content',
          table,
          i,
        ]);
      }
      seen.set(key, i);
    }
    keys[table] = seen;
  }

  const missing = (table: BundleTable, id: string, path: PathSegment[], what: string): Refusal =>
    new Refusal('dangling-reference', `${what} ${id} is not in this bundle (no such ${table} record)`, path);

  const { candidates, interviewers, loops, interviews, notes } = keys;
  for (let i = 0; i < content.loops.length; i++) {
    const loop = content.loops[i]!;
    if (!candidates.has(loop.candidateId)) {
      return missing('candidates', loop.candidateId, ['content', 'loops', i, 'candidateId'], 'candidate');
    }
  }
  for (let i = 0; i < content.interviews.length; i++) {
    const interview = content.interviews[i]!;
    const loopIndex = loops.get(interview.loopId);
    if (loopIndex === undefined)
      return missing('loops', interview.loopId, ['content', 'interviews', i, 'loopId'], 'loop');
    if (!candidates.has(interview.candidateId)) {
      return missing('candidates', interview.candidateId, ['content', 'interviews', i, 'candidateId'], 'candidate');
    }
    if (!interviewers.has(interview.interviewerId)) {
      return missing(
        'interviewers',
        interview.interviewerId,
        ['content', 'interviews', i, 'interviewerId'],
        'interviewer',
      );
    }
    if (content.loops[loopIndex]!.candidateId !== interview.candidateId) {
      return new Refusal(
        'dangling-reference',
        `candidate ${interview.candidateId} is not the candidate of loop ${interview.loopId}`,
        ['content', 'interviews', i, 'candidateId'],
      );
    }
  }
  const interviewChildren = [
    'ratings',
    'notes',
    'signalTags',
    'defectFindings',
    'interviewVersions',
    'incidentRuns',
  ] as const;
  for (const table of interviewChildren) {
    const records = content[table] as readonly { interviewId: string }[];
    for (let i = 0; i < records.length; i++) {
      const interviewId = records[i]!.interviewId;
      if (!interviews.has(interviewId)) {
        return missing('interviews', interviewId, ['content', table, i, 'interviewId'], 'interview');
      }
    }
  }
  for (let i = 0; i < content.signalTags.length; i++) {
    const tag = content.signalTags[i]!;
    for (let j = 0; j < tag.noteIds.length; j++) {
      const noteId = tag.noteIds[j]!;
      const noteIndex = notes.get(noteId);
      if (noteIndex === undefined) return missing('notes', noteId, ['content', 'signalTags', i, 'noteIds', j], 'note');
      if (content.notes[noteIndex]!.interviewId !== tag.interviewId) {
        return new Refusal('dangling-reference', `note ${noteId} belongs to another interview`, [
          'content',
          'signalTags',
          i,
          'noteIds',
          j,
        ]);
      }
    }
  }
  for (let i = 0; i < content.decisions.length; i++) {
    const decision = content.decisions[i]!;
    if (!candidates.has(decision.candidateId)) {
      return missing('candidates', decision.candidateId, ['content', 'decisions', i, 'candidateId'], 'candidate');
    }
    const loopIndex = loops.get(decision.loopId);
    if (loopIndex === undefined)
      return missing('loops', decision.loopId, ['content', 'decisions', i, 'loopId'], 'loop');
    if (content.loops[loopIndex]!.candidateId !== decision.candidateId) {
      return new Refusal(
        'dangling-reference',
        `candidate ${decision.candidateId} is not the candidate of loop ${decision.loopId}`,
        ['content', 'decisions', i, 'candidateId'],
      );
    }
  }
  const scope = manifest.scope;
  if (scope.kind !== 'all') {
    const table = scope.kind === 'loop' ? 'loops' : scope.kind === 'candidate' ? 'candidates' : 'interviewers';
    if (!keys[table].has(scope.id)) {
      return missing(table, scope.id, ['manifest', 'scope', 'id'], `the ${scope.kind} the bundle is for,`);
    }
  }
  return null;
}

/**
 * Parses and fully validates the text of a `*.loopdesk` file. On success the bundle's records
 * are the zod-parsed records (defaults filled in) and are safe to write; on failure, the reason
 * says what is wrong and where, and nothing should be written. Never throws on any input text.
 */
export function bundleParse(
  text: string,
  limits: Partial<BundleLimits> = {},
  options: BundleParseOptions = {},
): BundleParseResult {
  const effective: BundleLimits = { ...bundleDefaultLimits, ...limits };
  const parsed = parseText(text, effective);
  if (!parsed.ok) return parsed.result;
  return guarded(() => validateBundle(parsed.value, effective, true, options));
}

/**
 * {@link bundleParse} over the decoded text of a bundle as it arrives (a file read as a stream),
 * never holding the whole text: records are parsed as they complete (`bundleStreamRead`), then the
 * same validation runs on the same document, so it refuses exactly what `bundleParse` refuses,
 * with the same reason codes. The checksum is hashed in 1 MB pieces (no file-sized buffer).
 */
export async function bundleParseStream(
  chunks: AsyncIterable<string>,
  limits: Partial<BundleLimits> = {},
  options: BundleParseOptions = {},
): Promise<BundleParseResult> {
  const effective: BundleLimits = { ...bundleDefaultLimits, ...limits };
  let read: Awaited<ReturnType<typeof bundleStreamRead>>;
  try {
    read = await bundleStreamRead(chunks, effective);
  } catch (error) {
    if (error instanceof RangeError) return reject('too-large', 'too large or too deeply nested to check');
    throw error;
  }
  if (!read.ok) return read.result;
  const value = read.value;
  if (options.hasher) return validateBundleHashedBeside(value, effective, options, options.hasher);
  return guarded(() => validateBundle(value, effective, true, options));
}

/**
 * {@link bundleParseStream} over the bytes of a bundle file as they arrive: at most `maxBytes`
 * bytes, UTF-8 only (refused with the byte offset, as `not-json`), decoded chunk by chunk.
 */
export async function bundleParseBytes(
  bytes: AsyncIterable<Uint8Array>,
  maxBytes: number,
  limits: Partial<BundleLimits> = {},
  options: BundleParseOptions = {},
): Promise<BundleParseResult> {
  const refused: BundleByteRefusal = { refusal: null };
  const result = await bundleParseStream(bundleTextOfBytes(bytes, maxBytes, refused), limits, options);
  return refused.refusal ?? result;
}

/**
 * Validation with the checksum hashed beside the other checks: the canonical text is fed to
 * `hasher` (steps 1-3 and the quick record checks first, as always), steps 5-11 run while it
 * hashes, and the checksum's refusal, if any, is the one reported — the order of the text path.
 */
async function validateBundleHashedBeside(
  value: unknown,
  effective: BundleLimits,
  options: BundleParseOptions,
  hasher: () => BundleHasher,
): Promise<BundleParseResult> {
  const envelope = guarded(() => validateEnvelope(value, effective));
  if (!('rawContent' in envelope)) return envelope;
  const records = recordsFastCheck(envelope.rawContent, true);
  const fed = guarded(() => bundleChecksumFeed(records.content, hasher()));
  if (!('digest' in fed)) return 'issue' in fed ? checksumRefusal(fed, envelope.manifest)! : fed;
  // The pieces are all handed over before any record is replaced by its validated copy.
  const rest = guarded(() => validateRecords(envelope, records, options));
  const checksum: ChecksumResult = { ok: true, value: await fed.digest };
  return checksumRefusal(checksum, envelope.manifest) ?? rest;
}

/** Step 1: the size of the text, its nesting depth and its JSON syntax. */
function parseText(
  text: string,
  effective: BundleLimits,
): { ok: true; value: unknown } | { ok: false; result: BundleParseResult } {
  const fail = (result: BundleParseResult) => ({ ok: false as const, result });
  if (typeof text !== 'string') return fail(reject('not-json', 'expected the text of a bundle file'));
  if (text.length > effective.maxTextLength) {
    return fail(
      reject(
        'too-large',
        `the file is larger than the ${limitText(effective.maxTextLength)} limit (${text.length} characters)`,
      ),
    );
  }
  // A byte-order mark some editors add is not part of the JSON (RFC 8259 §8.1 lets readers skip it).
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') return fail(reject('not-json', 'the file is empty'));
  const depth = jsonDepthScan(json, effective.maxDepth + 1);
  if (!depth.ok) {
    return fail(
      reject('too-large', `nested deeper than ${effective.maxDepth} levels (at character ${depth.offset})`),
    );
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    return fail(reject('not-json', jsonErrorText(error, json)));
  }
}

/**
 * What is wrong with text `JSON.parse` refused, in words: where, never the engine's own message
 * (which quotes raw input and differs between engines).
 */
function jsonErrorText(error: unknown, json: string): string {
  const detail = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(detail)?.[1];
  if (position !== undefined) {
    return `not valid JSON at character ${position}; the file is damaged or not a bundle`;
  }
  if (/end of (JSON )?input|unterminated|unexpected end/i.test(detail)) {
    return `the JSON ends early (after ${json.length} characters); the file is truncated or not a bundle`;
  }
  // Engines that give no position: a bundle starts with "{", so name the first character that is not.
  const start = json.search(/\S/);
  if (start >= 0 && json[start] !== '{') {
    return `not valid JSON at character ${start}; the file is damaged or not a bundle`;
  }
  return 'not valid JSON; the file is damaged or not a bundle';
}

/**
 * Fully validates a bundle already in memory (say, received over IPC), exactly as
 * {@link bundleParse} does after `JSON.parse`. `value` is not modified.
 */
export function bundleValidate(
  value: unknown,
  limits: Partial<BundleLimits> = {},
  options: BundleParseOptions = {},
): BundleParseResult {
  return guarded(() => validateBundle(value, { ...bundleDefaultLimits, ...limits }, false, options));
}

/** The engine's own limits (stack depth, string length) surface as a refusal, not a crash. */
function guarded<T>(run: () => T | BundleParseResult): T | BundleParseResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return reject('too-large', 'too large or too deeply nested to check');
    throw error;
  }
}
