import { bundleSignerAllowsImport } from '../../db/actions/signingActions';
import { BundleSignerPanel } from './BundleSignerPanel';
import { ImportProgress } from './ImportProgress';
import { useBundleImport } from './useBundleImport';

/**
 * Importing a bundle or restoring a backup: pick the file, watch it read and checked, read the
 * preview (who made and signed it, what it adds, skips, erases and conflicts with), then Import
 * with its percentage and Cancel. `candidateLabel` names candidates as this audience may see them.
 */
export function BundleImportPanel({
  actor,
  candidateLabel,
}: {
  actor: string;
  candidateLabel: (candidate: { id: string; name: string }) => string;
}) {
  const imports = useBundleImport(actor, candidateLabel);
  const { checking, incoming } = imports;
  const isWriting = imports.percent !== null;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import a bundle</h2>
      <div className="form-row">
        <label>
          Bundle file
          <input
            type="file"
            accept=".loopdesk,application/json"
            disabled={isWriting}
            onChange={(e) => void imports.choose(e.target.files?.[0], false)}
          />
        </label>
        <label>
          Restore from a backup file
          <input
            type="file"
            accept=".loopdesk,application/json"
            disabled={isWriting}
            onChange={(e) => void imports.choose(e.target.files?.[0], true)}
          />
        </label>
      </div>
      {checking && (
        <p role="status" className="form-row" data-testid="import-checking">
          {checking.read < 1 ? (
            <>
              <progress aria-label={`Reading ${checking.name}`} value={checking.read} max={1} /> Reading{' '}
              {checking.name}: {Math.floor(checking.read * 100)} %, checked as it arrives…
            </>
          ) : (
            <>
              <progress aria-label={`Checking ${checking.name}`} /> Checking {checking.name}: manifest, checksum, every
              record, references and the audit chain…
            </>
          )}
          <button type="button" onClick={checking.cancel}>
            Cancel
          </button>
        </p>
      )}
      {imports.error && (
        <p className="error-text" role="alert" data-testid="import-error">
          {imports.error}
        </p>
      )}
      {imports.result && (
        <p role="status" data-testid="import-result">
          {imports.result}
        </p>
      )}
      {incoming && (
        <div className="import-preview" data-testid="import-preview">
          <h3>
            {incoming.isBackup ? 'Restore' : 'Import'} {incoming.name}
          </h3>
          <p>
            Made by {incoming.manifest.createdBy} on{' '}
            {new Date(incoming.manifest.createdAt).toLocaleString()} with Loopdesk{' '}
            {incoming.manifest.appVersion}; checksum and audit chain verified.
          </p>
          <BundleSignerPanel
            status={incoming.signer}
            actor={actor}
            onChanged={() => void imports.signerRefresh()}
          />
          <p>
            {incoming.preview.summary.isNothingToAdd
              ? incoming.preview.skipText
                ? 'Nothing else to add: the rest of this bundle is already here.'
                : 'Nothing to add: everything in this bundle is already here.'
              : `This ${incoming.preview.summary.text}.`}
          </p>
          {incoming.preview.skipText && (
            <p data-testid="import-erased-skipped">
              {incoming.preview.skipText}: they were erased here, and nothing of them is brought back.
            </p>
          )}
          {incoming.preview.erases.length > 0 && (
            <div role="alert" data-testid="import-erases">
              <p>
                This bundle carries {incoming.preview.erases.length === 1 ? 'an erasure' : `${incoming.preview.erases.length} erasures`}{' '}
                made on another machine. {incoming.isBackup ? 'Restoring' : 'Importing'} it erases{' '}
                {incoming.preview.erases.length === 1 ? '1 candidate' : `${incoming.preview.erases.length} candidates`} here, with
                everything recorded about them:
              </p>
              <ul>
                {incoming.preview.erases.map((e) => (
                  <li key={e.candidateId}>
                    {candidateLabel({ id: e.candidateId, name: e.name })} (erased on {e.erasedOn})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {incoming.preview.conflicts.length > 0 && (
            <>
              <p className="error-text">Conflicts — kept as they are here, never overwritten:</p>
              <ul>
                {incoming.preview.conflicts.map((c) => (
                  <li key={c.table + c.id}>{c.reason}</li>
                ))}
              </ul>
            </>
          )}
          <p className="form-row">
            <button
              type="button"
              className="primary"
              disabled={
                isWriting ||
                !bundleSignerAllowsImport(incoming.signer) ||
                (incoming.preview.summary.isNothingToAdd && incoming.preview.erases.length === 0)
              }
              onClick={() => void imports.apply()}
            >
              {isWriting
                ? 'Importing…'
                : `${incoming.isBackup ? 'Restore' : 'Import'}${
                    incoming.preview.erases.length > 0
                      ? ` and erase ${incoming.preview.erases.length === 1 ? '1 candidate' : `${incoming.preview.erases.length} candidates`}`
                      : ''
                  }`}
            </button>
            <button type="button" disabled={isWriting} onClick={imports.dismiss}>
              Cancel
            </button>
          </p>
          {imports.percent !== null && (
            <ImportProgress
              verb={incoming.isBackup ? 'Restoring' : 'Importing'}
              name={incoming.name}
              percent={imports.percent}
              onCancel={imports.cancelWrite}
            />
          )}
        </div>
      )}
    </section>
  );
}
