import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Candidate } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';
import { interviewerCreate, loopCreate, type PlannedInterviewInput } from '../../db/actions/peopleActions';
import { useMe } from '../../db/hooks';
import { usePack } from '../../hooks/usePacks';
import { href, navigate } from '../../app/router';

interface Row extends PlannedInterviewInput {
  key: number;
}

let nextKey = 1;

/** Plans a loop: which interviews (kits) and who runs each. */
export function LoopPlanner({ candidate, onCancel }: { candidate: Candidate; onCancel: () => void }) {
  const me = useMe();
  const { pack } = usePack(candidate.packId);
  const interviewers = useLiveQuery(() => appDb().interviewers.orderBy('name').toArray(), []) ?? [];
  const [rows, setRows] = useState<Row[] | null>(null);
  const [targetLevel, setTargetLevel] = useState(candidate.targetLevel);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  if (!pack)
    return <p className="error-text">The rubric pack “{candidate.packId}” is not loaded, so no kits are available.</p>;
  // Nobody by default: the recruiter planning the loop is rarely the one who interviews.
  const defaultInterviewer = '';
  const current: Row[] =
    rows ??
    pack.kits.map((k) => ({ key: nextKey++, kitId: k.id, interviewerId: defaultInterviewer, scheduledAt: null }));
  const doubled = [...new Set(current.map((r) => r.interviewerId).filter(Boolean))]
    .map((id) => ({
      name: interviewers.find((i) => i.id === id)?.name ?? 'One interviewer',
      count: current.filter((r) => r.interviewerId === id).length,
    }))
    .filter((d) => d.count > 1);
  const update = (key: number, patch: Partial<Row>) =>
    setRows(current.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const addInterviewer = async () => {
    if (!newName.trim()) return;
    await interviewerCreate(appDb(), { name: newName.trim() }, Date.now());
    setNewName('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (current.length === 0) return setError('Plan at least one interview.');
    const unassigned = current.findIndex((r) => !r.interviewerId);
    if (unassigned >= 0) {
      const title = pack.kits.find((k) => k.id === current[unassigned]!.kitId)?.title ?? current[unassigned]!.kitId;
      document.getElementById(`planner-who-${current[unassigned]!.key}`)?.focus();
      return setError(`Interview ${unassigned + 1} (${title}) has no interviewer: choose one or remove it.`);
    }
    setIsSaving(true);
    try {
      const loop = await loopCreate(
        appDb(),
        { candidateId: candidate.id, pack, targetLevel, interviews: current.map(({ key: _k, ...r }) => r) },
        me?.name ?? 'recruiter',
        Date.now(),
      );
      navigate(href('loops', loop.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setIsSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="loop-planner-title">
      <h2 id="loop-planner-title">Plan a loop for {candidate.name}</h2>
      <p className="muted">
        {pack.manifest.title} {pack.manifest.version}. Each interview uses one kit and is run by one interviewer, who
        scores it independently.
      </p>
      <label style={{ maxWidth: 240, marginBottom: 16 }}>
        Target level
        <select value={targetLevel} onChange={(e) => setTargetLevel(e.target.value)}>
          {pack.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <table aria-label="Planned interviews">
        <thead>
          <tr>
            <th>Interview kit</th>
            <th>Interviewer</th>
            <th>Scheduled</th>
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {current.map((row, index) => (
            <tr key={row.key}>
              <td>
                <select
                  aria-label={`Kit for interview ${index + 1}`}
                  value={row.kitId}
                  onChange={(e) => update(row.key, { kitId: e.target.value })}
                >
                  {pack.kits.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.title}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  id={`planner-who-${row.key}`}
                  aria-label={`Interviewer for interview ${index + 1}`}
                  aria-invalid={!!error && !row.interviewerId}
                  value={row.interviewerId}
                  onChange={(e) => update(row.key, { interviewerId: e.target.value })}
                >
                  <option value="">Choose…</option>
                  {interviewers.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                      {i.id === me?.id ? ' (me)' : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="datetime-local"
                  aria-label={`Scheduled time for interview ${index + 1}`}
                  onChange={(e) =>
                    update(row.key, { scheduledAt: e.target.value ? new Date(e.target.value).getTime() : null })
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => setRows(current.filter((r) => r.key !== row.key))}
                >
                  Remove<span className="sr-only"> interview {index + 1}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-row" style={{ marginTop: 8 }}>
        <button
          type="button"
          onClick={() =>
            setRows([
              ...current,
              { key: nextKey++, kitId: pack.kits[0]?.id ?? '', interviewerId: defaultInterviewer, scheduledAt: null },
            ])
          }
        >
          Add interview
        </button>
        <label>
          New interviewer
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Name" maxLength={200} />
        </label>
        <button type="button" onClick={() => void addInterviewer()} disabled={!newName.trim()}>
          Add interviewer
        </button>
      </p>
      {doubled.length > 0 && (
        <p className="notice" role="note" data-testid="planner-doubled">
          {doubled.map((d) => `${d.name} holds ${d.count} interviews of this loop`).join('; ')}: their scores are not
          independent of each other, and the panel hears fewer voices.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="form-row" style={{ marginTop: 16 }}>
        <button type="submit" className="primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Create loop'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
