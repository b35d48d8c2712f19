import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { keyFingerprint } from '../../../core/signing/bundleSignature';
import { exchangeTallyText } from '../../../core/exchange/exchangeFolder';
import { bundlePackDimensionsOf } from '../../../core/bundle/bundleDimensions';
import type { Interviewer } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';
import {
  exchangeErasureConfirm,
  exchangeFolderRecall,
  exchangeFolderRemember,
  exchangePrivateNotesAllowed,
  exchangePrivateNotesSet,
} from '../../db/actions/exchangeActions';
import { keyPinAcceptChange, keyPinTrust, profileKeyEnsure } from '../../db/actions/signingActions';
import type { ExchangeLogRow, ProfileKeyRow } from '../../db/rows/signingRows';
import { exchangeFolderIsSupported, exchangeFolderPermission, exchangeFolderPick } from '../../platform/exchangeFolderAccess';
import { useAppStore } from '../../stores/appStore';
import { exchangeFolderNudge, useExchangeFolderStatus, type ExchangeFolderStatus } from './useExchangeFolderUpkeep';
import { ExchangeConflictsPanel } from './ExchangeConflictsPanel';

/** How many log lines the screen shows (the table keeps them all). */
const logShown = 200;

/**
 * The exchange folder in Data: choose it, see this profile's key fingerprint, what waits for a
 * person (a new or changed key, a received erasure), and the log of every file read or written.
 */
