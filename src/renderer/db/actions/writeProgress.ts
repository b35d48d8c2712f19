/**
 * How a long write inside one transaction reports how far it got and is cancelled. Rows go in
 * chunks; between chunks the write reports its percentage and checks the signal, and an abort
 * throws inside the transaction, so IndexedDB rolls every chunk back: nothing is written.
 */
export interface WriteProgress {
  /** Whole percent of the rows written so far (0–100), called when it changes. */
  onPercent?: (percent: number) => void;
  signal?: AbortSignal;
}

/** Rows per `bulkAdd`: small enough that progress moves and Cancel is felt within a moment. */
export const writeChunkRows = 1000;

/** Counts rows written against `total` and checks for Cancel between chunks. */
export function writeProgressTrack(total: number, progress: WriteProgress = {}) {
  let written = 0;
  let shown = -1;
  const report = () => {
    const percent = total === 0 ? 100 : Math.min(100, Math.floor((written / total) * 100));
    if (percent !== shown) progress.onPercent?.((shown = percent));
  };
  return {
    /** Throws the signal's reason when Cancel was pressed: the transaction around it aborts. */
    check: () => progress.signal?.throwIfAborted(),
    advance: (rows: number) => {
      written += rows;
      report();
    },
    start: report,
  };
}

/**
 * Writes `records` in chunks of {@link writeChunkRows}, one after another, checking for Cancel
 * before each and counting each on `track` as it completes. (Several chunks in flight saved a few
 * seconds of a full-size import and did not lower its memory peak; `docs/benchmarks.md`.)
 */
export async function writeChunked(
  track: ReturnType<typeof writeProgressTrack>,
  records: readonly unknown[],
  write: (chunk: unknown[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < records.length; i += writeChunkRows) {
    track.check();
    const chunk = records.slice(i, i + writeChunkRows);
    await write(chunk);
    track.advance(chunk.length);
  }
}
