/**
 * Scoring a practice run against its case's expert key (SPEC §7a): per dimension the
 * interviewer's rating beside the key's, the distance and its direction, the anchor that applies
 * and the expert's reason; signals the key holds that were missed, and signals tagged that it does
 * not hold. A practice run is its own record: nothing here reads or writes real evidence.
 */
import { z } from 'zod';
import { jsonDepthScan } from '../canonical/jsonDepth';
import { JSON_MAX_DEPTH } from '../limits/inputLimits';
import type { PracticeCase } from '../rubric/practiceSchema';
import { rubricIdSchema, type RubricPack, type SignalPolarity } from '../rubric/schema';

/** What an interviewer gave on a practice case: a rating (or "no-evidence") per dimension, signals tagged. */
export const practiceRunSchema = z.strictObject({
  caseId: rubricIdSchema,
  ratings: z.record(rubricIdSchema, z.union([z.number().int().min(1).max(4), z.literal('no-evidence')])),
  signals: z.array(rubricIdSchema).max(200).default([]),
});
export type PracticeRun = z.infer<typeof practiceRunSchema>;

export type PracticeRating = number | 'no-evidence';

export interface PracticeDimensionResult {
  dimensionId: string;
  title: string;
  /** The interviewer's rating; `null` = left unrated. */
  rating: PracticeRating | null;
  key: PracticeRating;
  /** |rating − key| on the scale; `null` when either side is not a number. */
  distance: number | null;
  /** lenient = above the key, severe = below; `mismatch` = one side "no evidence" or unrated. */
  direction: 'match' | 'lenient' | 'severe' | 'mismatch';
  /** The anchor of the key's rating: its label, summary and the behavioural example the evidence matches. */
  anchor: { score: number; label: string; summary: string; example: string | null } | null;
  why: string;
}

export interface PracticeSignalRef {
  id: string;
  title: string;
  polarity: SignalPolarity;
}

export interface PracticeScore {
  caseId: string;
  title: string;
  dimensions: PracticeDimensionResult[];
  /** Mean |rating − key| over dimensions where both are numbers; `null` when there are none. */
  meanAbsoluteDistance: number | null;
  /** Mean signed (rating − key) over the same dimensions: + lenient, − severe. */
  meanSignedDistance: number | null;
  signals: { matched: PracticeSignalRef[]; missed: PracticeSignalRef[]; extra: PracticeSignalRef[] };
  keyLevel: string;
}

export type PracticeScoreResult = { ok: true; value: PracticeScore } | { ok: false; message: string };

/**
 * Scores `run` against the key of the pack's case `run.caseId`. A run that names an unknown case,
 * a dimension the key does not rate, or a signal the pack does not know is refused with one line
 * saying which; nothing is scored then.
 */
export function practiceScore(pack: RubricPack, run: PracticeRun): PracticeScoreResult {
  const practiceCase = (pack.practiceCases ?? []).find((c) => c.id === run.caseId);
  if (!practiceCase) {
    const known = (pack.practiceCases ?? []).map((c) => c.id).join(', ') || 'none';
    return { ok: false, message: `pack "${pack.manifest.id}" has no practice case "${run.caseId}" (cases: ${known})` };
  }
  const keyed = practiceCase.key.ratings.map((r) => r.dimension);
  const stray = Object.keys(run.ratings).find((d) => !keyed.includes(d));
  if (stray !== undefined) {
    return {
      ok: false,
      message: `the run rates "${stray}", which case "${practiceCase.id}" does not ask for (it asks for ${keyed.join(', ')})`,
    };
  }
  const unknownSignal = run.signals.find((s) => !pack.signals.some((p) => p.id === s));
  if (unknownSignal !== undefined) {
    return {
      ok: false,
      message: `the run tags signal "${unknownSignal}", which pack "${pack.manifest.id}" does not know`,
    };
  }
  const dimensions = practiceCase.key.ratings.map((k) => dimensionResult(pack, k, run.ratings[k.dimension] ?? null));
  const numeric = dimensions.filter((d) => d.distance !== null);
  const signed = numeric.map((d) => (d.rating as number) - (d.key as number));
  const signalRef = (id: string): PracticeSignalRef => {
    const s = pack.signals.find((p) => p.id === id)!;
    return { id, title: s.title, polarity: s.polarity };
  };
  const tagged = [...new Set(run.signals)];
  return {
    ok: true,
    value: {
      caseId: practiceCase.id,
      title: practiceCase.title,
      dimensions,
      meanAbsoluteDistance: numeric.length === 0 ? null : signed.reduce((a, x) => a + Math.abs(x), 0) / numeric.length,
      meanSignedDistance: numeric.length === 0 ? null : signed.reduce((a, x) => a + x, 0) / numeric.length,
      signals: {
        matched: practiceCase.key.signals.filter((s) => tagged.includes(s)).map(signalRef),
        missed: practiceCase.key.signals.filter((s) => !tagged.includes(s)).map(signalRef),
        extra: tagged.filter((s) => !practiceCase.key.signals.includes(s)).map(signalRef),
      },
      keyLevel: practiceCase.key.level,
    },
  };
}

function dimensionResult(
  pack: RubricPack,
  key: PracticeCase['key']['ratings'][number],
  rating: PracticeRating | null,
): PracticeDimensionResult {
  const dimension = pack.dimensions.find((d) => d.id === key.dimension)!;
  const anchor = key.rating === 'no-evidence' ? undefined : dimension.anchors.find((a) => a.score === key.rating);
  const isNumeric = typeof rating === 'number' && typeof key.rating === 'number';
  const difference = isNumeric ? (rating as number) - (key.rating as number) : null;
  return {
    dimensionId: key.dimension,
    title: dimension.title,
    rating,
    key: key.rating,
    distance: difference === null ? null : Math.abs(difference),
    direction:
      difference === null
        ? rating === key.rating
          ? 'match'
          : 'mismatch'
        : difference === 0
          ? 'match'
          : difference > 0
            ? 'lenient'
            : 'severe',
    anchor: anchor
      ? {
          score: anchor.score,
          label: anchor.label,
          summary: anchor.summary,
          example: key.example === undefined ? null : (anchor.examples[key.example - 1] ?? null),
        }
      : null,
    why: key.why,
  };
}

/** Parses a practice run from JSON text; one line naming what is wrong and where. */
export function practiceRunParse(
  text: string,
  file: string,
): { ok: true; value: PracticeRun } | { ok: false; message: string } {
  if (!jsonDepthScan(text, JSON_MAX_DEPTH).ok) {
    return { ok: false, message: `${file}: nested deeper than ${JSON_MAX_DEPTH} levels` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${file}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = practiceRunSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return { ok: false, message: `${file}: ${where}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}
