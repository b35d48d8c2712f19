/**
 * Level recommendation from a calibrated dimension profile (SPEC §6): the highest level of the
 * pack's ladder whose per-dimension minimums the profile meets, every rule with whether it held,
 * red flags forcing committee review and capping the level, whether there is enough evidence to
 * recommend at all, and what would change the answer.
 */
import type { RubricPack } from '../rubric/schema';

/** A candidate's calibrated rating on one dimension, with its interval when known. */
export interface LevelProfileEntry {
  /** Calibrated mean rating; `null` = no evidence. */
  calibrated: number | null;
  /** Uncertainty interval of the calibrated mean (e.g. the 90% t interval); used for boundaries. */
  interval?: readonly [number, number] | null;
}

export type LevelProfile = Readonly<Record<string, LevelProfileEntry>>;

/** One rule of the ladder: the dimension's minimum at a level, and whether the profile meets it. */
export interface LevelReason {
  level: string;
  dimensionId: string;
  /** The minimum calibrated rating the pack expects at this level. */
  expected: number;
  /** The calibrated rating; `null` = no evidence (which never meets a minimum). */
  actual: number | null;
  held: boolean;
}

/**
 * One way the recommendation could move.
 * - `up`: a dimension below its minimum at the next level up (`gap` = minimum − rating), or
 *   without evidence there (`actual` and `gap` null). Never listed when a red flag caps the level.
 * - `down`: a dimension whose interval has the current level's minimum strictly inside it, so more
 *   evidence could put it below.
 */
export interface LevelChangeHint {
  dimensionId: string;
  direction: 'up' | 'down';
  /** The level concerned: the next one up, or the current one. */
  level: string;
  minimum: number;
  actual: number | null;
  gap: number | null;
  interval: readonly [number, number] | null;
  detail: string;
}

/** Why the evidence is not yet enough to recommend a level. */
export type LevelMissingEvidence =
  | { kind: 'scorecards'; sealed: number; planned: number; detail: string }
  | { kind: 'dimension'; dimensionId: string; detail: string };

/** Scorecards of the candidate's loop: how many are sealed of how many are planned. */
export interface LevelScorecardCount {
  sealed: number;
  planned: number;
}

export interface LevelRecommendation {
  /**
   * - `recommended`: `level` is the recommendation.
   * - `below-lowest`: the evidence is complete and does not meet the lowest level.
   * - `not-enough-evidence`: scorecards are missing or a level-deciding dimension has no rating;
   *   `missing` says what, and `level` is null (`provisionalLevel` is what the evidence so far gives).
   */
  status: 'recommended' | 'below-lowest' | 'not-enough-evidence';
  /** Recommended level id, after caps; `null` unless `status` is `recommended`. */
  level: string | null;
  /** The level the evidence so far supports, after caps, whatever the status (null = below lowest). */
  provisionalLevel: string | null;
  missing: LevelMissingEvidence[];
  /** Every rule of every level, lowest level first, dimensions in pack order. */
  reasons: LevelReason[];
  /** Per level, lowest first: whether all its rules (and all lower levels') held. */
  ladder: Array<{ level: string; held: boolean }>;
  /** True when any red flag stands: the committee must review whatever the level. */
  committeeReview: boolean;
  /** Red flags whose signal caps the level, and the cap (one entry per signal). */
  caps: Array<{ signalId: string; level: string }>;
  /** The level the profile alone supports, when a cap lowered it. */
  cappedFrom?: string;
  /** When a cap binds: that ratings cannot raise the level, only the committee's review of the flag. */
  capNote: string | null;
  whatWouldChange: LevelChangeHint[];
}

/** Minimums are whole points while calibrated means are not: ignore rounding noise at the edge. */
const epsilon = 1e-9;

type LevelPack = Pick<RubricPack, 'levels' | 'dimensions' | 'signals'>;

