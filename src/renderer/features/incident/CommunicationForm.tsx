import { useState, type FormEvent } from 'react';
import type { IncidentScenario } from '../../../core/incident';

/** A free-form communication the candidate made (counts for cadence and the communication milestones). */
export function CommunicationForm({
  stakeholders,
  isDisabled,
  onLog,
}: {
  stakeholders: IncidentScenario['stakeholders'];
  isDisabled: boolean;
  onLog: (text: string, to: string | null) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || isDisabled) return;
    if (await onLog(trimmed, to || null)) setText('');
  };
  return (
    <form className="incident-comm" onSubmit={submit} aria-label="Log a communication">
      <label className="incident-comm-text">
        Communication
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="What the candidate told people, in their words"
          maxLength={2000}
          disabled={isDisabled}
        />
      </label>
      <label>
        To
        <select value={to} onChange={(e) => setTo(e.target.value)} disabled={isDisabled}>
          <option value="">Everyone / channel</option>
          {stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.role})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={isDisabled || !text.trim()}>
        Log communication
      </button>
    </form>
  );
}
