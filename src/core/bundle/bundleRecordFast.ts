/**
 * Hand-written checks for the evidence records that make up most of a big bundle (ratings,
 * notes, signal tags, defect findings), a few times cheaper than their zod schemas. A check
 * only ever says "certainly valid": it accepts a record when its schema would accept it and
 * return the same data (every field present, no default to fill in), and returns null for
 * anything else, which the schema then judges — so refusals and their messages are the schema's.
 *
 * An accepted record comes back as a new object with its keys in sorted order: its canonical JSON
 * is then plain `JSON.stringify` (the checksum, seals and record hashes encode it several times),
 * and it is the same text as the record as it arrived.
 */
import type { BundleTable } from './bundleSchema';

// The patterns of `uuidSchema` (model/records) and `rubricIdSchema` (rubric/schema).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RUBRIC_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const EPOCH_MS_MAX = 8.64e15;
const NOTE_AT_MAX = 24 * 3600_000;
const NOTE_TEXT_MAX = 5000;
const NOTE_IDS_MAX = 50;

type Raw = Record<string, unknown>;

const isUuid = (value: unknown): value is string => typeof value === 'string' && value.length === 36 && UUID.test(value);
const isRubricId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 64 && RUBRIC_ID.test(value);
const isWhole = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
const isPlain = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function keyCount(record: Raw): number {
  let count = 0;
  for (const key in record) if (Object.hasOwn(record, key)) count++;
  return count;
}

function ratingFast(raw: unknown): Raw | null {
  if (!isPlain(raw)) return null;
  const { dimensionId, interviewId, state, updatedAt } = raw;
  if (!isUuid(interviewId) || !isRubricId(dimensionId) || !isWhole(updatedAt, EPOCH_MS_MAX)) return null;
  if (state === 'no-evidence') return keyCount(raw) === 4 ? { dimensionId, interviewId, state, updatedAt } : null;
  const score = raw['score'];
  if (state !== 'rated' || !isWhole(score, 4) || score < 1 || keyCount(raw) !== 5) return null;
  return { dimensionId, interviewId, score, state, updatedAt };
}

function noteFast(raw: unknown): Raw | null {
  if (!isPlain(raw)) return null;
  const { at, dimensionId, id, interviewId, isPrivate, simAt, text } = raw;
  if (!isUuid(id) || !isUuid(interviewId) || !isWhole(at, NOTE_AT_MAX)) return null;
  if (typeof text !== 'string' || text.length > NOTE_TEXT_MAX || typeof isPrivate !== 'boolean') return null;
  if (dimensionId !== null && !isRubricId(dimensionId)) return null;
  if (simAt !== null && !isWhole(simAt, Number.MAX_SAFE_INTEGER)) return null;
  const addedAt = raw['addedAt'];
  if (addedAt === undefined) {
    return keyCount(raw) === 7 ? { at, dimensionId, id, interviewId, isPrivate, simAt, text } : null;
  }
  if (!isWhole(addedAt, EPOCH_MS_MAX) || keyCount(raw) !== 8) return null;
  return { addedAt, at, dimensionId, id, interviewId, isPrivate, simAt, text };
}

function signalTagFast(raw: unknown): Raw | null {
  if (!isPlain(raw)) return null;
  const { at, id, interviewId, noteIds, signalId } = raw;
  if (!isUuid(id) || !isUuid(interviewId) || !isRubricId(signalId) || !isWhole(at, Number.MAX_SAFE_INTEGER)) return null;
  if (!Array.isArray(noteIds) || noteIds.length > NOTE_IDS_MAX || keyCount(raw) !== 5) return null;
  for (let i = 0; i < noteIds.length; i++) if (!isUuid(noteIds[i])) return null;
  return { at, id, interviewId, noteIds: [...noteIds], signalId };
}

function defectFindingFast(raw: unknown): Raw | null {
  if (!isPlain(raw)) return null;
  const { defectId, exerciseId, foundAt, interviewId } = raw;
  if (!isUuid(interviewId) || !isRubricId(exerciseId) || !isRubricId(defectId)) return null;
  if (!isWhole(foundAt, Number.MAX_SAFE_INTEGER) || keyCount(raw) !== 4) return null;
  return { defectId, exerciseId, foundAt, interviewId };
}

/** The tables with a hand-written check; the others are checked by their schemas alone. */
export const bundleRecordFast: Partial<Record<BundleTable, (raw: unknown) => Raw | null>> = {
  ratings: ratingFast,
  notes: noteFast,
  signalTags: signalTagFast,
  defectFindings: defectFindingFast,
};
