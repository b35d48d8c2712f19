/**
 * A calibration for some candidates from stored pool statistics and those candidates' own ratings:
 * what a report needs without reading or refitting the whole pool. With statistics of the current
 * pool it equals `calibrateRatings` over the whole pool, restricted to these candidates.
 */
import { calibrationCandidatesOwn } from './calibrateRatings';
import { calibrationCandidate } from './calibrationCandidate';
import { calibrationColumnsFrom } from './calibrationColumns';
import type { Calibration, CalibrationPoolStats, CandidateCalibration, RatingObservation } from './calibrationTypes';
import { recordSet } from './recordSet';

export function calibrationFromPoolStats(
  stats: CalibrationPoolStats,
  ownRatings: readonly RatingObservation[],
): Calibration {
  const columns = calibrationColumnsFrom(ownRatings, stats.explicitDimensionIds);
  const candidates: Record<string, CandidateCalibration> = {};
  for (const own of calibrationCandidatesOwn(columns))
    recordSet(candidates, own.candidateId, calibrationCandidate(own, stats));
  return { options: stats.options, raters: stats.raters, candidates, dimensions: stats.dimensions, model: stats.model };
}
