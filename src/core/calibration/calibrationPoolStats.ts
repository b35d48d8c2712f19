/**
 * The pool half of calibration: rater leniency and agreement per dimension, from typed-array
 * columns with no object per rating. Linear in the number of ratings.
 */
import { calibrationAgreement } from './calibrationAgreement';
import type { CalibrationColumns } from './calibrationColumns';
import { calibrationLeniency } from './calibrationLeniency';
import { calibrationPoolCells, type CalibrationPoolCells } from './calibrationPoolCells';
import {
  calibrationDefaults,
  type CalibrationOptions,
  type CalibrationPoolStats,
  type DimensionAgreement,
  type RaterCalibration,
  type ResolvedCalibrationOptions,
} from './calibrationTypes';
import { recordSet } from './recordSet';

/** Options with their defaults filled in; throws a RangeError for an impossible value. */
export function calibrationOptionsResolve(
  options: Omit<CalibrationOptions, 'dimensionIds'> = {},
): ResolvedCalibrationOptions {
  const opts: ResolvedCalibrationOptions = {
    shrinkage: options.shrinkage ?? calibrationDefaults.shrinkage,
    minDimensionComparisons: options.minDimensionComparisons ?? calibrationDefaults.minDimensionComparisons,
    confidence: options.confidence ?? calibrationDefaults.confidence,
    lowAgreementSpread: options.lowAgreementSpread ?? calibrationDefaults.lowAgreementSpread,
    lowAgreementAlpha: options.lowAgreementAlpha ?? calibrationDefaults.lowAgreementAlpha,
  };
  if (!(opts.shrinkage >= 0)) throw new RangeError('calibrateRatings: shrinkage must be ≥ 0');
  if (!(opts.confidence > 0 && opts.confidence < 1))
    throw new RangeError('calibrateRatings: confidence must be in (0, 1)');
  return opts;
}

/** Leniency offsets (see `calibrationLeniency`) and agreement over the whole pool (SPEC §6), keyed in id order. */
export function calibrationPoolStats(
  columns: CalibrationColumns,
  options: Omit<CalibrationOptions, 'dimensionIds'> = {},
): CalibrationPoolStats {
  return calibrationPoolStatsOfCells(columns, calibrationPoolCells(columns), options);
}

/** `calibrationPoolStats` over cells already grouped (see `calibrationPoolCells`). */
export function calibrationPoolStatsOfCells(
  columns: CalibrationColumns,
  cells: CalibrationPoolCells,
  options: Omit<CalibrationOptions, 'dimensionIds'> = {},
): CalibrationPoolStats {
  const opts = calibrationOptionsResolve(options);
  const leniency = calibrationLeniency(columns, cells, opts, options.shrinkage);
  opts.shrinkage = leniency.model.shrinkage;
  const raters: Record<string, RaterCalibration> = {};
  for (const record of leniency.raters) recordSet(raters, record.interviewerId, record);
  const dimensions: Record<string, DimensionAgreement> = {};
  for (const agreement of calibrationAgreement(columns, cells)) recordSet(dimensions, agreement.dimensionId, agreement);
  return {
    options: opts,
    dimensionIds: [...columns.dimensionIds],
    explicitDimensionIds: [...columns.explicitDimensionIds],
    raters,
    dimensions,
    model: leniency.model,
  };
}
