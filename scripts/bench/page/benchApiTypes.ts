/**
 * The contract of the in-page benchmark library (`window.__loopdeskBench`, page/benchPage.tsx),
 * declared apart so the Node harness can type its calls without compiling browser code.
 */
import type { RubricPack } from '../../../src/core/rubric/schema';

export interface BenchImportTiming {
  parseMs: number;
  writeMs: number;
  totalMs: number;
  added: number;
  /** The text is longer than `bundleDefaultLimits.maxTextLength`: the app would refuse the file. */
  isOverDefaultLimit: boolean;
}

export interface BenchReportBreakdown {
  evidenceLoadMs: number;
  poolCalibrationMs: number;
  reportBuildMs: number;
  /** One candidate's rows through the indexes (what a report needs besides the pool calibration). */
  candidateEvidenceLoadMs: number;
  /** reportBuild over that candidate's rows with the calibration already computed. */
  scopedReportBuildMs: number;
  /** `toArray()` (getAll) of every interview and rating: the pool calibration's input alone. */
  poolRowsGetAllMs: number;
  poolCalibrationFromGetAllMs: number;
  rows: { ratings: number; notes: number; interviews: number };
  signals: number;
}

export interface BenchPageApi {
  /** Sets who "me" is on this machine (settings key `me`). */
  meSet(meId: string): Promise<void>;
  ratingBench(
    interviewIds: string[],
    dimensionIds: string[],
    runs: number,
    warmup: number,
  ): Promise<{ action: number[]; bare: number[]; withoutTouch: number[] }>;
  /** Rates and seals one draft interview through the app's actions (`actor`: an interviewer id). */
  sealOne(pack: RubricPack, interviewId: string, actor: string): Promise<void>;
  /** Fetches a bundle file: into a `File` for the app's import, into the page as text for the floor. */
  importPrepare(url: string, kind: 'app' | 'floor'): Promise<number>;
  /** The Data screen's import: `parseWorker` is the app build's checking worker. */
  importRun(parseWorker: string, pack: RubricPack): Promise<BenchImportTiming>;
  importFloorRun(): Promise<BenchImportTiming>;
  reportBreakdown(pack: RubricPack, candidateId: string): Promise<BenchReportBreakdown>;
  /** Writes a committee seed (content JSON at `url`) with the app's import and sets "me". */
  committeeSeed(url: string, meId: string): Promise<{ writeMs: number; added: number }>;
  gc(): boolean;
  dropDb(): Promise<void>;
}
