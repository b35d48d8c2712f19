/**
 * Agreement per dimension over the pool: Krippendorff's alpha (nominal, ordinal, interval) with
 * candidates as units, and the Shrout & Fleiss ICCs when the candidates × raters matrix is fully
 * crossed (else the reason there is none).
 */
import type { CalibrationColumns } from './calibrationColumns';
import type { CalibrationPoolCells } from './calibrationPoolCells';
import type { DimensionAgreement } from './calibrationTypes';
import { intraclassCorrelation, type IccResult } from './intraclassCorrelation';
import { krippendorffAlphaFlat } from './krippendorffAlpha';

export function calibrationAgreement(columns: CalibrationColumns, cells: CalibrationPoolCells): DimensionAgreement[] {
  const raterColumn = new Int32Array(columns.raterIds.length).fill(-1);
  return columns.dimensionIds.map((dimensionId, d) => dimensionAgreement(dimensionId, d, cells, raterColumn));
}

/** `raterColumn` is scratch (all −1 on entry and on return), shared so each dimension costs only its cells. */
function dimensionAgreement(
  dimensionId: string,
  d: number,
  cells: CalibrationPoolCells,
  raterColumn: Int32Array,
): DimensionAgreement {
  const { cellStart, cellRaters, entryRater, entryValue } = cells;
  const cellsFrom = cells.dimensionCellStart[d]!;
  const cellsTo = cells.dimensionCellStart[d + 1]!;
  let numeric = 0;
  let noEvidence = 0;
  let ratedCandidates = 0;
  for (let cell = cellsFrom; cell < cellsTo; cell++) {
    numeric += cellRaters[cell]!;
    if (cellRaters[cell]! > 0) ratedCandidates++;
    noEvidence += cellStart[cell + 1]! - cellStart[cell]! - cellRaters[cell]!;
  }
  const values = new Float64Array(numeric);
  const unitStart = new Int32Array(cellsTo - cellsFrom + 1);
  // Each rater's column in this dimension's candidates × raters matrix (for the ICC).
  const columnRaters: number[] = [];
  let v = 0;
  for (let cell = cellsFrom; cell < cellsTo; cell++) {
    unitStart[cell - cellsFrom] = v;
    for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
      if (Number.isNaN(entryValue[e]!)) continue;
      values[v++] = entryValue[e]!;
      const r = entryRater[e]!;
      if (raterColumn[r] === -1) {
        raterColumn[r] = columnRaters.length;
        columnRaters.push(r);
      }
    }
  }
  unitStart[cellsTo - cellsFrom] = v;
  const alpha = krippendorffAlphaFlat({ values, unitStart });

  const judges = columnRaters.length;
  let icc: IccResult;
  if (ratedCandidates < 2) icc = { ok: false, reason: `needs at least 2 rated candidates; found ${ratedCandidates}` };
  else if (judges < 2) icc = { ok: false, reason: `needs at least 2 raters; found ${judges}` };
  else if (numeric !== ratedCandidates * judges) {
    const missing = ratedCandidates * judges - numeric;
    icc = {
      ok: false,
      reason: `not fully crossed: ${missing} of ${ratedCandidates * judges} candidate × rater pairs have no rating (the ICC needs every rater to rate every candidate)`,
    };
  } else {
    const matrix: number[][] = [];
    for (let cell = cellsFrom; cell < cellsTo; cell++) {
      if (cellRaters[cell] === 0) continue;
      const row = new Array<number>(judges);
      for (let e = cellStart[cell]!; e < cellStart[cell + 1]!; e++) {
        if (!Number.isNaN(entryValue[e]!)) row[raterColumn[entryRater[e]!]!] = entryValue[e]!;
      }
      matrix.push(row);
    }
    icc = intraclassCorrelation(matrix);
  }
  for (const r of columnRaters) raterColumn[r] = -1;
  return {
    dimensionId,
    candidates: ratedCandidates,
    raters: judges,
    ratings: numeric,
    noEvidence,
    krippendorffAlpha: alpha,
    icc,
  };
}
