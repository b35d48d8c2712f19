/**
 * Level recommendation from a calibrated dimension profile (SPEC §6): the highest level of the
 * pack's ladder whose per-dimension minimums the profile meets, every rule with whether it held,
 * red flags forcing committee review and capping the level, and what would change the answer.
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

export interface LevelChangeHint {
  dimensionId: string;
  /**
   * `no-evidence`: the dimension has no rating and a level depends on it.
   * `on-boundary`: the minimum of the supported level or of the next one lies strictly inside its
   * interval, so more evidence could move the recommendation.
   */
  why: 'no-evidence' | 'on-boundary';
  detail: string;
}

export interface LevelRecommendation {
  /** Recommended level id, after caps; `null` = below the lowest level of the ladder. */
  level: string | null;
  /** Every rule of every level, lowest level first, dimensions in pack order. */
  reasons: LevelReason[];
  /** Per level, lowest first: whether all its rules (and all lower levels') held. */
  ladder: Array<{ level: string; held: boolean }>;
  /** True when any red flag stands: the committee must review whatever the level. */
  committeeReview: boolean;
  /** Red flags whose signal caps the level, and the cap. */
  caps: Array<{ signalId: string; level: string }>;
  /** The level the profile alone supports, when a cap lowered it. */
  cappedFrom?: string;
  whatWouldChange: LevelChangeHint[];
}

/** Minimums are whole points while calibrated means are not: ignore rounding noise at the edge. */
const epsilon = 1e-9;

/**
 * Recommends a level for a calibrated profile.
 *
 * - A level is met when every dimension with a minimum at that level (`dimension.expectations[level]`)
 *   has a calibrated rating ≥ that minimum, and every lower level is met too (levels are
 *   cumulative). The recommendation is the highest level met; `null` when not even the lowest is.
 * - A dimension without evidence (missing from the profile or `calibrated: null`) meets no minimum.
 * - Any red flag sets `committeeReview`. A red flag whose signal has `levelCap` caps the level there
 *   (the lowest cap wins; `cappedFrom` keeps what the profile supported). Caps naming a level not
 *   on the ladder are ignored.
 * - `whatWouldChange` lists dimensions without evidence that some level requires, and dimensions
 *   whose interval has the minimum of the level the profile supports, or of the next level up,
 *   strictly inside it (so a zero-width interval from raters who agree exactly is never "on a
 *   boundary"). Boundaries are judged on the uncapped level: that is what the evidence says.
 */
export function levelRecommend(
  pack: Pick<RubricPack, 'levels' | 'dimensions' | 'signals'>,
  profile: LevelProfile,
  redFlags: ReadonlyArray<{ signalId: string }>,
): LevelRecommendation {
  const levelIds = pack.levels.map((l) => l.id);
  const levelTitle = new Map(pack.levels.map((l) => [l.id, l.title]));
  const actualOf = (dimensionId: string): number | null => {
    const entry = Object.hasOwn(profile, dimensionId) ? profile[dimensionId] : undefined;
    return entry && entry.calibrated !== null && Number.isFinite(entry.calibrated) ? entry.calibrated : null;
  };

  const reasons: LevelReason[] = [];
  const ladder: Array<{ level: string; held: boolean }> = [];
  let supported = -1;
  let isCumulativeHeld = true;
  levelIds.forEach((level, index) => {
    let isLevelHeld = true;
    for (const dimension of pack.dimensions) {
      const expected = dimension.expectations[level];
      if (expected === undefined) continue;
      const actual = actualOf(dimension.id);
      const held = actual !== null && actual >= expected - epsilon;
      if (!held) isLevelHeld = false;
      reasons.push({ level, dimensionId: dimension.id, expected, actual, held });
    }
    isCumulativeHeld = isCumulativeHeld && isLevelHeld;
    ladder.push({ level, held: isCumulativeHeld });
    if (isCumulativeHeld) supported = index;
  });

  const signalById = new Map(pack.signals.map((s) => [s.id, s]));
  const caps: Array<{ signalId: string; level: string }> = [];
  let capIndex = Infinity;
  for (const flag of redFlags) {
    const cap = signalById.get(flag.signalId)?.levelCap;
    if (cap === undefined) continue;
    const index = levelIds.indexOf(cap);
    if (index < 0) continue;
    caps.push({ signalId: flag.signalId, level: cap });
    capIndex = Math.min(capIndex, index);
  }

  const recommended = Math.min(supported, capIndex);
  const result: LevelRecommendation = {
    level: recommended >= 0 ? levelIds[recommended]! : null,
    reasons,
    ladder,
    committeeReview: redFlags.length > 0,
    caps,
    whatWouldChange: [],
  };
  if (recommended < supported) result.cappedFrom = levelIds[supported]!;

  const name = (level: string) => levelTitle.get(level) ?? level;
  const current = supported >= 0 ? levelIds[supported]! : null;
  const next = supported + 1 < levelIds.length ? levelIds[supported + 1]! : null;
  for (const dimension of pack.dimensions) {
    const required = levelIds.filter((level) => dimension.expectations[level] !== undefined);
    if (required.length === 0) continue;
    const actual = actualOf(dimension.id);
    if (actual === null) {
      const lowest = required[0]!;
      result.whatWouldChange.push({
        dimensionId: dimension.id,
        why: 'no-evidence',
        detail: `no rating on ${dimension.title}; ${name(lowest)} and above expect at least ${dimension.expectations[lowest]}`,
      });
      continue;
    }
    const interval = profile[dimension.id]!.interval;
    if (!interval) continue;
    const [lo, hi] = interval;
    const touches: string[] = [];
    for (const [level, direction] of [
      [next, 'up to'],
      [current, 'down from'],
    ] as const) {
      if (level === null) continue;
      const minimum = dimension.expectations[level];
      if (minimum === undefined || !(minimum > lo + epsilon && minimum < hi - epsilon)) continue;
      touches.push(`${direction} ${name(level)} (minimum ${minimum})`);
    }
    if (touches.length > 0) {
      result.whatWouldChange.push({
        dimensionId: dimension.id,
        why: 'on-boundary',
        detail: `${dimension.title} at ${round2(actual)} (interval ${round2(lo)}–${round2(hi)}) could move the level ${touches.join(' or ')}`,
      });
    }
  }
  return result;
}

function round2(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}
