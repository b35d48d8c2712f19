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

/** A reply of a {@link workerKept} worker: the request's id with a `WorkerReply`. */
export type WorkerKeptReply = WorkerReply & { id: number };

/**
 * A worker kept for the window's life and asked again for each computation (numbered requests,
 * each answered once), so only the first computation after start meets a cold JIT. A worker that
 * fails is dropped with everything asked of it; the next request starts a new one.
 */
export function workerKept(start: () => Worker, what: string): (request: object) => Promise<void> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return (request) =>
    new Promise<void>((resolve, reject) => {
      if (!worker) {
        worker = start();
        worker.onmessage = (event: MessageEvent<WorkerKeptReply>) => {
          const waiting = pending.get(event.data.id);
          pending.delete(event.data.id);
          if (event.data.ok) waiting?.resolve();
          else waiting?.reject(new Error(event.data.message));
        };
        worker.onerror = (event) => fail(new Error(event.message || `the ${what} worker failed`));
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
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
