import { useEffect, useState } from 'react';
import { bundlePackDimensionsOf } from '../../../core/bundle/bundleDimensions';
import type { Interviewer } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';
import { exchangeFolderRecall } from '../../db/actions/exchangeActions';
import { exchangeConflictLoad, exchangeConflictResolve, type ExchangeConflictView as View, type ExchangeConflictItem } from '../../db/actions/exchangeConflictActions';
import { useAppStore } from '../../stores/appStore';
import { exchangeFolderNudge } from './useExchangeFolderUpkeep';

const packsNow = () => bundlePackDimensionsOf(useAppStore.getState().rubrics?.packs ?? []);
const when = (at: number | null) => (at === null ? 'not known' : new Date(at).toLocaleString());

/**
 * One conflicting file, side by side: for each record it differs on, what is here and what the
 * file carries (only the fields that differ), who signed or made each and when; then "Keep mine"
 * or "Take theirs" for the whole file. The file is read and checked again on open and on decide.
 */
export function ExchangeConflictView({ me, file, onDone }: { me: Interviewer; file: string; onDone: () => void }) {
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [view, setView] = useState<View | null>(null);
  const [isDeciding, setIsDeciding] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const folder = await exchangeFolderRecall(appDb());
      const loaded: View = folder
        ? await exchangeConflictLoad(appDb(), folder, file, me, { packs: packsNow() })
        : { ok: false, reason: 'choose the folder again first' };
      if (isCurrent) setView(loaded);
    })().catch((error: unknown) => isCurrent && setView({ ok: false, reason: error instanceof Error ? error.message : String(error) }));
    return () => {
      isCurrent = false;
    };
  }, [file, me]);

  const decide = (choice: 'mine' | 'theirs') => {
    setIsDeciding(true);
    void (async () => {
      const folder = await exchangeFolderRecall(appDb());
      if (!folder) throw new Error('choose the folder again first');
      await exchangeConflictResolve(appDb(), folder, file, me, choice, { now: Date.now(), packs: packsNow() });
      noticeShow('info', choice === 'mine' ? `${file}: kept what is here.` : `${file}: took the file's version.`);
      exchangeFolderNudge();
      onDone();
    })()
      .catch((error: unknown) => noticeShow('error', error instanceof Error ? error.message : String(error)))
      .finally(() => setIsDeciding(false));
  };

  if (!view) return <p className="muted">Reading {file} again…</p>;
  if (!view.ok)
    return (
      <p className="error-text" role="alert" data-testid="conflict-unavailable">
        {file} cannot be compared now: {view.reason}
      </p>
    );
  const refusal = view.items.find((i) => i.refusal)?.refusal ?? null;
  return (
    <div className="exchange-conflict" data-testid="conflict-view">
      <p>
        {view.trustText} <span className="muted">Fingerprint <code>{view.fingerprint}</code>; bundle made {when(view.createdAt)}.</span>
      </p>
      {view.items.length === 0 && <p>Nothing differs any more: keeping what is here changes nothing.</p>}
      {view.items.map((item) => (
        <ConflictItemTable key={`${item.table}/${item.id}`} item={item} />
      ))}
      {refusal && <p className="warning-text">Their version cannot be taken: {refusal}.</p>}
      <div className="form-row">
        <button type="button" disabled={isDeciding} onClick={() => decide('mine')}>
          Keep mine
        </button>
        <button type="button" className="danger" disabled={isDeciding || refusal !== null || view.items.length === 0} onClick={() => decide('theirs')}>
          Take theirs
        </button>
      </div>
    </div>
  );
}

function ConflictItemTable({ item }: { item: ExchangeConflictItem }) {
  return (
    <div className="table-scroll">
      <table className="exchange-conflict-table" aria-label={item.label}>
        <caption>{item.label}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Here (mine)</th>
            <th scope="col">In the file (theirs)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">From</th>
            <td>{item.mine.by}</td>
            <td>{item.theirs.by}</td>
          </tr>
          <tr>
            <th scope="row">When</th>
            <td>{when(item.mine.at)}</td>
            <td>{when(item.theirs.at)}</td>
          </tr>
          {item.fields.map((f) => (
            <tr key={f.field} data-field={f.field}>
              <th scope="row">{f.field}</th>
              <td>{f.mine}</td>
              <td>{f.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
