/**
 * The import's checking worker as the Data screen runs it: the picked file read as a stream, the
 * share read reported up to 100 %, the checksum hashed on a worker of its own, and the same verdict
 * `bundleParse` gives the whole text — acceptance, and a changed file refused with its reason.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleParse } from '../../../src/core/bundle/bundleParse';
import type { BundleParseMessage, BundleParseRequest } from '../../../src/renderer/workers/bundleParse.worker';
import {
  bundleHandOverMessages,
  bundleHandOverReceiver,
  type BundleHandOverMessage,
} from '../../../src/renderer/workers/bundleHandOver';
import type { BundleParseResult } from '../../../src/core/bundle/bundleSchema';

/** The worker's global scope: what it posts, and its message handler once loaded. */
const scope = {
  onmessage: null as ((event: MessageEvent<BundleParseRequest>) => void | Promise<void>) | null,
  posted: [] as BundleParseMessage[],
  postMessage(message: BundleParseMessage) {
    this.posted.push(message);
  },
};

/** The hashing worker, in this thread: Node's SHA-256 over the transferred pieces. */
class HashWorkerStandIn {
  static started = 0;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private hash = createHash('sha256');
  constructor() {
    HashWorkerStandIn.started++;
  }
  postMessage(message: Uint8Array | 'digest') {
    if (message === 'digest') setTimeout(() => this.onmessage?.({ data: this.hash.digest('hex') }), 1);
    else this.hash.update(message);
  }
  terminate() {}
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  vi.stubGlobal('Worker', HashWorkerStandIn);
  await import('../../../src/renderer/workers/bundleParse.worker');
});
afterAll(() => vi.unstubAllGlobals());

/** What the page gets: the hand-over's messages put back together, as `bundleParseInWorker` does. */
function received(posted: readonly BundleParseMessage[]): BundleParseResult {
  const receiver = bundleHandOverReceiver();
  let result: BundleParseResult | null = null;
  for (const message of posted) if (message.kind !== 'read') result = receiver.take(message) ?? result;
  return result!;
}

async function check(text: string): Promise<{ result: BundleParseResult; reads: number[] }> {
  scope.posted = [];
  await scope.onmessage!({ data: { file: new File([text], 'sample.loopdesk') } } as MessageEvent<BundleParseRequest>);
  const reads = scope.posted.flatMap((m) => (m.kind === 'read' ? [m.fraction] : []));
  return { result: received(scope.posted), reads };
}

describe('the import checking worker', () => {
  const text = readFileSync(join(import.meta.dirname, '../../fixtures/bundles/sample.loopdesk'), 'utf8');

  it('reads the file as a stream up to 100 %, hashes beside, and accepts what bundleParse accepts', async () => {
    const started = HashWorkerStandIn.started;
    const { result, reads } = await check(text);
    expect(result).toEqual(bundleParse(text));
    expect(bundleParse(text).ok).toBe(true);
    expect(reads.at(-1)).toBe(1);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(HashWorkerStandIn.started).toBe(started + 1);
  });

  it('refuses a file whose content no longer matches its checksum, as bundleParse does', async () => {
    const bundle = JSON.parse(text) as { content: { candidates: Array<{ name: string }> } };
    bundle.content.candidates[0]!.name = 'Someone Else';
    const changed = JSON.stringify(bundle);
    const { result } = await check(changed);
    expect(result).toMatchObject({ ok: false, reason: { code: 'checksum-mismatch' } });
    expect(result).toEqual(bundleParse(changed));
  });

  it('refuses an empty file and bytes that are not UTF-8, naming where', async () => {
    expect((await check('')).result).toMatchObject({ ok: false, reason: { message: 'the file is empty' } });
    scope.posted = [];
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22]);
    await scope.onmessage!({ data: { file: new File([bytes], 'bad.loopdesk') } } as MessageEvent<BundleParseRequest>);
    expect(scope.posted.at(-1)).toMatchObject({ result: { ok: false, reason: { message: 'not UTF-8 at byte 2' } } });
  });

  it('hands a checked bundle over in slices that the page puts back in order, letting each table go', () => {
    const checked = bundleParse(text);
    if (!checked.ok) throw new Error(checked.reason.message);
    const original = structuredClone(checked.value);
    const messages: BundleHandOverMessage[] = [...bundleHandOverMessages(checked, 3)];
    const sliced = messages.filter((m) => m.kind === 'records');
    expect(sliced.length).toBeGreaterThan(10);
    expect(sliced.every((m) => m.kind === 'records' && m.records.length <= 3)).toBe(true);
    expect(Object.values(checked.value.content).every((records) => records.length === 0)).toBe(true);
    const receiver = bundleHandOverReceiver();
    const results = messages.map((m) => receiver.take(structuredClone(m)));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: true, value: original });
  });
});
