/**
 * The statistics worker kept for a window's life: one worker answers every request by its id
 * (so only the first computation meets a cold start), and a worker that fails is dropped with what
 * was asked of it, the next request starting a new one.
 */
import { describe, expect, it } from 'vitest';
import { workerKept, type WorkerKeptReply } from '../../../src/renderer/db/derivedRun';

/** A stand-in for a Worker: answers each message on a later task, failing requests that ask to. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerKeptReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: Array<{ id: number; n: number; fail?: boolean; crash?: boolean }> = [];
  postMessage(message: { id: number; n: number; fail?: boolean; crash?: boolean }) {
    this.received.push(message);
    setTimeout(() => {
      if (message.crash) this.onerror?.({ message: 'boom' } as ErrorEvent);
      else
        this.onmessage?.({
          data: message.fail ? { id: message.id, ok: false, message: `no ${message.n}` } : { id: message.id, ok: true },
        } as MessageEvent<WorkerKeptReply>);
    }, 10 - message.n);
  }
  terminate() {
    this.terminated = true;
  }
}

/** A kept worker over fakes, and every fake it started. */
function keptFakes() {
  const started: FakeWorker[] = [];
  const run = workerKept(() => {
    const worker = new FakeWorker();
    started.push(worker);
    return worker as unknown as Worker;
  }, 'statistics');
  return { started, run };
}

describe('a kept worker', () => {
  it('answers every request from one worker, each by its id, whatever order the replies come in', async () => {
    const { started, run } = keptFakes();
    // Later requests are answered first (shorter delays): each promise still settles with its own reply.
    const results = await Promise.allSettled([run({ n: 1 }), run({ n: 2, fail: true }), run({ n: 3 })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('no 2');
    await run({ n: 4 });
    expect(started).toHaveLength(1);
    expect(started[0]!.received.map((m) => m.id)).toEqual([0, 1, 2, 3]);
    expect(started[0]!.terminated).toBe(false);
  });

  it('drops a worker that fails, with what was asked of it, and starts a new one for the next request', async () => {
    const { started, run } = keptFakes();
    const pending = run({ n: 0 });
    await expect(run({ n: 5, crash: true })).rejects.toThrow('boom');
    await expect(pending).rejects.toThrow('boom');
    expect(started[0]!.terminated).toBe(true);
    await run({ n: 1 });
    expect(started).toHaveLength(2);
  });
});
