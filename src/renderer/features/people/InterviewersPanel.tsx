import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Interviewer } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';
import { interviewerCreate, interviewerUpdate } from '../../db/actions/peopleActions';
import { useAppStore } from '../../stores/appStore';

function InterviewerRow({ interviewer, meId }: { interviewer: Interviewer; meId: string | null }) {
  const [isEditing, setIsEditing] = useState(false);
  const [name, setName] = useState(interviewer.name);
  const [email, setEmail] = useState(interviewer.email);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void interviewerUpdate(appDb(), interviewer.id, { name, email })
      .then(() => setIsEditing(false))
      .catch((e: unknown) => noticeShow('error', e instanceof Error ? e.message : String(e)));
  };
  if (isEditing) {
    return (
      <tr>
        <td colSpan={3}>
          <form className="form-row" onSubmit={save} aria-label={`Edit ${interviewer.name}`}>
            <label>
              Name
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <label>
              Email
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
            </label>
            <button type="submit" className="primary" disabled={!name.trim()}>
              Save
            </button>
            <button type="button" onClick={() => setIsEditing(false)}>
              Cancel
            </button>
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        {interviewer.name}
        {interviewer.id === meId ? ' (me)' : ''}
      </td>
      <td>{interviewer.email || '—'}</td>
      <td>
        <button type="button" className="link" onClick={() => setIsEditing(true)}>
          Edit<span className="sr-only"> {interviewer.name}</span>
        </button>
      </td>
    </tr>
  );
}

/** The panel's interviewers: everyone who can be assigned an interview on this machine. */
export function InterviewersPanel({ meId }: { meId: string | null }) {
  const interviewers = useLiveQuery(() => appDb().interviewers.orderBy('name').toArray(), []) ?? [];
  const [name, setName] = useState('');
  return (
    <details className="panel">
      <summary>
        <h2 className="inline-heading">Interviewers ({interviewers.length})</h2>
      </summary>
      <table aria-label="Interviewers">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {interviewers.map((i) => (
            <InterviewerRow key={i.id} interviewer={i} meId={meId} />
          ))}
        </tbody>
      </table>
      <form
        className="form-row"
        style={{ marginTop: 8 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void interviewerCreate(appDb(), { name: name.trim() }, Date.now()).then(() => setName(''));
        }}
      >
        <label>
          New interviewer
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          Add interviewer
        </button>
      </form>
    </details>
  );
}
