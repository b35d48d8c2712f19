import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { candidateUpdate } from '../../db/actions/peopleActions';
import { href, navigate } from '../../app/router';
import { usePack } from '../../hooks/usePacks';
import { CandidateForm } from './CandidateForm';
import { LoopPlanner } from './LoopPlanner';

/** One candidate: who they are, their loops and what is missing, and the way to plan a loop. */
export function CandidateScreen({ candidateId, isPlanning }: { candidateId: string; isPlanning: boolean }) {
  const [isEditing, setIsEditing] = useState(false);
  const data = useLiveQuery(async () => {
    const db = appDb();
    const candidate = await db.candidates.get(candidateId);
    const loops = await db.loops.where('candidateId').equals(candidateId).reverse().sortBy('createdAt');
    const interviews = await db.interviews.where('candidateId').equals(candidateId).toArray();
    return { candidate, loops, interviews };
  }, [candidateId]);
  const { pack } = usePack(data?.candidate?.packId);

  if (!data) return <p className="page muted">Loading…</p>;
  const { candidate, loops, interviews } = data;
  if (!candidate) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>Candidate not found</h1>
          <p>
            They may have been erased. <a href="#/candidates">Back to candidates</a>.
          </p>
        </section>
      </div>
    );
  }
  const levelTitle = pack?.levels.find((l) => l.id === candidate.targetLevel)?.title ?? candidate.targetLevel;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{candidate.name}</h1>
        <span className="muted">
          {pack?.manifest.role ?? candidate.packId} · target {levelTitle}
        </span>
        <div className="actions">
          {!isEditing && (
            <button type="button" onClick={() => setIsEditing(true)}>
              Edit details
            </button>
          )}
          {!isPlanning && (
            <a className="button primary" href={`${href('candidates', candidate.id)}?plan=1`}>
              Plan a loop
            </a>
          )}
        </div>
      </header>
      {isEditing ? (
        <div className="panel" style={{ maxWidth: 900 }}>
          <CandidateForm
            initial={candidate}
            submitLabel="Save changes"
            onCancel={() => setIsEditing(false)}
            onSubmit={async (input) => {
              await candidateUpdate(appDb(), candidate.id, input, Date.now());
              setIsEditing(false);
            }}
          />
        </div>
      ) : (
        <dl className="facts panel">
          <dt>Email</dt>
          <dd>{candidate.email || '—'}</dd>
          <dt>Phone</dt>
          <dd>{candidate.phone || '—'}</dd>
          <dt>Recruiter notes</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{candidate.notes || '—'}</dd>
        </dl>
      )}
      {isPlanning && <LoopPlanner candidate={candidate} onCancel={() => navigate(href('candidates', candidate.id))} />}
      <section aria-labelledby="loops-title">
        <h2 id="loops-title">Loops</h2>
        {loops.length === 0 ? (
          <p className="muted">No loop planned yet. Plan one to assign interviews and kits.</p>
        ) : (
          <table aria-label="Loops">
            <thead>
              <tr>
                <th>Created</th>
                <th>Pack</th>
                <th>Status</th>
                <th className="num">Interviews</th>
                <th className="num">Scorecards missing</th>
              </tr>
            </thead>
            <tbody>
              {loops.map((loop) => {
                const mine = interviews.filter((i) => i.loopId === loop.id);
                const missing = mine.filter((i) => i.status === 'planned' || i.status === 'draft').length;
                return (
                  <tr key={loop.id}>
                    <td>
                      <a href={href('loops', loop.id)}>{new Date(loop.createdAt).toLocaleDateString()}</a>
                    </td>
                    <td>
                      {loop.packId} {loop.packVersion}
                    </td>
                    <td>{loop.status === 'open' ? 'Open' : 'Closed'}</td>
                    <td className="num">{mine.length}</td>
                    <td className="num">{missing}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
