import { useState } from 'react';
import type { Interviewer } from '../../../core/model/records';
import { appDbLoad, useDbLive } from '../../db/useDbLive';

// The profile writes (and the record schemas they validate with) load when first used, not at start-up.
const profileActions = () => Promise.all([import('../../db/actions/profileActions'), appDbLoad()]);

/** Several interviewers can share a machine: switch who "me" is, or add a profile. */
export function ProfileSwitcher({ me }: { me: Interviewer }) {
  const interviewers = useDbLive((db) => db.interviewers.orderBy('name').toArray(), []) ?? [];
  const [newName, setNewName] = useState('');
  return (
    <details className="profile-switcher">
      <summary>Not {me.name}? Switch profile</summary>
      <div className="form-row" style={{ marginTop: 8 }}>
        <label>
          Interviewing as
          <select value={me.id} onChange={(e) => {
              const id = e.target.value;
              void profileActions().then(([m, db]) => m.profileSwitch(db, id));
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
              .then(([m, db]) => m.profileCreate(db, { name: newName.trim() }, Date.now()))
              .then(() => setNewName(''))
          }
        >
          Add and switch
        </button>
      </div>
    </details>
  );
}
