/**
 * Reliability in plain words (SPEC §6 "Agreement"): beside α and ICC, what the panel agreed on,
 * what it did not, how far the figures can be trusted with this many candidates, and why ICC is
 * missing when it is. The figures stay; these sentences say what they mean for a decision.
 */
import type { Calibration } from '../calibration/calibrateRatings';
import {
  iccBands,
  iccInterpret,
  krippendorffAlphaBands,
  krippendorffAlphaInterpret,
} from '../calibration/reliabilityBands';
import type { Dimension } from '../rubric/schema';
import type { ReportReliability, ReportReliabilityRow } from './reportBuild';

/** Below this many candidates on a dimension, one unusual candidate can swing α a long way. */
export const RELIABILITY_FEW_CANDIDATES = 10;
/** From this many candidates on, α is a fair guide (its interval is narrow enough to act on). */
export const RELIABILITY_ENOUGH_CANDIDATES = 30;

const round3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000 + 0);

function rowMeaning(alpha: number | null, alphaReason: string | null, candidates: number): string {
  if (alpha === null) {
    return candidates < 2
      ? 'Not enough candidates rated by two or more interviewers to tell whether the panel agrees.'
      : `Agreement cannot be computed: ${alphaReason ?? 'no pairable ratings'}.`;
  }
  if (alpha >= 0.8) return 'Interviewers rating the same candidate largely gave the same score.';
  if (alpha >= 0.667) return 'Interviewers mostly agreed; treat differences of one point as noise.';
  if (alpha >= 0.3) return 'Interviewers often disagreed on the same candidate; read this dimension with care.';
  return 'Interviewers disagreed about as often as chance would have it; this dimension says little on its own.';
}

function reliabilityRow(dimension: Dimension, calibration: Calibration): ReportReliabilityRow {
  const agreement = calibration.dimensions[dimension.id];
  const alpha = agreement?.krippendorffAlpha.ordinal;
  const icc = agreement?.icc;
  const alphaValue = alpha?.alpha ?? null;
  const alphaReason = alpha?.reason ?? (agreement ? null : 'no ratings in the pool');
  const candidates = agreement?.candidates ?? 0;
  return {
    dimensionId: dimension.id,
    title: dimension.title,
    candidates,
    raters: agreement?.raters ?? 0,
    alphaOrdinal: round3(alphaValue),
    alphaReason,
    alphaBand: krippendorffAlphaInterpret(alphaValue)?.label ?? null,
    icc2: icc?.ok ? round3(icc.value.ICC2) : null,
    iccReason: icc && !icc.ok ? icc.reason : icc ? null : 'no ratings in the pool',
    iccBand: icc?.ok ? (iccInterpret(icc.value.ICC2)?.label ?? null) : null,
    meaning: rowMeaning(alphaValue, alphaReason, candidates),
  };
}

const list = (titles: string[]) =>
  titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;

/** The reliability section of a report: one row per dimension and the plain-words summary. */
export function reportReliability(dimensions: readonly Dimension[], calibration: Calibration): ReportReliability {
  const rows = dimensions.map((d) => reliabilityRow(d, calibration));
  const agreed = rows.filter((r) => r.alphaOrdinal !== null && r.alphaOrdinal >= 0.667).map((r) => r.title);
  const notAgreed = rows.filter((r) => r.alphaOrdinal !== null && r.alphaOrdinal < 0.667).map((r) => r.title);
  const unknown = rows.filter((r) => r.alphaOrdinal === null).map((r) => r.title);
  const counts = rows.filter((r) => r.alphaOrdinal !== null).map((r) => r.candidates);
  const fewest = counts.length > 0 ? Math.min(...counts) : 0;

  const trust =
    counts.length === 0
      ? 'No dimension has two interviewers rating the same candidate yet, so agreement cannot be judged.'
      : fewest < RELIABILITY_FEW_CANDIDATES
        ? `The figures rest on as few as ${fewest} candidate${fewest === 1 ? '' : 's'} per dimension: one unusual candidate can move them a long way. Read them as a first hint, not a verdict on the panel.`
        : fewest < RELIABILITY_ENOUGH_CANDIDATES
          ? `The figures rest on ${fewest} or more candidates per dimension: a rough guide; differences of 0.1 between dimensions mean little.`
          : `The figures rest on ${fewest} or more candidates per dimension: enough to take them as a fair guide to how consistently the panel rates.`;

  const notCrossed = rows.filter((r) => r.icc2 === null && (r.iccReason ?? '').startsWith('not fully crossed'));
  const iccMissing = rows.every((r) => r.icc2 !== null)
    ? null
    : notCrossed.length > 0
      ? 'ICC needs every interviewer to rate every candidate on a dimension. Here each candidate met a different part of the panel, so ICC cannot be computed; Krippendorff’s α, which allows for missing ratings, is given instead.'
      : 'ICC is missing where too few candidates were rated by the same interviewers, or where the ratings do not vary; the reason is on each row.';

  return {
    rows,
    sources: [krippendorffAlphaBands.citation, iccBands.citation],
    summary: {
      agreed: agreed.length > 0 ? `The panel agreed well on ${list(agreed)}.` : 'There is no dimension the panel agreed on well yet.',
      notAgreed:
        (notAgreed.length > 0
          ? `It did not agree well on ${list(notAgreed)}: there, one interviewer's rating can differ from another's for the same candidate, so weigh the notes more than the number.`
          : 'No dimension shows poor agreement.') +
        (unknown.length > 0 ? ` Agreement is unknown for ${list(unknown)}.` : ''),
      trust,
      iccMissing,
    },
  };
}
