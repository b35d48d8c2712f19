import { useState } from 'react';
import { keyFingerprint } from '../../../core/signing/bundleSignature';
import { keyTrustText } from '../../../core/signing/keyTrust';
import { keyPinAcceptChange, keyPinConfirm, type BundleSignerStatus } from '../../db/actions/signingActions';
import { appDb } from '../../db/dbContext';

/**
 * Who signed a bundle in the import preview: the signer, whether the key is known here, its
 * fingerprint to compare out of band, and the two things a person may do about it — say they
 * compared it, or accept a changed key. `onChanged` re-reads the status after either.
 */
export function BundleSignerPanel({
  status,
  actor,
  onChanged,
}: {
  status: BundleSignerStatus;
  actor: string;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = (write: () => Promise<void>) =>
    void write()
      .then(onChanged)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  if (status.kind === 'unsigned')
    return (
      <p className="warning-text" data-testid="import-signer">
        ⚠ Not signed: nothing says who made this bundle. Import it only if you know where it came from (the exchange
        folder never takes unsigned bundles).
      </p>
    );
  if (status.kind === 'bad')
    return (
      <p className="error-text" role="alert" data-testid="import-signer">
        Refused: {status.reason}.
      </p>
    );
  const { signer, trust } = status;
  return (
    <div data-testid="import-signer">
      <p className={trust.kind === 'changed' || trust.kind === 'impostor' ? 'error-text' : undefined}>
        {keyTrustText(trust, signer.name)}
      </p>
      <p className="muted">
        Fingerprint <code data-testid="signer-fingerprint">{keyFingerprint(signer.publicKey)}</code> — ask{' '}
        {signer.name} to read theirs (Data → Exchange folder) and compare.
      </p>
      {trust.kind === 'known' && !trust.pin.isConfirmed && (
        <button type="button" onClick={() => run(() => keyPinConfirm(appDb(), signer.profileId, actor, Date.now()))}>
          I compared it with {signer.name}: mark confirmed
        </button>
      )}
      {trust.kind === 'changed' && (
        <button
          type="button"
          className="danger"
          onClick={() => run(() => keyPinAcceptChange(appDb(), signer, actor, Date.now()))}
        >
          Accept {signer.name}&apos;s new key
        </button>
      )}
      {error && <p className="error-text">{error}</p>}
    </div>
  );
}
