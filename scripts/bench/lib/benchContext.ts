/** What every metric of a run shares: sizes, the server, the seeded profile, the dataset's handles. */
import type { RubricPack } from '../../../src/core/rubric/schema';
import type { BenchBuildOutput } from './benchBuild';

export interface BenchSizes {
  candidates: number;
  /** Repetitions after warm-up, per metric. */
  keystrokes: number;
  ratingWrites: number;
  coldStarts: number;
  reports: number;
  pdfs: number;
  /** Batch packets of 20 reports. */
  batchPdfs: number;
  imports: number;
  calibrationRuns: number;
}

export interface BenchContext {
  repoRoot: string;
  isQuick: boolean;
  sizes: BenchSizes;
  origin: string;
  build: BenchBuildOutput;
  pack: RubricPack;
  /** Scratch folder of this run (profiles, bundle file); removed at the end. */
  tmp: string;
  /** Profile holding the seeded database. */
  seededProfile: string;
  /** URL (on the app origin) of the dataset as a bundle file. */
  bundleUrl: string;
  meId: string;
  myDraftIds: string[];
  reportCandidateIds: string[];
  /** With --cpu-profile: folder for one CPU profile per metric (.cpuprofile), else null. */
  cpuProfileDir: string | null;
  log: (line: string) => void;
}

/** Appends the probe call with its configuration to the probe bundle. */
export function benchProbeScript(ctx: BenchContext, readySelector: string | null): string {
  return `${ctx.build.probeSource}\n;globalThis.__benchProbeInstall(${JSON.stringify({ readySelector })});`;
}
