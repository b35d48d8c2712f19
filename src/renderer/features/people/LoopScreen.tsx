import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { loopClose, loopInterviewAdd, loopInterviewRemove, loopReopen } from '../../db/actions/peopleActions';
import { retentionDays } from '../../db/actions/dataActions';
import { ModalDialog } from '../../components/ModalDialog';
import { useMe } from '../../db/hooks';
import { usePack } from '../../hooks/usePacks';
import { href } from '../../app/router';
import { InterviewStatusBadge } from '../../components/InterviewStatusBadge';
import { interviewIsSealed } from '../../../core/interview/interviewLifecycle';
import { useAppStore } from '../../stores/appStore';
import { PanelRatings } from './PanelRatings';

/** A loop: its planned interviews, who runs each, and which scorecards are still missing. */
export function LoopScreen({ loopId }: { loopId: string }) {
  const me = useMe();
  const noticeShow = useAppStore((s) => s.noticeShow);
  const data = useLiveQuery(async () => {
    const db = appDb();
    const loop = await db.loops.get(loopId);
    if (!loop) return { loop: undefined };
    const [candidate, interviews, interviewers] = await Promise.all([
      db.candidates.get(loop.candidateId),
      db.interviews.where('loopId').equals(loopId).toArray(),
      db.interviewers.toArray(),
    ]);
    return { loop, candidate, interviews, interviewers };
  }, [loopId]);
  const { pack, isExact } = usePack(data?.loop?.packId, data?.loop?.packHash);
  const [kitId, setKitId] = useState('');
  const [interviewerId, setInterviewerId] = useState('');
  const [isClosing, setIsClosing] = useState(false);
  const retention = useLiveQuery(() => retentionDays(appDb()), []);

  if (!data) return <p className="page muted">Loading…</p>;
  if (!data.loop) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>Loop not found</h1>
          <p>
            It may have been purged under the retention policy. <a href="#/candidates">Back to candidates</a>.
          </p>
        </section>
      </div>
    );
  }
  const { loop, candidate, interviews = [], interviewers = [] } = data;
  const nameOf = (id: string) => interviewers.find((i) => i.id === id)?.name ?? 'Unknown interviewer';
  const kitTitle = (id: string) => pack?.kits.find((k) => k.id === id)?.title ?? id;
  const missing = interviews.filter((i) => i.status === 'planned' || (i.status === 'draft' && i.version === 0));
  // One name per person, with how many of theirs are open.
  const missingBy = [...new Set(missing.map((i) => i.interviewerId))].map((id) => {
    const count = missing.filter((i) => i.interviewerId === id).length;
    return count > 1 ? `${nameOf(id)} (${count})` : nameOf(id);
  });
  const levelTitle = pack?.levels.find((l) => l.id === loop.targetLevel)?.title ?? loop.targetLevel;
  const run = (p: Promise<unknown>): Promise<boolean> =>
    p.then(
      () => true,
      (e: unknown) => {
        noticeShow('error', e instanceof Error ? e.message : String(e));
        return false;
      },
    );

  return (
    <div className="page">
      <header className="page-header">
        <h1>
          Loop for {candidate ? <a href={href('candidates', candidate.id)}>{candidate.name}</a> : 'an erased candidate'}
        </h1>
        <span className="muted">
          {pack?.manifest.role ?? loop.packId} · {levelTitle} · {loop.packId} {loop.packVersion} ·{' '}
          {loop.status === 'open'
            ? 'Open'
            : `Closed${loop.closedAt ? ` ${new Date(loop.closedAt).toLocaleDateString()}` : ''}`}
        </span>
        <div className="actions">
          <a className="button" href={href('reports', loop.candidateId)}>
            Candidate report
          </a>
          {loop.status === 'open' ? (
            <button type="button" onClick={() => setIsClosing(true)}>
              Close loop…
            </button>
          ) : (
            <button
              type="button"
              onClick={() =>
                void run(loopReopen(appDb(), loop.id, me?.name ?? 'recruiter', Date.now())).then(
                  (ok) => ok && noticeShow('info', 'Loop reopened: the retention clock is stopped.'),
                )
              }
            >
              Reopen loop
            </button>
          )}
        </div>
      </header>
      {!isExact && pack && (
        <p className="notice" role="note">
          This loop was planned with a different version of the pack (hash {loop.packHash.slice(0, 12)}); showing{' '}
          {pack.manifest.version}.
        </p>
      )}
      {isClosing && (
        <ModalDialog title="Close this loop?" onClose={() => setIsClosing(false)}>
          <p>
            Closing the loop for {candidate?.name ?? 'this candidate'} ends planning and starts the retention clock
            today:{' '}
            {retention
              ? `after ${retention} days its interviews, notes and ratings are purged.`
              : 'no retention period is set, so nothing is purged until one is (Data screen).'}
          </p>
          {missing.length > 0 && (
            <p className="error-text">
              {missing.length} scorecard{missing.length === 1 ? ' is' : 's are'} still missing ({missingBy.join(', ')}).
            </p>
          )}
          <p>You can reopen it later; closing and reopening are both recorded in the audit log.</p>
          <p className="form-row">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                setIsClosing(false);
                void run(loopClose(appDb(), loop.id, me?.name ?? 'recruiter', Date.now())).then(
                  (ok) => ok && noticeShow('info', 'Loop closed: the retention clock has started. Reopen it to undo.'),
                );
              }}
            >
              Close loop
            </button>
            <button type="button" onClick={() => setIsClosing(false)}>
              Cancel
            </button>
          </p>
        </ModalDialog>
      )}
      <p aria-live="polite">
        {missing.length === 0 ? (
          'All scorecards are in.'
        ) : (
          <>
            {missing.length} of {interviews.length} scorecards missing: {missingBy.join(', ')}.{' '}
            <a href="#/due">Scorecards due</a>
          </>
        )}
      </p>
      <table aria-label="Interviews in this loop">
        <thead>
          <tr>
            <th>Interview</th>
            <th>Interviewer</th>
            <th>Scheduled</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((i) => (
            <tr key={i.id}>
              <td>{kitTitle(i.kitId)}</td>
              <td>
                {nameOf(i.interviewerId)}
                {i.interviewerId === me?.id ? ' (me)' : ''}
              </td>
              <td>{i.scheduledAt ? new Date(i.scheduledAt).toLocaleString() : '—'}</td>
              <td>
                <InterviewStatusBadge interview={i} />
              </td>
              <td>
                {i.interviewerId === me?.id && (
                  <a href={href('interviews', i.id)}>{i.status === 'planned' ? 'Start' : 'Open'}</a>
                )}
                {i.interviewerId !== me?.id && interviewIsSealed(i) && (
                  // The scorecard route decides who may read it (committee, or a panelist who sealed).
                  <a href={href('scorecards', i.id)}>
                    Scorecard<span className="sr-only"> of {nameOf(i.interviewerId)}</span>
                  </a>
                )}
                {i.status === 'planned' && loop.status === 'open' && (
                  <button type="button" className="link" onClick={() => void run(loopInterviewRemove(appDb(), i.id))}>
                    Remove<span className="sr-only"> {kitTitle(i.kitId)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pack && (
        <PanelRatings
          pack={pack}
          candidateInterviews={interviews}
          interviewers={interviewers}
          viewerId={me?.id ?? null}
        />
      )}
      {loop.status === 'open' && pack && (
        <form
          className="form-row panel"
          style={{ marginTop: 16 }}
          aria-label="Add an interview"
          onSubmit={(e) => {
            e.preventDefault();
            const kit = kitId || pack.kits[0]?.id;
            const who = interviewerId || me?.id;
            if (!kit || !who) return;
            void run(
              loopInterviewAdd(appDb(), loop.id, { kitId: kit, interviewerId: who, scheduledAt: null }, Date.now()),
            );
          }}
        >
          <label>
            Kit
            <select value={kitId || pack.kits[0]?.id} onChange={(e) => setKitId(e.target.value)}>
              {pack.kits.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Interviewer
            <select value={interviewerId || me?.id || ''} onChange={(e) => setInterviewerId(e.target.value)}>
              {interviewers.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add interview</button>
        </form>
      )}
    </div>
  );
}