export function ExchangeFolderPanel({ me }: { me: Interviewer }) {
  const status = useExchangeFolderStatus();
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [busyFile, setBusyFile] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    const db = appDb();
    const rows = (await db.exchangeLog.orderBy('seq').reverse().limit(5_000).toArray()).filter((r) => r.profileId === me.id);
    const latest = new Map<string, ExchangeLogRow>();
    for (const row of rows) if (!latest.has(row.file)) latest.set(row.file, row);
    return {
      key: await db.profileKeys.get(me.id),
      sharesPrivateNotes: await exchangePrivateNotesAllowed(db, me.id),
      rows: rows.slice(0, logShown),
      latest: [...latest.values()],
    };
  }, [me.id]);
  if (!data) return null;

  const fail = (error: unknown) => noticeShow('error', error instanceof Error ? error.message : String(error));
  const act = (file: string, work: () => Promise<unknown>) => {
    setBusyFile(file);
    void work()
      .then(() => exchangeFolderNudge())
      .catch(fail)
      .finally(() => setBusyFile(null));
  };
  const choose = () =>
    void exchangeFolderPick()
      .then(async (handle) => {
        if (!handle) return;
        await exchangeFolderRemember(appDb(), handle);
        await profileKeyEnsure(appDb(), me.id, Date.now());
        exchangeFolderNudge();
      })
      .catch(fail);
  const allowAgain = () =>
    void exchangeFolderRecall(appDb())
      .then((handle) => (handle ? exchangeFolderPermission(handle, true) : null))
      .then(() => exchangeFolderNudge())
      .catch(fail);
  const held = data.latest.filter((r) => r.outcome === 'held');
  const confirmErasure = (row: ExchangeLogRow) =>
    act(row.file, async () => {
      const folder = await exchangeFolderRecall(appDb());
      if (!folder) throw new Error('choose the folder again first');
      const packs = bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
      const receipt = await exchangeErasureConfirm(appDb(), folder, row.file, me, { now: Date.now(), packs });
      noticeShow(receipt.outcome === 'received' ? 'info' : 'error', `${row.file}: ${receipt.detail}`);
    });

  return (
    <section className="panel" aria-labelledby="exchange-title" data-testid="exchange-folder">
      <h2 id="exchange-title">Exchange folder</h2>
      <p className="muted">
        A folder on your organisation&apos;s file sync (a network share, a synced drive, Syncthing). Loopdesk writes a
        signed bundle for each interview you seal, each amendment, decision and erasure into{' '}
        <code>outbox/&lt;your profile&gt;/</code>, and imports what colleagues&apos; profiles write, as it arrives. Drafts
        never go there.
      </p>
      <p>
        Your key fingerprint:{' '}
        <code data-testid="own-fingerprint">{data.key ? keyFingerprint(data.key.publicKey) : 'made when you first sign'}</code>{' '}
        <span className="muted">— colleagues compare it before trusting your bundles.</span>
      </p>
      {data.key && <KeyHomeLine keyRow={data.key} />}
      <FolderStatusLine status={status} onAllow={allowAgain} />
      <div className="form-row">
        <button type="button" className="primary" onClick={choose} disabled={!exchangeFolderIsSupported()}>
          {status.state === 'none' ? 'Choose folder…' : 'Choose another folder…'}
        </button>
        <button type="button" onClick={() => exchangeFolderNudge()} disabled={status.state === 'none'}>
          Check now
        </button>
        <button
          type="button"
          disabled={status.state === 'none'}
          onClick={() => void exchangeFolderRemember(appDb(), null).then(() => exchangeFolderNudge())}
        >
          Stop using the folder
        </button>
      </div>
      {!exchangeFolderIsSupported() && (
        <p className="warning-text">This browser cannot open folders: use Chromium, Edge or the desktop app.</p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={data.sharesPrivateNotes}
          onChange={(e) => void exchangePrivateNotesSet(appDb(), me.id, e.target.checked).then(() => exchangeFolderNudge())}
        />{' '}
        This is a hiring committee member&apos;s profile: interviews with private notes may go into the folder (everyone
        who reads the folder sees them)
      </label>
      {status.state === 'idle' && status.kept.length > 0 && (
        <p className="warning-text" data-testid="exchange-kept">
          Not sent yet: {status.kept.length} file{status.kept.length === 1 ? '' : 's'} — {[...new Set(status.kept.map((k) => k.reason))].join('; ')}.
        </p>
      )}
      {held.length > 0 && (
        <div role="region" aria-label="Waiting for you" data-testid="exchange-held">
          <h3>Waiting for you</h3>
          <ul>
            {held.map((row) => (
              <li key={row.file}>
                <span>{row.detail}</span>{' '}
                {row.waitsFor === 'key' && row.signer && (
                  <button type="button" disabled={busyFile === row.file} onClick={() => act(row.file, () => keyPinTrust(appDb(), row.signer!, me.name, Date.now()))}>
                    I compared {keyFingerprint(row.signer.publicKey)} with {row.signer.name}: trust
                  </button>
                )}
                {row.waitsFor === 'key-change' && row.signer && (
                  <button type="button" className="danger" disabled={busyFile === row.file} onClick={() => act(row.file, () => keyPinAcceptChange(appDb(), row.signer!, me.name, Date.now()))}>
                    Accept {row.signer.name}&apos;s new key
                  </button>
                )}
                {row.waitsFor === 'erasure' && (
                  <button type="button" className="danger" disabled={busyFile === row.file} onClick={() => confirmErasure(row)}>
                    Import and erase
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ExchangeConflictsPanel me={me} rows={data.latest.filter((r) => r.outcome === 'conflict')} />
      <h3>Log</h3>
      <p data-testid="exchange-tally">{exchangeTallyText(data.latest.map((r) => r.outcome))}</p>
      {data.rows.length > 0 && (
        <div className="table-scroll exchange-log-scroll">
          <table className="exchange-log" data-testid="exchange-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.seq} data-outcome={row.outcome}>
                  <td>{new Date(row.at).toLocaleTimeString()}</td>
                  <td>
                    <code>{row.file}</code>
                  </td>
                  <td>
                    <strong>{row.outcome}</strong>: {row.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FolderStatusLine({ status, onAllow }: { status: ExchangeFolderStatus; onAllow: () => void }) {
  switch (status.state) {
    case 'none':
      return <p data-testid="exchange-status">No folder chosen: bundles move only when you export and import them.</p>;
    case 'permission':
      return (
        <p data-testid="exchange-status" className="warning-text">
          The browser needs your permission again to use “{status.folderName}”.{' '}
          <button type="button" onClick={onAllow}>
            Allow access
          </button>
        </p>
      );
    case 'checking':
      return <p data-testid="exchange-status">Checking “{status.folderName}”…</p>;
    case 'idle':
      return (
        <p data-testid="exchange-status">
          Watching “{status.folderName}”, last checked {new Date(status.checkedAt).toLocaleTimeString()}.
        </p>
      );
    case 'error':
      return (
        <p data-testid="exchange-status" className="error-text">
          “{status.folderName}” could not be used: {status.message}
        </p>
      );
  }
}

/** Where this profile's private key lives, and why when the desktop app could not keep it. */
function KeyHomeLine({ keyRow }: { keyRow: ProfileKeyRow }) {
  if (keyRow.keptBy === 'desktop')
    return (
      <p className="muted" data-testid="key-home">
        Your private key is kept by the desktop app, encrypted with the operating system&apos;s key store; the app signs
        for you and this window never holds the key.
      </p>
    );
  if (keyRow.desktopUnavailable)
    return (
      <p className="warning-text" data-testid="key-home">
        Your private key is kept in this app&apos;s database as a non-extractable key, not in the operating system&apos;s
        key store: {keyRow.desktopUnavailable}.
      </p>
    );
  return (
    <p className="muted" data-testid="key-home">
      Your private key is kept in this browser as a non-extractable key: it signs and cannot be copied out.
    </p>
  );
}
