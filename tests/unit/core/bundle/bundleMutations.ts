/**
 * Hostile and damaged bundles for the rejection tests: each mutation names the refusal codes a
 * correct reader may give for it.
 */
import type { BundleLimits, BundleRejectionCode } from '../../../../src/core/bundle/bundleSchema';
import { bundleTables } from '../../../../src/core/bundle/bundleSchema';
import { evidenceFromSnapshot, evidenceSealHash } from '../../../../src/core/audit/evidenceSeal';
import { canonicalJson } from '../../../../src/core/canonical/canonicalJson';
import { sha256Hex } from '../../../../src/core/crypto/sha256';

type Json = Record<string, unknown>;
type Raw = {
  format: unknown;
  formatVersion: unknown;
  manifest: Json & { counts: Json };
  content: Record<string, Json[]>;
};

export interface Mutated {
  text: string;
  limits?: Partial<BundleLimits>;
  expected: readonly BundleRejectionCode[];
  what: string;
}

export const mutationKinds = [
  'flip-content-char',
  'flip-checksum-char',
  'truncate',
  'delete-required-field',
  'add-unknown-field',
  'wrong-format-version',
  'wrong-format',
  'not-an-object',
  'bad-checksum',
  'forbidden-key',
  'huge-exponent',
  'bad-rating',
  'huge-string',
  'too-deep',
  'dangling-reference',
  'duplicate-id',
  'broken-audit',
  'count-mismatch',
  'text-too-large',
  'wrong-type',
  'sealed-content',
] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** Fields each table's records cannot do without (those with defaults are left out). */
const requiredFields: Record<string, string[]> = {
  candidates: ['id', 'name', 'packId', 'targetLevel', 'createdAt', 'updatedAt'],
  interviewers: ['id', 'name', 'createdAt'],
  loops: ['id', 'candidateId', 'packId', 'packVersion', 'packHash', 'targetLevel', 'status', 'createdAt'],
  interviews: ['id', 'loopId', 'candidateId', 'interviewerId', 'kitId', 'status', 'version', 'updatedAt'],
  ratings: ['interviewId', 'dimensionId', 'state', 'updatedAt'],
  notes: ['id', 'interviewId', 'at', 'text'],
  signalTags: ['id', 'interviewId', 'signalId', 'noteIds', 'at'],
  defectFindings: ['interviewId', 'exerciseId', 'defectId', 'foundAt'],
  decisions: ['id', 'candidateId', 'loopId', 'outcome', 'level', 'rationale', 'decidedBy', 'decidedAt'],
  interviewVersions: ['id', 'interviewId', 'version', 'sealedAt', 'reason', 'snapshot'],
  incidentRuns: ['interviewId', 'scenarioId', 'seed', 'clock', 'log', 'endedAt'],
  audit: ['seq', 'at', 'actor', 'action', 'subject', 'prevHash', 'hash'],
};

/** Reference fields whose target must be in the bundle. */
const references: [table: string, field: string][] = [
  ['loops', 'candidateId'],
  ['interviews', 'loopId'],
  ['interviews', 'candidateId'],
  ['interviews', 'interviewerId'],
  ['ratings', 'interviewId'],
  ['notes', 'interviewId'],
  ['signalTags', 'interviewId'],
  ['defectFindings', 'interviewId'],
  ['decisions', 'candidateId'],
  ['decisions', 'loopId'],
  ['interviewVersions', 'interviewId'],
  ['incidentRuns', 'interviewId'],
];

const PRINTABLE = ' !#$%&()*+-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"\\';

/** Recomputes counts and checksum, so only the deeper checks can catch the mutation. */
function reseal(raw: Raw): string {
  for (const table of bundleTables) raw.manifest.counts[table] = raw.content[table]!.length;
  raw.manifest.contentSha256 = sha256Hex(canonicalJson(raw.content));
  return JSON.stringify(raw);
}

function at(items: string, pick: number): string;
function at<T>(items: readonly T[], pick: number): T;
function at<T>(items: readonly T[] | string, pick: number): T | string {
  return items[pick % items.length]!;
}

function nonEmptyTables(raw: Raw, among: readonly string[] = bundleTables): string[] {
  return among.filter((table) => raw.content[table]!.length > 0);
}

function freshUuid(pick: number): string {
  return `${(pick % 0xffffffff).toString(16).padStart(8, '0')}-dead-4bad-8bad-000000000000`;
}

