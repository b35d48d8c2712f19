/** Small statistics for benchmark samples. */

export function benchMedian(samples: readonly number[]): number {
  return benchPercentile(samples, 50);
}

/** Percentile by linear interpolation between closest ranks (p in 0–100). */
export function benchPercentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function benchRound(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * One line of the result: the measured value, its floor, value ÷ floor, the target and the verdict.
 * `pass` is null when the figure is not judged: a target set for the full-size database says
 * nothing about a run on a smaller one (the quick run), so such a figure is reported, not judged.
 */
export interface BenchFigure {
  value: number;
  unit: string;
  floor: number;
  ratio: number;
  target: number;
  pass: boolean | null;
  verdict: 'pass' | 'MISS' | 'not judged at this size';
}

/** Figures whose target is set for the full-size database (5,000 candidates). */
export function benchFigureForSize(figure: BenchFigure, isFullSize: boolean): BenchFigure {
  return isFullSize ? figure : { ...figure, pass: null, verdict: 'not judged at this size' };
}

/**
 * A figure whose target applies to the ratio (value ÷ floor ≤ target) or to the value itself
 * (value ≤ target, in the value's unit).
 */
export function benchFigure(
  value: number,
  unit: string,
  floor: number,
  target: number,
  on: 'ratio' | 'value',
): BenchFigure {
  const ratio = floor > 0 ? value / floor : Number.NaN;
  const pass = on === 'ratio' ? ratio <= target : value <= target;
  return {
    value: benchRound(value),
    unit,
    floor: benchRound(floor),
    ratio: benchRound(ratio),
    target,
    pass,
    verdict: pass ? 'pass' : 'MISS',
  };
}
