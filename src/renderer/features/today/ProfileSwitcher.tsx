import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Interviewer } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';

// The profile writes (and the record schemas they validate with) load when first used, not at start-up.
const profileActions = () => import('../../db/actions/profileActions');

/** Several interviewers can share a machine: switch who "me" is, or add a profile. */
export function ProfileSwitcher({ me }: { me: Interviewer }) {
  const interviewers = useLiveQuery(() => appDb().interviewers.orderBy('name').toArray(), []) ?? [];
  const [newName, setNewName] = useState('');
  return (
    <details className="profile-switcher">
      <summary>Not {me.name}? Switch profile</summary>
      <div className="form-row" style={{ marginTop: 8 }}>
        <label>
          Interviewing as
          <select value={me.id} onChange={(e) => {
              const id = e.target.value;
              void profileActions().then((m) => m.profileSwitch(appDb(), id));
            }}>
            {interviewers.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          New profile
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Name" maxLength={200} />
        </label>
        <button
          type="button"
          disabled={!newName.trim()}
          onClick={() =>
            void profileActions()
              .then((m) => m.profileCreate(appDb(), { name: newName.trim() }, Date.now()))
              .then(() => setNewName(''))
          }
        >
          Add and switch
        </button>
      </div>
    </details>
  );
}
