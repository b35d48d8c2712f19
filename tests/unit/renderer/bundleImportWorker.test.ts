/**
 * The import worker as the Data screen runs it: the picked file read as a stream, the share read
 * reported up to 100 %, the checksum hashed on a worker of its own, the same verdict `bundleParse`
 * gives the whole text, the preview against the window's database — and, asked to apply, the
 * write from the worker, with Cancel leaving the database as it was and the bundle kept for another
 * try. The page hears what the preview shows, never the records.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleParse } from '../../../src/core/bundle/bundleParse';
import { createAppDb } from '../../../src/renderer/db/appDb';
import { lastingImport } from '../../../src/renderer/db/actions/dataActions';
import type { BundleImportMessage, BundleImportRequest } from '../../../src/renderer/workers/bundleImport.worker';
import { tableChecksums } from '../db/tableChecksums';

/** The worker's global scope: what it posts, and its message handler once loaded. */
const scope = {
  onmessage: null as ((event: MessageEvent<BundleImportRequest>) => void | Promise<void>) | null,
  posted: [] as BundleImportMessage[],
  postMessage(message: BundleImportMessage) {
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
  await import('../../../src/renderer/workers/bundleImport.worker');
});
afterAll(() => vi.unstubAllGlobals());

const send = (request: BundleImportRequest) => scope.onmessage!({ data: request } as MessageEvent<BundleImportRequest>);

/** Checks `bytes` against the database `dbName`; the worker's answer and the shares read. */
async function check(bytes: string | Uint8Array<ArrayBuffer>, dbName: string) {
  scope.posted = [];
  await send({ kind: 'check', file: new File([bytes], 'sample.loopdesk'), dbName });
  const reads = scope.posted.flatMap((m) => (m.kind === 'read' ? [m.fraction] : []));
  return { answer: scope.posted.at(-1)!, reads };
}

async function apply(): Promise<BundleImportMessage> {
  scope.posted = [];
  await send({ kind: 'apply', isBackup: false, actor: 'Grace', now: 1_700_000_000_000, source: 'sample.loopdesk' });
  return scope.posted.at(-1)!;
}

const text = readFileSync(join(import.meta.dirname, '../../fixtures/bundles/sample.loopdesk'), 'utf8');

describe('the import worker', () => {
  it('reads the file as a stream up to 100 %, hashes beside, and previews what bundleParse accepts', async () => {
    const started = HashWorkerStandIn.started;
    const parsed = bundleParse(text);
    if (!parsed.ok) throw new Error(parsed.reason.message);
    const { answer, reads } = await check(text, 'preview');
    expect(answer).toMatchObject({
      kind: 'checked',
      view: {
        manifest: { createdBy: parsed.value.manifest.createdBy, appVersion: parsed.value.manifest.appVersion },
        signer: { kind: 'unsigned' },
        preview: { summary: { isNothingToAdd: false, conflicts: 0 }, conflicts: [], erases: [] },
      },
    });
    expect(reads.at(-1)).toBe(1);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(HashWorkerStandIn.started).toBe(started + 1);
  });

  it('writes what it checked into the window database, as lastingImport does, and tells the page no record', async () => {
    await check(text, 'applied');
    const applied = await apply();
    expect(applied).toMatchObject({ kind: 'applied', outcome: { summary: { isNothingToAdd: false } } });

    const parsed = bundleParse(text);
    if (!parsed.ok) throw new Error(parsed.reason.message);
    const direct = createAppDb('direct');
    await lastingImport(direct, parsed.value.content, {
      actor: 'Grace',
      now: 1_700_000_000_000,
      source: 'sample.loopdesk',
      auditHead: parsed.value.content.audit.at(-1)?.hash ?? null,
      tombstones: [],
    });
    const written = createAppDb('applied');
    expect(await tableChecksums(written)).toEqual(await tableChecksums(direct));
    expect((await written.candidates.count())).toBe(parsed.value.content.candidates.length);

    // The page hears counts and words, never a record: no candidate's name reaches it.
    await check(text, 'names');
    const heard = JSON.stringify([scope.posted, await apply()]);
    for (const candidate of parsed.value.content.candidates) expect(heard).not.toContain(candidate.name);
    for (const db of [direct, written]) db.close();
  });

  it('Cancel during the write leaves the database as it was, and the checked bundle can be imported again', async () => {
    const db = createAppDb('cancelled');
    await db.open();
    const before = await tableChecksums(db);
    await check(text, 'cancelled');
    scope.posted = [];
    const writing = send({ kind: 'apply', isBackup: false, actor: 'Grace', now: 1, source: 'sample.loopdesk' });
    await send({ kind: 'cancel' });
    await writing;
    expect(scope.posted.at(-1)).toMatchObject({ kind: 'failed', isCancelled: true });
    expect(await tableChecksums(db)).toEqual(before);
    expect(await apply()).toMatchObject({ kind: 'applied' });
    expect(await tableChecksums(db)).not.toEqual(before);
    db.close();
  });

  it('refuses a file whose content no longer matches its checksum, as bundleParse does, and writes nothing', async () => {
    const bundle = JSON.parse(text) as { content: { candidates: Array<{ name: string }> } };
    bundle.content.candidates[0]!.name = 'Someone Else';
    const changed = JSON.stringify(bundle);
    const expected = bundleParse(changed);
    expect(expected).toMatchObject({ ok: false, reason: { code: 'checksum-mismatch' } });
    const { answer } = await check(changed, 'refused');
    expect(answer).toEqual({ kind: 'refused', message: !expected.ok && expected.reason.message });
    expect(await apply()).toMatchObject({ kind: 'failed', isCancelled: false, message: 'no checked bundle to import' });
    const db = createAppDb('refused');
    expect(await db.candidates.count()).toBe(0);
    db.close();
  });

  it('refuses an empty file and bytes that are not UTF-8, naming where', async () => {
    expect((await check('', 'empty')).answer).toEqual({ kind: 'refused', message: 'the file is empty' });
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22]);
    expect((await check(bytes, 'bad')).answer).toEqual({ kind: 'refused', message: 'not UTF-8 at byte 2' });
  });
});
