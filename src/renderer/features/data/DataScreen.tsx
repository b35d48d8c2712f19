import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { bundleStringify, type Bundle } from '../../../core/bundle';
import type { BundleScope } from '../../../core/bundle/bundleSchema';
import { appDb } from '../../db/dbContext';
import {
  auditVerify,
  bundleExportBuild,
  bundleExportForViewer,
  candidateErase,
  candidateErasurePreview,
  retentionDays,
  retentionPreview,
  retentionPurge,
  retentionPurgedText,
  retentionSet,
  type AuditVerification,
  type ErasureCounts,
} from '../../db/actions/dataActions';
import { useMe } from '../../db/hooks';
import { audienceCandidateName, audienceOf } from '../../../core/audience/audiencePolicy';
import { useBlindMode } from '../report/useAudience';
import { useAppStore } from '../../stores/appStore';
import { desktopApi } from '../../platform/desktopApi';
import { fileDownload } from '../../platform/fileDownload';
import { backupKeepDays } from '../../../shared/backupFileName';
import { ModalDialog } from '../../components/ModalDialog';
import type { Candidate, Interviewer } from '../../../core/model/records';
import { bundleSignAsProfile } from '../../db/actions/signingActions';
import { BundleImportPanel } from './BundleImportPanel';
import { ExchangeFolderPanel } from './ExchangeFolderPanel';

const appVersion = __LOOPDESK_VERSION__;

function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'loopdesk';
}

/**
 * Every bundle a profile exports carries its signature (none before a profile exists). When the
 * key cannot be made or stored (storage full), the bundle still goes out, unsigned and said so:
 * losing the data matters more than losing the signature.
 */
async function signedBy(me: Interviewer | null | undefined, bundle: Bundle, warn: (text: string) => void): Promise<Bundle> {
  if (!me) return bundle;
  try {
    return await bundleSignAsProfile(appDb(), bundle, me, Date.now());
  } catch (error) {
    warn(`This bundle is not signed: ${error instanceof Error ? error.message : String(error)}.`);
    return bundle;
  }
}

/**
 * A candidate as this profile's audience knows them: their neutral label while blind mode is on
 * (and while it is still being read), in the drop-downs, dialogs, notices and file names alike.
 */
function candidateLabelOf(candidate: { id: string; name: string }, isBlind: boolean | undefined): string {
  return audienceCandidateName(candidate, audienceOf('committee', isBlind !== false));
}

function candidateNameIn(candidates: readonly Candidate[], id: string, isBlind: boolean | undefined): string {
  const candidate = candidates.find((c) => c.id === id);
  return candidate ? candidateLabelOf(candidate, isBlind) : 'erased candidate';
}

/**
 * Exchange and stewardship: export bundles, import with a preview, backups, the audit chain,
 * erasure and retention. Everything destructive names what it removes and asks once.
 */
