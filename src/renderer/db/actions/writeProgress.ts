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
 * Chunks issued before the oldest is awaited. One: with four in flight the full-size import's
 * renderer peaked at 2.3 GB in most runs against ≈ 0.8 GB with one
 * (`scripts/bench/results/import-only-f3e8ede-*.json`, `full-f3e8ede.json`), for a few seconds of
 * writing saved.
 */
export const writeChunksInFlight = 1;

/**
 * Writes lists of rows in chunks of {@link writeChunkRows}, a few chunks in flight, counting them
 * on `track` as they complete and checking for Cancel before each. `drain` waits for the rest.
 */
export function writeChunkQueue(track: ReturnType<typeof writeProgressTrack>) {
  const pending: Promise<void>[] = [];
  return {
    async add(records: readonly unknown[], write: (chunk: unknown[]) => Promise<unknown>): Promise<void> {
      for (let i = 0; i < records.length; i += writeChunkRows) {
        track.check();
        const chunk = records.slice(i, i + writeChunkRows);
        const done = write(chunk).then(() => track.advance(chunk.length));
        // Awaited in turn below; meanwhile a failure (the transaction aborting) is not unhandled.
        done.catch(() => {});
        pending.push(done);
        if (pending.length >= writeChunksInFlight) await pending.shift();
      }
    },
    async drain(): Promise<void> {
      while (pending.length > 0) await pending.shift();
    },
  };
}
