/**
 * The committee's rows as they are stored: columns instead of 5,000 objects. Numbers go into one
 * Float64Array (null as NaN), small integers and string references into Int32Arrays, and every
 * string once into a table — so IndexedDB's structured clone copies a few typed arrays and one
 * string list instead of parsing an 8 MB JSON text of repeated names and titles. `committeeRowsPack`
 * and `committeeRowsUnpack` are exact inverses (the unit tests round-trip every field).
 */
import type { OverallRecommendation } from '../model/records';
import type { CommitteeRow } from './committeeRow';

export interface CommitteeRowsPacked {
  /** Layout version: a stored entry of another layout is treated as absent (recomputed). */
  format: typeof COMMITTEE_ROWS_FORMAT;
  /** Rows, and raw/calibrated numbers per row (the pack's dimensions). */
  count: number;
  dimensions: number;
  /** Every string of the rows once (ids, levels, names, titles, labels). */
  strings: string[];
  /** Per row, `RowInt.size` integers. */
  rows: Int32Array;
  /** Per row, score raw and calibrated, then raw × dimensions, then calibrated × dimensions; null = NaN. */
  numbers: Float64Array;
  /** Per interviewer of a row, `InterviewerInt.size` integers; a row's run starts at its `firstInterviewer`. */
  interviewers: Int32Array;
  /** Per row, when its latest decision was made (NaN: none). */
  decidedAt: Float64Array;
}

export const COMMITTEE_ROWS_FORMAT = 'committee-rows-1';

/** Integers per row: string references are indexes into `strings`, -1 for null. */
const RowInt = {
  candidateId: 0,
  targetLevel: 1,
  audience: 2,
  status: 3,
  level: 4,
  levelTitle: 5,
  committeeReview: 6,
  redFlagCount: 7,
  firstInterviewer: 8,
  interviewerCount: 9,
  blindLabel: 10,
  /** -1: no decision (the decision fields after it are unused). */
  decisionId: 11,
  decisionOutcome: 12,
  decisionLevel: 13,
  size: 14,
} as const;

const InterviewerInt = {
  interviewerId: 0,
  name: 1,
  kitTitle: 2,
  version: 3,
  /** -1: no overall recommendation (the fields after it are unused). */
  overall: 4,
  label: 5,
  disagreement: 6,
  size: 7,
} as const;

const numbersPerRow = (dimensions: number) => 2 + 2 * dimensions;

export function committeeRowsPack(rows: readonly CommitteeRow[], dimensions: number): CommitteeRowsPacked {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (s: string | null): number => {
    if (s === null) return -1;
    let i = indexOf.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      indexOf.set(s, i);
    }
    return i;
  };
  const interviewerTotal = rows.reduce((n, r) => n + r.interviewers.length, 0);
  const ints = new Int32Array(rows.length * RowInt.size);
  const numbers = new Float64Array(rows.length * numbersPerRow(dimensions));
  const people = new Int32Array(interviewerTotal * InterviewerInt.size);
  const decidedAt = new Float64Array(rows.length);
  const num = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);
  let person = 0;
  rows.forEach((row, r) => {
    if (row.raw.length !== dimensions || row.calibrated.length !== dimensions)
      throw new Error(`committee row ${row.candidateId}: ${row.raw.length} dimensions, the pack has ${dimensions}`);
    const at = r * RowInt.size;
    ints[at + RowInt.candidateId] = ref(row.candidateId);
    ints[at + RowInt.targetLevel] = ref(row.targetLevel);
    ints[at + RowInt.audience] = ref(row.audience);
    ints[at + RowInt.status] = ref(row.recommendation.status);
    ints[at + RowInt.level] = ref(row.recommendation.level);
    ints[at + RowInt.levelTitle] = ref(row.recommendation.levelTitle);
    ints[at + RowInt.committeeReview] = row.recommendation.committeeReview ? 1 : 0;
    ints[at + RowInt.redFlagCount] = row.redFlagCount;
    ints[at + RowInt.firstInterviewer] = person;
    ints[at + RowInt.interviewerCount] = row.interviewers.length;
    ints[at + RowInt.blindLabel] = ref(row.blindLabel);
    ints[at + RowInt.decisionId] = ref(row.decision?.id ?? null);
    ints[at + RowInt.decisionOutcome] = ref(row.decision?.outcome ?? null);
    ints[at + RowInt.decisionLevel] = ref(row.decision?.level ?? null);
    decidedAt[r] = num(row.decision?.decidedAt);
    const n = r * numbersPerRow(dimensions);
    numbers[n] = num(row.score.raw);
    numbers[n + 1] = num(row.score.calibrated);
    for (let d = 0; d < dimensions; d++) {
      numbers[n + 2 + d] = num(row.raw[d]);
      numbers[n + 2 + dimensions + d] = num(row.calibrated[d]);
    }
    for (const i of row.interviewers) {
      const p = person * InterviewerInt.size;
      people[p + InterviewerInt.interviewerId] = ref(i.interviewerId);
      people[p + InterviewerInt.name] = ref(i.name);
      people[p + InterviewerInt.kitTitle] = ref(i.kitTitle);
      people[p + InterviewerInt.version] = i.version;
      people[p + InterviewerInt.overall] = i.overall ? ref(i.overall.recommendation) : -1;
      people[p + InterviewerInt.label] = i.overall ? ref(i.overall.label) : -1;
      people[p + InterviewerInt.disagreement] = i.overall ? ref(i.overall.disagreement) : -1;
      person++;
    }
  });
  return {
    format: COMMITTEE_ROWS_FORMAT,
    count: rows.length,
    dimensions,
    strings,
    rows: ints,
    numbers,
    interviewers: people,
    decidedAt,
  };
}

