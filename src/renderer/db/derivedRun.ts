/**
 * How derived data (pool statistics, committee rows) is brought up to date: one computation per
 * database and pack at a time, in a worker that answers `{ ok }` once.
 */

export type WorkerReply = { ok: true } | { ok: false; message: string };

/** Posts `request` to `worker` and settles on its one reply; the worker is terminated either way. */
export function workerRun(worker: Worker, request: unknown, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (event.data.ok) resolve();
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || `the ${what} worker failed`));
    };
    worker.postMessage(request);
  });
}

/**
 * Runs `task` after any earlier run under `runKey` has settled, so a call made while one runs is
 * never lost: it checks again once the earlier one is done.
 */
export function serialRun(running: Map<string, Promise<void>>, runKey: string, task: () => Promise<void>): Promise<void> {
  const previous = running.get(runKey) ?? Promise.resolve();
  const tracked: Promise<void> = previous
    .catch(() => undefined)
    .then(task)
    .finally(() => {
      if (running.get(runKey) === tracked) running.delete(runKey);
    });
  running.set(runKey, tracked);
  return tracked;
}
