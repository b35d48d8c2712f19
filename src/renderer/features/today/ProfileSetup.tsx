import { useState, type FormEvent } from 'react';
import { appDbLoad } from '../../db/useDbLive';
import { useAppStore } from '../../stores/appStore';

/** First run on a machine: who is interviewing here. */
export function ProfileSetup() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const noticeShow = useAppStore((s) => s.noticeShow);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setIsSaving(true);
    try {
      // The record schemas load with the first write, not with the start-up bundle.
      const [{ profileCreate }, db] = await Promise.all([import('../../db/actions/profileActions'), appDbLoad()]);
      await profileCreate(db, { name: name.trim(), email: email.trim() }, Date.now());
    } catch (error) {
      noticeShow('error', `Could not save your profile: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <section className="empty-state" aria-labelledby="profile-setup-title">
      <h2 id="profile-setup-title">Who is interviewing on this machine?</h2>
      <p>
        Loopdesk keeps your scorecards on this computer. Add your name so your interviews, ratings and notes are
        recorded as yours. Colleagues on other machines send theirs as bundles.
      </p>
      <form className="form-row" onSubmit={submit}>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
        </label>
        <label>
          Email (optional)
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
        </label>
        <button type="submit" className="primary" disabled={isSaving || !name.trim()}>
          {isSaving ? 'Saving…' : 'Save profile'}
        </button>
      </form>
    </section>
  );
}
