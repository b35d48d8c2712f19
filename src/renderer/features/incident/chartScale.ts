/**
 * Axis arithmetic for the hand-drawn metric charts: "nice" tick steps (1, 2, 5 × 10^n), a value
 * range that keeps zero in view for rates and counts but zooms in on success-rate style
 * percentages, and time ticks on whole minutes.
 */

function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * The value axis for `values` (and the alert threshold, which must stay in view): from 0 for
 * non-negative data, except percentages that live above 90 (success rates, checks passing), which
 * show their top band up to 100 so a drop of a few points is visible.
 */
export function chartValueAxis(values: readonly number[], threshold: number | null, unit: string, maxTicks = 4): ValueAxis {
  const all = threshold === null ? [...values] : [...values, threshold];
  if (all.length === 0) all.push(0, 1);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (unit === '%' && lo > 90 && hi <= 100) {
    lo = Math.max(0, Math.floor(lo - Math.max(1, (hi - lo) * 2)));
    hi = 100;
  } else {
    if (lo >= 0) lo = 0;
    if (hi <= lo) hi = lo + 1;
    hi = hi * 1.08;
    if (unit === '%' && hi > 100 && Math.max(...all) <= 100) hi = 100;
  }
  const step = niceStep(hi - lo, maxTicks);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return { min, max: max > min ? max : min + step, ticks };
}

const minute = 60_000;
const timeSteps = [1, 2, 5, 10, 15, 30, 60].map((m) => m * minute);

/** Whole-minute ticks over [startMs, endMs], at most `maxTicks` + 1 of them. */
export function chartTimeTicks(startMs: number, endMs: number, maxTicks = 6): number[] {
  const span = Math.max(minute, endMs - startMs);
  const step = timeSteps.find((s) => span / s <= maxTicks) ?? timeSteps[timeSteps.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / step) * step; t <= endMs; t += step) ticks.push(t);
  return ticks;
}

/** A tick label with as many decimals as the tick step needs; 12 000 → "12k". */
export function chartTickText(value: number, step: number): string {
  if (Math.abs(value) >= 10_000 && step >= 1000) return `${Number((value / 1000).toFixed(1))}k`;
  const stepText = String(Number(step.toFixed(10)));
  const decimals = stepText.includes('.') ? stepText.split('.')[1]!.length : 0;
  return value.toFixed(decimals);
}

/** A value with its unit the way monitoring screens print it: "2.4%", "980 ms", "170 orders/min". */
export function chartValueText(value: number, unit: string, decimals: number): string {
  const number = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