/**
 * Recommends a level for a calibrated profile.
 *
 * - A level is met when every dimension with a minimum at that level (`dimension.expectations[level]`)
 *   has a calibrated rating ≥ that minimum, and every lower level is met too (levels are
 *   cumulative). A dimension without evidence meets no minimum.
 * - Any red flag sets `committeeReview`. A red flag whose signal has `levelCap` caps the level there
 *   (the lowest cap wins; `cappedFrom` keeps what the profile supported). Caps naming a level not
 *   on the ladder are ignored.
 * - Not enough evidence: fewer scorecards sealed than planned (or none at all), or a dimension
 *   without evidence that decides the level — one with a minimum at a level the rest of the
 *   profile (and any cap) would reach. A missing rating is never read as a low one.
 * - What would change this: for the next level up (only when no cap holds the level where it is),
 *   each dimension below its minimum there with the gap; for the current level, each dimension
 *   whose interval has that level's minimum strictly inside (a zero-width interval from raters who
 *   agree exactly is never on a boundary).
 */
export function levelRecommend(
  pack: LevelPack,
  profile: LevelProfile,
  redFlags: ReadonlyArray<{ signalId: string }>,
  scorecards?: LevelScorecardCount,
): LevelRecommendation {
  const levelIds = pack.levels.map((l) => l.id);
  const actualOf = (dimensionId: string): number | null => {
    const entry = Object.hasOwn(profile, dimensionId) ? profile[dimensionId] : undefined;
    return entry && entry.calibrated !== null && Number.isFinite(entry.calibrated) ? entry.calibrated : null;
  };
  const intervalOf = (dimensionId: string) => (Object.hasOwn(profile, dimensionId) ? (profile[dimensionId]?.interval ?? null) : null);

  const reasons = levelReasons(pack, actualOf);
  const ladder = levelLadder(levelIds, reasons);
  // Cumulative: the held levels are a prefix of the ladder.
  const supported = ladder.filter((l) => l.held).length - 1;
  const { caps, capIndex } = levelCaps(pack, redFlags);
  const recommended = Math.min(supported, capIndex);

  const name = (level: string) => pack.levels.find((l) => l.id === level)?.title ?? level;
  const missing = levelMissingEvidence(pack, actualOf, Math.min(capIndex, levelReachedWithoutGaps(levelIds, reasons)), scorecards, name);
  const status = missing.length > 0 ? 'not-enough-evidence' : recommended >= 0 ? 'recommended' : 'below-lowest';

  const capNote =
    capIndex <= supported && capIndex >= 0
      ? `A red flag caps the level at ${name(levelIds[capIndex]!)}: no rating can raise it; only the committee's review of the flag can.`
      : null;
  // With a cap holding the level, naming ways up would contradict it.
  const nextIndex = capNote ? -1 : recommended + 1 < levelIds.length && recommended + 1 <= capIndex ? recommended + 1 : -1;
  const whatWouldChange = [
    ...(nextIndex >= 0 ? levelHintsUp(pack, levelIds[nextIndex]!, actualOf, intervalOf, name) : []),
    ...(recommended >= 0 ? levelHintsDown(pack, levelIds[recommended]!, actualOf, intervalOf, name) : []),
  ];

  const result: LevelRecommendation = {
    status,
    level: status === 'recommended' ? levelIds[recommended]! : null,
    provisionalLevel: recommended >= 0 ? levelIds[recommended]! : null,
    missing,
    reasons,
    ladder,
    committeeReview: redFlags.length > 0,
    caps,
    capNote,
    whatWouldChange,
  };
  if (recommended < supported) result.cappedFrom = levelIds[supported]!;
  return result;
}

function levelReasons(pack: LevelPack, actualOf: (dimensionId: string) => number | null): LevelReason[] {
  const reasons: LevelReason[] = [];
  for (const { id: level } of pack.levels) {
    for (const dimension of pack.dimensions) {
      const expected = dimension.expectations[level];
      if (expected === undefined) continue;
      const actual = actualOf(dimension.id);
      reasons.push({ level, dimensionId: dimension.id, expected, actual, held: actual !== null && actual >= expected - epsilon });
    }
  }
  return reasons;
}

/** Levels are cumulative: a level holds when its rules and every lower level's rules hold. */
function levelLadder(levelIds: readonly string[], reasons: readonly LevelReason[]): Array<{ level: string; held: boolean }> {
  let isCumulativeHeld = true;
  return levelIds.map((level) => {
    isCumulativeHeld = isCumulativeHeld && reasons.every((r) => r.level !== level || r.held);
    return { level, held: isCumulativeHeld };
  });
}