export function DataScreen() {
  const me = useMe();
  const actor = me?.name ?? 'loopdesk user';
  const isBlind = useBlindMode();
  const noticeShow = useAppStore((s) => s.noticeShow);
  const lists = useLiveQuery(async () => {
    const db = appDb();
    const [candidates, loops, interviewers] = await Promise.all([
      db.candidates.orderBy('name').toArray(),
      db.loops.toArray(),
      db.interviewers.orderBy('name').toArray(),
    ]);
    return { candidates, loops, interviewers, retention: await retentionDays(db) };
  }, []);
  const [scopeKey, setScopeKey] = useState('all');
  const [audit, setAudit] = useState<AuditVerification | null>(null);
  const [eraseId, setEraseId] = useState('');
  const [erasePreview, setErasePreview] = useState<ErasureCounts | null>(null);
  const [retentionInput, setRetentionInput] = useState('');
  const [purgeList, setPurgeList] = useState<Awaited<ReturnType<typeof retentionPreview>> | null>(null);

  if (!lists) return <p className="page muted">Loading…</p>;
  const candidateLabel = (candidate: { id: string; name: string }) => candidateLabelOf(candidate, isBlind);
  const nameOfCandidate = (id: string) => candidateNameIn(lists.candidates, id, isBlind);

  const scopeOf = (key: string): BundleScope => {
    const [kind, id] = key.split(':') as [BundleScope['kind'], string | undefined];
    return kind === 'all' || !id ? { kind: 'all' } : ({ kind, id } as BundleScope);
  };

  const exportBundle = async () => {
    const scope = scopeOf(scopeKey);
    const result = await bundleExportForViewer(appDb(), scope, { appVersion, createdBy: actor, now: Date.now(), viewerId: me?.id ?? null });
    if (!result.ok) {
      noticeShow('error', result.reason);
      return;
    }
    const label =
      scope.kind === 'all'
        ? 'everything'
        : scope.kind === 'loop'
          ? `loop ${candidateNameIn(lists.candidates, lists.loops.find((l) => l.id === scope.id)?.candidateId ?? '', isBlind)}`
          : scope.kind === 'candidate'
            ? candidateNameIn(lists.candidates, scope.id, isBlind)
            : `interviews by ${lists.interviewers.find((i) => i.id === scope.id)?.name ?? 'interviewer'}`;
    // Scope and day in the name, so exports of different scopes or days never overwrite each other.
    const day = new Date(result.bundle.manifest.createdAt).toISOString().slice(0, 10);
    fileDownload(`${safeName(label)} ${day}.loopdesk`, bundleStringify(await signedBy(me, result.bundle, (text) => noticeShow('error', text))));
    const { candidates: held, interviews: heldInterviews } = result.withheld;
    noticeShow(
      'info',
      held === 0
        ? `Exported ${label}.`
        : `Exported ${label} without colleagues' evidence for ${held} candidate${held === 1 ? '' : 's'} you have not sealed your own interview of (${heldInterviews} interview${heldInterviews === 1 ? '' : 's'} left out).`,
    );
  };

  const downloadBackup = async () => {
    try {
      const bundle = await signedBy(me, await bundleExportBuild(appDb(), { kind: 'all' }, { appVersion, createdBy: actor, now: Date.now() }), (text) => noticeShow('error', text));
      const { savedTo } = await (await desktopApi()).writeBackup(bundleStringify(bundle), backupKeepDays);
      noticeShow('info', `Backup saved to ${savedTo}.`);
    } catch (error) {
      noticeShow('error', `The backup was not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="page data-page">
      <header className="page-header">
        <h1>Data</h1>
        <span className="muted">Exchange, backups, audit, erasure and retention</span>
      </header>

      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export a bundle</h2>
        <p className="muted">
          A .loopdesk bundle carries sealed interviews with their evidence, the candidates and loops they belong to, and
          decisions. It is checked on import.
        </p>
        <div className="form-row">
          <label>
            What to export
            <select value={scopeKey} onChange={(e) => setScopeKey(e.target.value)}>
              <option value="all">Everything (backup)</option>
              <optgroup label="A loop">
                {lists.loops.map((l) => (
                  <option key={l.id} value={`loop:${l.id}`}>
                    Loop of {nameOfCandidate(l.candidateId)} ({new Date(l.createdAt).toLocaleDateString()})
                  </option>
                ))}
              </optgroup>
              <optgroup label="A candidate">
                {lists.candidates.map((c) => (
                  <option key={c.id} value={`candidate:${c.id}`}>
                    {candidateLabel(c)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="An interviewer's submitted interviews">
                {lists.interviewers.map((i) => (
                  <option key={i.id} value={`interviewer:${i.id}`}>
                    {i.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <button type="button" className="primary" onClick={() => exportBundle().catch((error: unknown) => noticeShow('error', `The export failed: ${error instanceof Error ? error.message : String(error)}`))}>
            Export bundle
          </button>
        </div>
      </section>

      <BundleImportPanel actor={actor} candidateLabel={candidateLabel} />

      {me && <ExchangeFolderPanel me={me} />}

      <section className="panel" aria-labelledby="backup-title">
        <h2 id="backup-title">Backups</h2>
        <p className="muted">
          The desktop app writes a backup bundle to its data folder every day and keeps the last 14. In a browser,
          download one yourself.
        </p>
        <button type="button" onClick={() => void downloadBackup()}>
          Download backup
        </button>
      </section>

      <section className="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <p className="muted">
          Sealing, amendments, decisions, imports, erasures and purges are recorded in a SHA-256 hash chain.
        </p>
        <button type="button" onClick={() => void auditVerify(appDb()).then(setAudit)}>
          Verify audit chain
        </button>
        {audit && (
          <p role="status" data-testid="audit-status" className={audit.ok ? undefined : 'error-text'}>
            {audit.ok
              ? `Audit chain verified: ${audit.count} entries, head ${audit.head?.hash.slice(0, 16) ?? '(empty)'}.`
              : `Audit chain broken at entry ${audit.brokenSeq}: ${audit.message}`}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="erase-title">
        <h2 id="erase-title">Erase a candidate</h2>
        <p className="muted">
          Removes the candidate and everything derived from them. The audit log keeps only a pseudonymous event; later
          backups exclude them.
        </p>
        <div className="form-row">
          <label>
            Candidate
            <select value={eraseId} onChange={(e) => setEraseId(e.target.value)} aria-label="Candidate to erase">
              <option value="">Choose…</option>
              {lists.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {candidateLabel(c)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="danger"
            disabled={!eraseId}
            onClick={() => void candidateErasurePreview(appDb(), eraseId).then(setErasePreview)}
          >
            Erase…
          </button>
        </div>
      </section>

      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">Retention</h2>
        <p>
          {lists.retention === null
            ? 'No retention period is set: closed loops are kept until erased.'
            : `Closed loops are purged ${lists.retention} days after closing (checked when Loopdesk starts).`}
        </p>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            const days = retentionInput.trim() === '' ? null : Number(retentionInput);
            if (days !== null && (!Number.isFinite(days) || days < 1)) {
              noticeShow('error', 'Retention must be a whole number of days, 1 or more (empty to keep loops).');
              return;
            }
            void retentionSet(appDb(), days).then(() => setRetentionInput(''));
          }}
        >
          <label>
            Retention period (days)
            <input
              inputMode="numeric"
              value={retentionInput}
              onChange={(e) => setRetentionInput(e.target.value)}
              placeholder={lists.retention === null ? 'e.g. 365' : String(lists.retention)}
            />
          </label>
          <button type="submit">Save</button>
          <button
            type="button"
            disabled={lists.retention === null}
            onClick={() =>
              void retentionPreview(appDb(), Date.now()).then((list) =>
                list.length === 0
                  ? noticeShow('info', 'No closed loop is past the retention period.')
                  : setPurgeList(list),
              )
            }
          >
            Purge expired loops now
          </button>
        </form>
      </section>

      {purgeList && (
        <ModalDialog
          title={`Purge ${purgeList.length} closed loop${purgeList.length === 1 ? '' : 's'}?`}
          onClose={() => setPurgeList(null)}
        >
          <p>
            These loops closed more than {lists.retention} days ago. Their interviews, evidence and decisions are
            removed, and candidates left without a loop are removed too:
          </p>
          <ul>
            {purgeList.map((l) => (
              <li key={l.loopId}>
                {l.candidateName}, closed {new Date(l.closedAt).toLocaleDateString()}
              </li>
            ))}
          </ul>
          <p className="form-row">
            <button
              type="button"
              className="danger"
              onClick={() =>
                void retentionPurge(appDb(), actor, Date.now()).then((n) => {
                  noticeShow('info', retentionPurgedText(n, purgeList.map((l) => l.candidateName)));
                  setPurgeList(null);
                })
              }
            >
              Purge permanently
            </button>
            <button type="button" onClick={() => setPurgeList(null)} autoFocus>
              Cancel
            </button>
          </p>
        </ModalDialog>
      )}
      {erasePreview && eraseId && (
        <ModalDialog title={`Erase ${nameOfCandidate(eraseId)}?`} onClose={() => setErasePreview(null)}>
          <p>
            This permanently removes {nameOfCandidate(eraseId)}, {erasePreview.loops} loop
            {erasePreview.loops === 1 ? '' : 's'}, {erasePreview.interviews} interview
            {erasePreview.interviews === 1 ? '' : 's'} with {erasePreview.ratings} ratings and {erasePreview.notes}{' '}
            notes, and {erasePreview.decisions} decision
            {erasePreview.decisions === 1 ? '' : 's'}. It cannot be undone.
          </p>
          <p>
            A tombstone (a salted hash, the date, no name) is kept so that importing an older bundle or restoring a backup
            does not bring this candidate back. Other candidates' calibrated numbers will be recomputed without this
            candidate's ratings, so their reports may change.
          </p>
          <p className="form-row">
            <button
              type="button"
              className="danger"
              onClick={() =>
                void candidateErase(appDb(), eraseId, actor, Date.now()).then(() => {
                  noticeShow('info', 'Candidate erased.');
                  setErasePreview(null);
                  setEraseId('');
                })
              }
            >
              Erase permanently
            </button>
            <button type="button" onClick={() => setErasePreview(null)} autoFocus>
              Cancel
            </button>
          </p>
        </ModalDialog>
      )}
    </div>
  );
}