/** True when `value` is a stored entry of this layout (anything else is recomputed). */
export function committeeRowsIsPacked(value: unknown): value is CommitteeRowsPacked {
  const v = value as Partial<CommitteeRowsPacked> | null | undefined;
  return (
    !!v &&
    v.format === COMMITTEE_ROWS_FORMAT &&
    v.rows instanceof Int32Array &&
    v.numbers instanceof Float64Array &&
    v.interviewers instanceof Int32Array &&
    v.decidedAt instanceof Float64Array &&
    Array.isArray(v.strings)
  );
}

export function committeeRowsUnpack(packed: CommitteeRowsPacked): CommitteeRow[] {
  const { strings, rows: ints, numbers, interviewers: people, decidedAt, dimensions } = packed;
  const str = (i: number) => strings[i]!;
  const strOrNull = (i: number) => (i < 0 ? null : strings[i]!);
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const perRow = numbersPerRow(dimensions);
  const out = new Array<CommitteeRow>(packed.count);
  for (let r = 0; r < packed.count; r++) {
    const at = r * RowInt.size;
    const n = r * perRow;
    const raw = new Array<number | null>(dimensions);
    const calibrated = new Array<number | null>(dimensions);
    for (let d = 0; d < dimensions; d++) {
      raw[d] = num(numbers[n + 2 + d]!);
      calibrated[d] = num(numbers[n + 2 + dimensions + d]!);
    }
    const first = ints[at + RowInt.firstInterviewer]!;
    const interviewers: CommitteeRow['interviewers'] = new Array(ints[at + RowInt.interviewerCount]!);
    for (let k = 0; k < interviewers.length; k++) {
      const p = (first + k) * InterviewerInt.size;
      const overall = people[p + InterviewerInt.overall]!;
      interviewers[k] = {
        interviewerId: str(people[p + InterviewerInt.interviewerId]!),
        name: str(people[p + InterviewerInt.name]!),
        kitTitle: str(people[p + InterviewerInt.kitTitle]!),
        version: people[p + InterviewerInt.version]!,
        overall:
          overall < 0
            ? null
            : {
                recommendation: str(overall) as OverallRecommendation,
                label: str(people[p + InterviewerInt.label]!),
                disagreement: strOrNull(people[p + InterviewerInt.disagreement]!),
              },
      };
    }
    const decisionId = ints[at + RowInt.decisionId]!;
    out[r] = {
      candidateId: str(ints[at + RowInt.candidateId]!),
      blindLabel: str(ints[at + RowInt.blindLabel]!),
      targetLevel: str(ints[at + RowInt.targetLevel]!),
      audience: str(ints[at + RowInt.audience]!) as CommitteeRow['audience'],
      score: { raw: num(numbers[n]!), calibrated: num(numbers[n + 1]!) },
      raw,
      calibrated,
      recommendation: {
        status: str(ints[at + RowInt.status]!) as CommitteeRow['recommendation']['status'],
        level: strOrNull(ints[at + RowInt.level]!),
        levelTitle: strOrNull(ints[at + RowInt.levelTitle]!),
        committeeReview: ints[at + RowInt.committeeReview] === 1,
      },
      interviewers,
      redFlagCount: ints[at + RowInt.redFlagCount]!,
      decision:
        decisionId < 0
          ? null
          : {
              id: str(decisionId),
              outcome: str(ints[at + RowInt.decisionOutcome]!) as NonNullable<CommitteeRow['decision']>['outcome'],
              level: strOrNull(ints[at + RowInt.decisionLevel]!),
              decidedAt: decidedAt[r]!,
            },
    };
  }
  return out;
}
