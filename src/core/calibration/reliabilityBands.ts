/**
 * How reliability figures are read, as data with their sources, so a report can print the band
 * next to the number and cite where the cut-offs come from.
 */

export interface ReliabilityBand<Id extends string = string> {
  id: Id;
  label: string;
  /** Inclusive lower bound; `null` = open below. */
  min: number | null;
  /** Exclusive upper bound; `null` = open above. */
  max: number | null;
  /** What a reader may conclude from a value in this band. */
  meaning: string;
}

export interface ReliabilityBandSet<Id extends string = string> {
  statistic: string;
  /** Lowest band first. */
  bands: ReadonlyArray<ReliabilityBand<Id>>;
  citation: string;
}

export type IccBandId = 'poor' | 'moderate' | 'good' | 'excellent';
export type AlphaBandId = 'unreliable' | 'tentative' | 'reliable';

/**
 * Koo & Li (2016): below .50 poor, .50–.75 moderate, .75–.90 good, above .90 excellent. The paper
 * states the cut-offs for the ICC's point estimate (and recommends reading its 95% CI the same way).
 */
export const iccBands: ReliabilityBandSet<IccBandId> = {
  statistic: 'Intraclass correlation (ICC)',
  bands: [
    { id: 'poor', label: 'Poor', min: null, max: 0.5, meaning: 'ratings mostly reflect who rated, not the candidate' },
    {
      id: 'moderate',
      label: 'Moderate',
      min: 0.5,
      max: 0.75,
      meaning: 'raters agree in part; read single ratings with care',
    },
    { id: 'good', label: 'Good', min: 0.75, max: 0.9, meaning: 'raters largely agree' },
    { id: 'excellent', label: 'Excellent', min: 0.9, max: null, meaning: 'raters agree closely' },
  ],
  citation:
    'Koo, T. K., & Li, M. Y. (2016). A guideline of selecting and reporting intraclass correlation coefficients for reliability research. Journal of Chiropractic Medicine, 15(2), 155–163.',
};

/**
 * Krippendorff (2004): rely on data with α ≥ .800; data with .667 ≤ α < .800 only for tentative
 * conclusions; below .667 the data are unreliable.
 */
export const krippendorffAlphaBands: ReliabilityBandSet<AlphaBandId> = {
  statistic: "Krippendorff's alpha (α)",
  bands: [
    {
      id: 'unreliable',
      label: 'Unreliable',
      min: null,
      max: 0.667,
      meaning: 'do not draw conclusions from these ratings',
    },
    { id: 'tentative', label: 'Tentative', min: 0.667, max: 0.8, meaning: 'tentative conclusions only' },
    { id: 'reliable', label: 'Reliable', min: 0.8, max: null, meaning: 'ratings can be relied on' },
  ],
  citation:
    'Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), p. 241. Thousand Oaks, CA: Sage.',
};

function bandOf<Id extends string>(set: ReliabilityBandSet<Id>, value: number): ReliabilityBand<Id> {
  for (const band of set.bands) {
    if ((band.min === null || value >= band.min) && (band.max === null || value < band.max)) return band;
  }
  // Unreachable for finite values: the bands cover the real line.
  throw new RangeError(`no ${set.statistic} band for ${value}`);
}

/** The Koo & Li (2016) band of an ICC value, or `null` when the ICC is unavailable. */
export function iccInterpret(value: number | null): ReliabilityBand<IccBandId> | null {
  return value === null || !Number.isFinite(value) ? null : bandOf(iccBands, value);
}

/** The Krippendorff (2004) band of an alpha value, or `null` when alpha is undefined. */
export function krippendorffAlphaInterpret(value: number | null): ReliabilityBand<AlphaBandId> | null {
  return value === null || !Number.isFinite(value) ? null : bandOf(krippendorffAlphaBands, value);
}
