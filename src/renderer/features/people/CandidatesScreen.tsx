import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { href } from '../../app/router';
import { usePacks } from '../../hooks/usePacks';
import { fuzzyFilter } from '../../../core/text/fuzzy';
import { OpenDemoButton } from '../today/OpenDemoButton';
import { InterviewersPanel } from './InterviewersPanel';
import { useMe } from '../../db/hooks';

/** Recruiter's list: every candidate, searchable, with their open loops' missing scorecards. */
export function CandidatesScreen() {
  const [query, setQuery] = useState('');
  const me = useMe();
  const packs = usePacks();
  const data = useLiveQuery(async () => {
    const db = appDb();
    const [candidates, loops, interviews] = await Promise.all([
      db.candidates.orderBy('updatedAt').reverse().toArray(),
      db.loops.where('status').equals('open').toArray(),
      db.interviews.where('status').anyOf('planned', 'draft').toArray(),
    ]);
    return { candidates, loops, interviews };
  }, []);

  if (!data) return <p className="page muted">Loading…</p>;
  const { candidates, loops, interviews } = data;
  const shown = query ? fuzzyFilter(candidates, query, (c) => `${c.name} ${c.email}`) : candidates;
  const missingFor = (candidateId: string) => interviews.filter((i) => i.candidateId === candidateId).length;
  const openLoopsFor = (candidateId: string) => loops.filter((l) => l.candidateId === candidateId).length;
  const roleOf = (packId: string) => packs.find((p) => p.manifest.id === packId)?.manifest.role ?? packId;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Candidates</h1>
        <div className="actions">
          <a className="button primary" href="#/candidates/new">
            Add candidate
          </a>
        </div>
      </header>
      {candidates.length === 0 ? (
        <section className="empty-state">
          <h2>No candidates yet</h2>
          <p>Add a candidate, then plan their loop: which interviews, with which kit, by whom.</p>
          <p className="form-row">
            <a className="button primary" href="#/candidates/new">
              Add candidate
            </a>
            <OpenDemoButton />
          </p>
        </section>
      ) : (
        <>
          <label className="search">
            Search candidates
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or email" />
          </label>
          <table aria-label="Candidates">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Target level</th>
                <th className="num">Open loops</th>
                <th className="num">Scorecards missing</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={href('candidates', c.id)}>{c.name}</a>
                  </td>
                  <td>{roleOf(c.packId)}</td>
                  <td>
                    {packs.find((p) => p.manifest.id === c.packId)?.levels.find((l) => l.id === c.targetLevel)?.title ??
                      c.targetLevel}
                  </td>
                  <td className="num">{openLoopsFor(c.id)}</td>
                  <td className="num">{missingFor(c.id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">No candidate matches “{query}”.</p>}
        </>
      )}
      <InterviewersPanel meId={me?.id ?? null} />
    </div>
  );
}
