/**
 * Pool statistics as they are stored: the raters' offsets — 200 interviewers × every dimension,
 * about nine tenths of the statistics — as one `Float64Array` beside their ids, the rest as it
 * is. Every report open reads the stored statistics; as plain objects they were about 2,200
 * objects (≈ 520 kB as JSON) for IndexedDB to rebuild on each read (tens of milliseconds in a
 * fresh print window), where an array of numbers is copied whole. `poolStatsUnpacked` gives back
 * exactly the statistics that were packed: the same values, `null`s and key order.
 */
import type {
  CalibrationPoolStats,
  RaterCalibration,
  RaterDimensionCalibration,
  RaterOffset,
} from './calibrationTypes';
import { recordSet } from './recordSet';

export interface PoolStatsPacked {
  stats: Omit<CalibrationPoolStats, 'raters'>;
  /** Rater ids in the statistics' key order. */
  raterIds: string[];
  /** Dimension ids the numbers refer to by index. */
  raterDimensionIds: string[];
  /**
   * Per rater: ratings, noEvidence, the overall offset (4 numbers), the number of dimensions
   * k, then per dimension (in the rater's key order) its index and 9 numbers. `null` is NaN.
   */
  raterNumbers: Float64Array;
}

/** Numbers per rater dimension: offset, se, n, meanDeviation, ratings, noEvidence, applied offset/source/se. */
const dimensionWidth = 10;
const sources = ['dimension', 'overall'] as const;

function numberOf(value: number, what: string): number {
  if (Number.isNaN(value)) throw new Error(`poolStatsPacked: ${what} is NaN, which the packed form keeps for null`);
  return value;
}
const nullable = (value: number | null, what: string) => (value === null ? Number.NaN : numberOf(value, what));
const unNaN = (value: number) => (Number.isNaN(value) ? null : value);
function sourceIndex(source: RaterDimensionCalibration['applied']['source'], what: string): number {
  const index = sources.indexOf(source);
  if (index < 0) throw new Error(`poolStatsPacked: ${what} has an unknown offset source ${String(source)}`);
  return index;
}

export function poolStatsPacked(stats: CalibrationPoolStats): PoolStatsPacked {
  const { raters, ...rest } = stats;
  const raterIds = Object.keys(raters);
  const dimensionIndex = new Map<string, number>();
  const numbers: number[] = [];
  for (const id of raterIds) {
    const rater = raters[id]!;
    const where = `rater ${id}`;
    const { overall } = rater;
    numbers.push(
      numberOf(rater.ratings, where),
      numberOf(rater.noEvidence, where),
      numberOf(overall.offset, where),
      nullable(overall.se, where),
      numberOf(overall.n, where),
      nullable(overall.meanDeviation, where),
    );
    const dimensionIds = Object.keys(rater.dimensions);
    numbers.push(dimensionIds.length);
    for (const dimensionId of dimensionIds) {
      const d = rater.dimensions[dimensionId]!;
      if (!dimensionIndex.has(dimensionId)) dimensionIndex.set(dimensionId, dimensionIndex.size);
      const at = `${where} on ${dimensionId}`;
      numbers.push(
        dimensionIndex.get(dimensionId)!,
        numberOf(d.offset, at),
        nullable(d.se, at),
        numberOf(d.n, at),
        nullable(d.meanDeviation, at),
        numberOf(d.ratings, at),
        numberOf(d.noEvidence, at),
        numberOf(d.applied.offset, at),
        sourceIndex(d.applied.source, at),
        nullable(d.applied.se, at),
      );
    }
  }
  return { stats: rest, raterIds, raterDimensionIds: [...dimensionIndex.keys()], raterNumbers: Float64Array.from(numbers) };
}

export function poolStatsUnpacked(packed: PoolStatsPacked): CalibrationPoolStats {
  const { raterIds, raterDimensionIds, raterNumbers: x } = packed;
  const raters: Record<string, RaterCalibration> = {};
  let i = 0;
  for (const interviewerId of raterIds) {
    const ratings = x[i++]!;
    const noEvidence = x[i++]!;
    const overall: RaterOffset = { offset: x[i++]!, se: unNaN(x[i++]!), n: x[i++]!, meanDeviation: unNaN(x[i++]!) };
    const count = x[i++]!;
    const dimensions: Record<string, RaterDimensionCalibration> = {};
    for (let k = 0; k < count; k++, i += dimensionWidth) {
      recordSet(dimensions, raterDimensionIds[x[i]!]!, {
        offset: x[i + 1]!,
        se: unNaN(x[i + 2]!),
        n: x[i + 3]!,
        meanDeviation: unNaN(x[i + 4]!),
        ratings: x[i + 5]!,
        noEvidence: x[i + 6]!,
        applied: { offset: x[i + 7]!, source: sources[x[i + 8]!]!, se: unNaN(x[i + 9]!) },
      });
    }
    recordSet(raters, interviewerId, { interviewerId, ratings, noEvidence, overall, dimensions });
  }
  const { options, dimensionIds, explicitDimensionIds, dimensions, model } = packed.stats;
  return { options, dimensionIds, explicitDimensionIds, raters, dimensions, model };
}
