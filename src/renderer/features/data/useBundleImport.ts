import { useEffect, useRef, useState } from 'react';
import { bundlePackDimensionsOf } from '../../../core/bundle/bundleDimensions';
import { appDb } from '../../db/dbContext';
import { keyPinFirstUse, keyTrustOf, type BundleSignerStatus } from '../../db/actions/signingActions';
import { BundleApplyError, bundleImportInWorker, type BundleImportSession } from '../../platform/bundleImportInWorker';
import type { BundleCheckedView, BundleImportOutcome } from '../../workers/bundleImport.worker';
import { useAppStore } from '../../stores/appStore';

/** A checked bundle awaiting the person's go-ahead; its records stay in the session's worker. */
export interface BundleIncoming extends BundleCheckedView {
  name: string;
  isBackup: boolean;
  session: BundleImportSession;
}

/** The file being read and checked, with the share read (0-1). */
export interface BundleChecking {
  name: string;
  read: number;
  cancel: () => void;
}

/** Why a check ended without a verdict: Cancel, or the worker failed. */
function checkFailureText(name: string, failure: unknown): string {
  return failure instanceof DOMException && failure.name === 'AbortError'
    ? `Checking ${name} was cancelled; nothing was changed.`
    : `Could not check ${name}: ${failure instanceof Error ? failure.message : String(failure)}`;
}

/** What the Data screen says when an import or restore has written. */
function appliedText(outcome: BundleImportOutcome, label: (erased: { id: string; name: string }) => string): string {
  const done = outcome.summary.isNothingToAdd ? 'Nothing to add: everything in this bundle is already here.' : `Imported: ${outcome.summary.text}.`;
  const erased =
    outcome.erases.length > 0
      ? ` Erased as the bundle asked: ${outcome.erases.map((e) => label({ id: e.candidateId, name: e.name })).join(', ')}.`
      : '';
  return `${outcome.skipText ? `${done} ${outcome.skipText}.` : done}${erased}`;
}

/**
 * Import and restore on the Data screen: the picked file is checked in a worker that keeps it
 * (`bundleImportInWorker`), the preview shows what it would do, and Import writes it from there,
 * with its percentage and Cancel. Leaving the screen ends a session that is not writing.
 */
export function useBundleImport(actor: string, candidateLabel: (candidate: { id: string; name: string }) => string) {
  const [checking, setChecking] = useState<BundleChecking | null>(null);
  const [incoming, setIncoming] = useState<BundleIncoming | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const session = useRef<BundleImportSession | null>(null);

  const sessionReplace = (next: BundleImportSession | null) => {
    session.current?.close();
    session.current = next;
  };
  useEffect(() => () => sessionReplace(null), []);

  const choose = async (file: File | undefined, isBackup: boolean) => {
    setError(null);
    setResult(null);
    setIncoming(null);
    sessionReplace(null);
    if (!file) return;
    const packs = bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
    const job = bundleImportInWorker(file, appDb().name, packs, (read) => setChecking((now) => now && { ...now, read }));
    sessionReplace(job);
    setChecking({ name: file.name, cancel: () => sessionReplace(null), read: 0 });
    const outcome = await job.checked.then(
      (result) => ({ result }),
      (failure: unknown) => ({ failure }),
    );
    // Another file was chosen meanwhile: this check's outcome is no longer what the screen shows.
    if (session.current !== job && session.current !== null) return;
    setChecking(null);
    if ('failure' in outcome) setError(checkFailureText(file.name, outcome.failure));
    else if (!outcome.result.ok) setError(`${file.name} was rejected and nothing was changed: ${outcome.result.message}`);
    else setIncoming({ ...outcome.result.view, name: file.name, isBackup, session: job });
  };

  const apply = async () => {
    if (!incoming || percent !== null) return;
    setPercent(0);
    try {
      const outcome = await incoming.session.apply({ isBackup: incoming.isBackup, actor, now: Date.now(), source: incoming.name }, setPercent);
      // Trust on first use: the key that signed what was just imported is pinned for its profile.
      if (incoming.signer.kind === 'signed') {
        const { signer } = incoming.signer;
        await appDb().transaction('rw', appDb().keyPins, () => keyPinFirstUse(appDb(), signer, Date.now()));
      }
      setResult(appliedText(outcome, candidateLabel));
      setIncoming(null);
      if (session.current === incoming.session) sessionReplace(null);
    } catch (failure) {
      if (failure instanceof BundleApplyError && failure.isCancelled)
        setResult(`${incoming.isBackup ? 'Restore' : 'Import'} of ${incoming.name} cancelled: nothing was written.`);
      else setError(`Import failed and nothing was changed: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setPercent(null);
    }
  };

  /** The signer's trust read again (after the person trusted or confirmed the key). */
  const signerRefresh = async () => {
    const status = incoming?.signer;
    if (status?.kind !== 'signed') return;
    const signer: BundleSignerStatus = { ...status, trust: await keyTrustOf(appDb(), status.signer) };
    setIncoming((now) => (now ? { ...now, signer } : now));
  };

  const dismiss = () => {
    setIncoming(null);
    sessionReplace(null);
  };

  return {
    checking,
    incoming,
    error,
    result,
    /** Percentage written while an import or restore writes, else null. */
    percent,
    choose,
    apply,
    cancelWrite: () => incoming?.session.cancelWrite(),
    signerRefresh,
    dismiss,
  };
}
