/**
 * Imports a bundle file off the main thread, and keeps it here: a large bundle takes seconds to
 * check and its checked records are hundreds of megabytes, so the page never holds them. The file
 * is read as a stream and parsed as it arrives (its whole text is never held), capped as bytes
 * arrive, with the share read so far reported; the content checksum is hashed on a worker of its
 * own beside the other checks; ratings are checked against the rubric packs the app has loaded.
 * The page gets what the preview shows (`BundleCheckedView`: who made and signed it, what
 * importing would do); on `apply` this worker writes it into the window's database in one
 * transaction (`lastingImport` or `backupRestore`), reporting the percentage written; `cancel`
 * aborts that transaction between chunks, and the checked bundle stays for another try. Closing
 * the worker mid-write aborts the transaction too: nothing is written.
 */
import type { BundlePackDimensions } from '../../core/bundle/bundleDimensions';
import { bundleParseBytes } from '../../core/bundle/bundleParse';
import type { Bundle } from '../../core/bundle/bundleSchema';
import type { BundleConflict, BundleImportPlan } from '../../core/bundle/bundleImportPlan';
import { BUNDLE_MAX_BYTES } from '../../core/limits/inputLimits';
import { createAppDb, type AppDb } from '../db/appDb';
import { backupRestore, lastingImport, lastingImportPreview, type LastingImport } from '../db/actions/dataActions';
import { bundleSignerStatus, type BundleSignerStatus } from '../db/actions/signingActions';
import { workerSha256 } from '../platform/workerSha256';

export type BundleImportRequest =
  | { kind: 'check'; file: File; dbName: string; packs?: readonly BundlePackDimensions[] }
  | { kind: 'apply'; isBackup: boolean; actor: string; now: number; source: string }
  | { kind: 'cancel' };

/** The conflicts a preview lists by name (the summary counts them all). */
const previewConflictsListed = 50;

/** What an import did or would do, without its records. */
export interface BundleImportOutcome {
  summary: BundleImportPlan['summary'];
  /** The first `previewConflictsListed` conflicts. */
  conflicts: BundleConflict[];
  /** Erased candidates skipped, in words ("1 erased candidate skipped — erased on …"), or null. */
  skipText: string | null;
  /** Candidates here that the bundle's erasures erase. */
  erases: LastingImport['erases'];
}

/** A checked bundle as the preview shows it. */
export interface BundleCheckedView {
  manifest: Pick<Bundle['manifest'], 'createdBy' | 'createdAt' | 'appVersion'>;
  signer: BundleSignerStatus;
  preview: BundleImportOutcome;
}

export type BundleImportMessage =
  | { kind: 'read'; fraction: number }
  | { kind: 'refused'; message: string }
  | { kind: 'checked'; view: BundleCheckedView }
  | { kind: 'percent'; percent: number }
  | { kind: 'applied'; outcome: BundleImportOutcome }
  | { kind: 'failed'; message: string; isCancelled: boolean };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BundleImportRequest>) => void) | null;
  postMessage: (message: BundleImportMessage) => void;
};

/** How often the share read is reported, at most (a 350 MB file arrives in thousands of chunks). */
const readReportEveryMs = 100;

/** The file's bytes as they arrive, reporting the share read. */
async function* fileBytes(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let read = 0;
  let reportedAt = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        scope.postMessage({ kind: 'read', fraction: 1 });
        return;
      }
      read += value.length;
      if (file.size > 0 && Date.now() - reportedAt >= readReportEveryMs) {
        reportedAt = Date.now();
        scope.postMessage({ kind: 'read', fraction: Math.min(1, read / file.size) });
      }
      yield value;
    }
  } finally {
    // Stopped early (a refusal at the size cap, bytes that are not UTF-8): the rest is not read.
    await reader.cancel().catch(() => {});
  }
}

function bundleImportOutcome({ plan, skip, erases }: LastingImport): BundleImportOutcome {
  return { summary: plan.summary, conflicts: plan.conflicts.slice(0, previewConflictsListed), skipText: skip.text, erases };
}

/** The checked bundle and the database it goes into, kept between the check and the write. */
let held: { bundle: Bundle; db: AppDb } | null = null;
/** The write in progress, if any. */
let writing: AbortController | null = null;

async function check(request: Extract<BundleImportRequest, { kind: 'check' }>): Promise<BundleImportMessage> {
  held?.db.close();
  held = null;
  let parsed;
  try {
    parsed = await bundleParseBytes(fileBytes(request.file), BUNDLE_MAX_BYTES, {}, {
      hasher: workerSha256,
      ...(request.packs ? { packs: request.packs } : {}),
    });
  } catch {
    // The browser refused to read the file (moved, permissions); its own message names nothing useful.
    return { kind: 'refused', message: 'could not read the file' };
  }
  if (!parsed.ok) return { kind: 'refused', message: parsed.reason.message };
  const bundle = parsed.value;
  const db = createAppDb(request.dbName);
  const signer = await bundleSignerStatus(db, bundle);
  if (signer.kind === 'bad') {
    db.close();
    return { kind: 'refused', message: `bad signature — ${signer.reason}` };
  }
  const preview = await lastingImportPreview(db, bundle.content, bundle.manifest.tombstones ?? []);
  held = { bundle, db };
  const { createdBy, createdAt, appVersion } = bundle.manifest;
  return { kind: 'checked', view: { manifest: { createdBy, createdAt, appVersion }, signer, preview: bundleImportOutcome(preview) } };
}

async function apply(request: Extract<BundleImportRequest, { kind: 'apply' }>): Promise<BundleImportMessage> {
  if (!held) return { kind: 'failed', message: 'no checked bundle to import', isCancelled: false };
  const { bundle, db } = held;
  writing = new AbortController();
  const progress = { signal: writing.signal, onPercent: (percent: number) => scope.postMessage({ kind: 'percent', percent }) };
  try {
    const done = request.isBackup
      ? await backupRestore(db, bundle, request.actor, request.now, undefined, progress)
      : await lastingImport(
          db,
          bundle.content,
          {
            actor: request.actor,
            now: request.now,
            source: request.source,
            auditHead: bundle.content.audit.at(-1)?.hash ?? null,
            tombstones: bundle.manifest.tombstones ?? [],
          },
          undefined,
          progress,
        );
    return { kind: 'applied', outcome: bundleImportOutcome(done) };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error), isCancelled: writing.signal.aborted };
  } finally {
    writing = null;
  }
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.kind === 'cancel') writing?.abort();
  else scope.postMessage(request.kind === 'check' ? await check(request) : await apply(request));
};