/** Every object inside `value`, depth first, with the root. */
function objectsIn(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    out.push(value as Json);
    for (const item of Object.values(value)) objectsIn(item, out);
  }
  return out;
}

/**
 * Applies mutation `kind` to a copy of the bundle whose text is `baseText`; `a`, `b`, `c` are
 * random picks. Returns null when the base has nothing to mutate that way (e.g. no audit log).
 */
export function bundleMutate(baseText: string, kind: MutationKind, a: number, b: number, c: number): Mutated | null {
  const raw = JSON.parse(baseText) as Raw;
  switch (kind) {
    case 'flip-content-char': {
      const start = baseText.indexOf('"content":') + '"content":'.length;
      const position = start + (a % (baseText.length - start - 1));
      const original = baseText[position]!;
      let replacement = at(PRINTABLE, b);
      if (replacement === original) replacement = original === 'x' ? 'y' : 'x';
      const text = baseText.slice(0, position) + replacement + baseText.slice(position + 1);
      return {
        text,
        expected: ['not-json', 'too-large', 'non-finite-number', 'forbidden-key', 'schema', 'checksum-mismatch'],
        what: `content char ${position} ${JSON.stringify(original)} → ${JSON.stringify(replacement)}`,
      };
    }
    case 'flip-checksum-char': {
      const sha = raw.manifest.contentSha256 as string;
      const position = a % 64;
      const replacement = at('0123456789abcdefXZ', b);
      if (replacement === sha[position]) return null;
      raw.manifest.contentSha256 = sha.slice(0, position) + replacement + sha.slice(position + 1);
      return { text: JSON.stringify(raw), expected: ['checksum-mismatch', 'schema'], what: 'checksum char' };
    }
    case 'truncate': {
      const length = a % baseText.length;
      return { text: baseText.slice(0, length), expected: ['not-json'], what: `truncated to ${length}` };
    }
    case 'delete-required-field': {
      const tables = nonEmptyTables(raw);
      const table = at(tables, a);
      const record = at(raw.content[table]!, b);
      const fields = requiredFields[table]!.filter((field) => field in record);
      const field = at(fields, c);
      delete record[field];
      return { text: reseal(raw), expected: ['schema'], what: `delete ${table}.${field}` };
    }
    case 'add-unknown-field': {
      const table = at(nonEmptyTables(raw), a);
      at(raw.content[table]!, b)[at(['extra', 'score2', 'isAdmin', ''], c)] = 1;
      return { text: reseal(raw), expected: ['schema'], what: `extra field in ${table}` };
    }
    case 'wrong-format-version': {
      raw.formatVersion = at([0, 2, 3, 99, '1', null, 1.5, -1, true, [1]], a);
      return {
        text: JSON.stringify(raw),
        expected: ['unsupported-version'],
        what: `formatVersion ${String(raw.formatVersion)}`,
      };
    }
    case 'wrong-format': {
      const formats = ['loopdesk', 'LOOPDESK-BUNDLE', '', 'loopdesk-backup', 42, null, undefined];
      raw.format = at(formats, a);
      return { text: JSON.stringify(raw), expected: ['wrong-format'], what: `format ${String(raw.format)}` };
    }
    case 'not-an-object': {
      const text = at(['[]', '"loopdesk-bundle"', '42', 'null', 'true', `[${baseText}]`], a);
      return { text, expected: ['wrong-format'], what: `document ${text.slice(0, 20)}` };
    }
    case 'bad-checksum': {
      raw.manifest.contentSha256 = sha256Hex(`other ${a}`);
      return { text: JSON.stringify(raw), expected: ['checksum-mismatch'], what: 'checksum of other content' };
    }
    case 'forbidden-key': {
      const objects = objectsIn(raw);
      const target = at(objects, a);
      const key = at(['__proto__', 'constructor', 'prototype'], b);
      Object.defineProperty(target, key, {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return { text: JSON.stringify(raw), expected: ['forbidden-key'], what: `${key} key` };
    }
    case 'huge-exponent': {
      const table = at(nonEmptyTables(raw), a);
      const record = at(raw.content[table]!, b);
      const numeric = Object.keys(record).filter((key) => typeof record[key] === 'number');
      if (numeric.length === 0) return null;
      record[at(numeric, c)] = 123456789.25;
      const text = JSON.stringify(raw).replace('123456789.25', at(['1e999', '-1e999', '1E400'], c));
      return { text, expected: ['non-finite-number'], what: `1e999 in ${table}` };
    }
    case 'bad-rating': {
      const rated = raw.content.ratings!.filter((rating) => rating.state === 'rated');
      if (rated.length === 0) return null;
      at(rated, a).score = at([7, 2.5, 0, -1, 5, '3', null, 1e6], b);
      return { text: reseal(raw), expected: ['schema'], what: `rating ${String(at(rated, a).score)}` };
    }
    case 'huge-string': {
      const table = at(nonEmptyTables(raw, ['candidates', 'notes', 'decisions', 'interviewers']), a);
      const field = { candidates: 'name', notes: 'text', decisions: 'rationale', interviewers: 'email' }[table]!;
      at(raw.content[table]!, b)[field] = 'x'.repeat(100_001 + (c % 50_000));
      return { text: JSON.stringify(raw), expected: ['too-large'], what: `huge ${table}.${field}` };
    }
    case 'too-deep': {
      let nested: unknown = 'bottom';
      for (let i = 0; i < 40 + (a % 30); i++) nested = b % 2 ? [nested] : { n: nested };
      raw.manifest.extra = nested;
      return { text: JSON.stringify(raw), expected: ['too-large'], what: 'nesting' };
    }
    case 'dangling-reference': {
      const candidates = references.filter(([table]) => raw.content[table]!.length > 0);
      if (raw.content.signalTags!.some((tag) => (tag.noteIds as string[]).length > 0))
        candidates.push(['signalTags', 'noteIds']);
      if ((raw.manifest.scope as Json).kind !== 'all') candidates.push(['manifest', 'scope']);
      const [table, field] = at(candidates, a);
      if (table === 'manifest') (raw.manifest.scope as Json).id = freshUuid(b);
      else if (field === 'noteIds') {
        const tag = at(
          raw.content.signalTags!.filter((t) => (t.noteIds as string[]).length > 0),
          b,
        );
        (tag.noteIds as string[])[c % (tag.noteIds as string[]).length] = freshUuid(c);
      } else at(raw.content[table]!, b)[field] = freshUuid(c);
      return { text: reseal(raw), expected: ['dangling-reference'], what: `dangling ${table}.${field}` };
    }
    case 'duplicate-id': {
      const table = at(nonEmptyTables(raw), a);
      const records = raw.content[table]!;
      const copy = structuredClone(at(records, b));
      if (table === 'candidates') copy.notes = 'same id, different content';
      records.splice(c % (records.length + 1), 0, copy);
      return { text: reseal(raw), expected: ['duplicate-id'], what: `duplicate in ${table}` };
    }
    case 'broken-audit': {
      const audit = raw.content.audit!;
      if (audit.length < 2) return null;
      const index = a % audit.length;
      const variant = b % 4;
      if (variant === 0) audit[index]!.at = (audit[index]!.at as number) + 1;
      else if (variant === 1) audit[index]!.subject = `${audit[index]!.subject as string}-edited`;
      else if (variant === 2)
        audit.splice(Math.min(index, audit.length - 2), 1); // not the last: that leaves a valid log
      else {
        const other = (index + 1) % audit.length;
        [audit[index], audit[other]] = [audit[other]!, audit[index]!];
      }
      return { text: reseal(raw), expected: ['audit-broken'], what: `audit variant ${variant} at ${index}` };
    }
    case 'count-mismatch': {
      const table = at(bundleTables, a);
      raw.manifest.counts[table] = (raw.content[table]!.length + 1 + (b % 5)) * (c % 2 ? 1 : 2);
      return { text: JSON.stringify(raw), expected: ['count-mismatch'], what: `count of ${table}` };
    }
    case 'text-too-large':
      return { text: baseText, limits: { maxTextLength: a % baseText.length }, expected: ['too-large'], what: 'limit' };
    case 'sealed-content':
      return sealedContentMutate(raw, a, b, c);
    case 'wrong-type': {
      const table = at(nonEmptyTables(raw), a);
      const record = at(raw.content[table]!, b);
      const field = at(requiredFields[table]!, c);
      const current = record[field];
      record[field] = typeof current === 'string' ? 12 : typeof current === 'number' ? String(current) : 'Not Valid!';
      return { text: reseal(raw), expected: ['schema'], what: `wrong type ${table}.${field}` };
    }
  }
}

/**
 * Changes what a sealed interview holds — its live evidence, its sealed snapshot, its seal hash or
 * its version row — and recomputes the bundle checksum, so only the seal check can catch it. The
 * one change left out is a forgery consistent everywhere (live rows, snapshot, seal hash and audit
 * log): a self-contained file cannot tell that from the real thing; signatures can.
 */
function sealedContentMutate(raw: Raw, a: number, b: number, c: number): Mutated | null {
  const sealed = raw.content.interviews!.filter((i) => i.status === 'submitted' || i.status === 'amended');
  if (sealed.length === 0) return null;
  const interview = at(sealed, a);
  const id = interview.id as string;
  const own = (table: string) => raw.content[table]!.filter((r) => r.interviewId === id);
  const versions = raw.content.interviewVersions!;
  const current = versions.find((v) => v.interviewId === id && v.version === interview.version)!;
  const variants = [
    'rating-score',
    'note-text',
    'rating-removed',
    'note-added',
    'snapshot-edited',
    'seal-hash-replaced',
    'live-and-snapshot-edited',
    'version-resealed',
    'version-removed',
    'finding-or-run-edited',
    'kit-changed',
  ] as const;
  const variant = at(variants, b);
  const ratings = own('ratings');
  const rating = ratings.length > 0 ? at(ratings, c) : null;
  const nextScore = (r: Json) => (r.state === 'rated' ? ((r.score as number) % 4) + 1 : 2);
  switch (variant) {
    case 'rating-score':
      if (!rating) return null;
      Object.assign(rating, { state: 'rated', score: nextScore(rating) });
      break;
    case 'note-text': {
      const notes = own('notes');
      if (notes.length === 0) return null;
      at(notes, c).text = `${at(notes, c).text as string} (edited)`;
      break;
    }
    case 'rating-removed':
      if (!rating) return null;
      raw.content.ratings!.splice(raw.content.ratings!.indexOf(rating), 1);
      break;
    case 'note-added':
      raw.content.notes!.push({ id: freshUuid(c), interviewId: id, at: 1000, text: 'added later' });
      break;
    case 'snapshot-edited':
    case 'live-and-snapshot-edited': {
      const snapshot = JSON.parse(current.snapshot as string) as { ratings: Json[] };
      if (!rating || snapshot.ratings.length === 0) return null;
      const inSnapshot = snapshot.ratings.find((r) => r.dimensionId === rating.dimensionId)!;
      Object.assign(inSnapshot, { state: 'rated', score: nextScore(inSnapshot) });
      current.snapshot = canonicalJson(snapshot);
      if (variant === 'live-and-snapshot-edited') Object.assign(rating, inSnapshot);
      break;
    }
    case 'seal-hash-replaced':
      current.evidenceSha256 = sha256Hex(`another seal ${c}`);
      break;
    case 'version-resealed': {
      // Live rows, snapshot and seal hash agree; the audit log still names the old seal.
      if (!rating) return null;
      Object.assign(rating, { state: 'rated', score: nextScore(rating) });
      const snapshot = JSON.parse(current.snapshot as string) as { ratings: Json[] };
      snapshot.ratings = snapshot.ratings.map((r) => (r.dimensionId === rating.dimensionId ? { ...rating } : r));
      current.snapshot = canonicalJson(snapshot);
      const read = evidenceFromSnapshot(current.snapshot as string);
      if (!read.ok) throw new Error(read.message);
      current.evidenceSha256 = evidenceSealHash(read.evidence);
      if (!raw.content.audit!.some((e) => e.subject === id && (e.details as Json | undefined)?.evidenceSha256)) {
        return null;
      }
      break;
    }
    case 'version-removed':
      versions.splice(versions.indexOf(current), 1);
      break;
    case 'finding-or-run-edited': {
      const findings = own('defectFindings');
      const runs = own('incidentRuns');
      if (findings.length > 0) at(findings, c).foundAt = (at(findings, c).foundAt as number) + 1;
      else if (runs.length > 0) runs[0]!.seed = ((runs[0]!.seed as number) + 1) % 0xffffffff;
      else return null;
      break;
    }
    case 'kit-changed':
      interview.kitId = interview.kitId === 'system-design' ? 'incident-simulation' : 'system-design';
      break;
  }
  return { text: reseal(raw), expected: ['seal-broken'], what: `sealed ${variant} of interview ${id}` };
}