/** The highest level index reached if every dimension without evidence met its minimums. */
function levelReachedWithoutGaps(levelIds: readonly string[], reasons: readonly LevelReason[]): number {
  let reached = -1;
  for (const [index, level] of levelIds.entries()) {
    if (!reasons.every((r) => r.level !== level || r.held || r.actual === null)) break;
    reached = index;
  }
  return reached;
}

/** Caps of the red flags, one per signal; `capIndex` is the lowest (Infinity when none). */
function levelCaps(pack: LevelPack, redFlags: ReadonlyArray<{ signalId: string }>) {
  const levelIds = pack.levels.map((l) => l.id);
  const caps: Array<{ signalId: string; level: string }> = [];
  let capIndex = Infinity;
  for (const flag of redFlags) {
    const cap = pack.signals.find((s) => s.id === flag.signalId)?.levelCap;
    const index = cap === undefined ? -1 : levelIds.indexOf(cap);
    if (index < 0 || caps.some((c) => c.signalId === flag.signalId)) continue;
    caps.push({ signalId: flag.signalId, level: cap! });
    capIndex = Math.min(capIndex, index);
  }
  return { caps, capIndex };
}

function levelMissingEvidence(
  pack: LevelPack,
  actualOf: (dimensionId: string) => number | null,
  decidingUpTo: number,
  scorecards: LevelScorecardCount | undefined,
  name: (level: string) => string,
): LevelMissingEvidence[] {
  const missing: LevelMissingEvidence[] = [];
  if (scorecards && (scorecards.sealed < scorecards.planned || scorecards.sealed === 0)) {
    missing.push({
      kind: 'scorecards',
      ...scorecards,
      detail: `${scorecards.sealed} of ${scorecards.planned} planned scorecards sealed`,
    });
  }
  const levelIds = pack.levels.map((l) => l.id);
  for (const dimension of pack.dimensions) {
    if (actualOf(dimension.id) !== null) continue;
    const deciding = levelIds.slice(0, decidingUpTo + 1).filter((level) => dimension.expectations[level] !== undefined);
    if (deciding.length === 0) continue;
    const top = deciding.at(-1)!;
    missing.push({
      kind: 'dimension',
      dimensionId: dimension.id,
      detail: `no rating on ${dimension.title} (${name(top)} needs at least ${dimension.expectations[top]})`,
    });
  }
  return missing;
}

function levelHintsUp(
  pack: LevelPack,
  next: string,
  actualOf: (dimensionId: string) => number | null,
  intervalOf: (dimensionId: string) => readonly [number, number] | null,
  name: (level: string) => string,
): LevelChangeHint[] {
  const hints: LevelChangeHint[] = [];
  for (const dimension of pack.dimensions) {
    const minimum = dimension.expectations[next];
    if (minimum === undefined) continue;
    const actual = actualOf(dimension.id);
    if (actual !== null && actual >= minimum - epsilon) continue;
    const gap = actual === null ? null : minimum - actual;
    hints.push({
      dimensionId: dimension.id,
      direction: 'up',
      level: next,
      minimum,
      actual,
      gap,
      interval: intervalOf(dimension.id),
      detail:
        actual === null
          ? `${name(next)} needs ${dimension.title} at ${minimum} or more; it has no rating yet`
          : `${name(next)} needs ${dimension.title} at ${minimum} or more; it is ${round2(actual)} (${round2(gap!)} short)`,
    });
  }
  return hints;
}

function levelHintsDown(
  pack: LevelPack,
  current: string,
  actualOf: (dimensionId: string) => number | null,
  intervalOf: (dimensionId: string) => readonly [number, number] | null,
  name: (level: string) => string,
): LevelChangeHint[] {
  const hints: LevelChangeHint[] = [];
  for (const dimension of pack.dimensions) {
    const minimum = dimension.expectations[current];
    const actual = actualOf(dimension.id);
    const interval = intervalOf(dimension.id);
    if (minimum === undefined || actual === null || !interval) continue;
    const [lo, hi] = interval;
    if (!(minimum > lo + epsilon && minimum < hi - epsilon)) continue;
    hints.push({
      dimensionId: dimension.id,
      direction: 'down',
      level: current,
      minimum,
      actual,
      gap: null,
      interval,
      detail: `${dimension.title} is ${round2(actual)}, but its interval ${round2(lo)}–${round2(hi)} reaches below the ${name(current)} minimum of ${minimum}: more evidence could drop the level`,
    });
  }
  return hints;
}

function round2(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}
