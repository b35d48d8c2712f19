import { useState, type FormEvent } from 'react';
import type { Candidate } from '../../../core/model/records';
import type { CandidateInput } from '../../db/actions/peopleActions';
import { usePacks } from '../../hooks/usePacks';

/** Candidate fields: who they are and what role and level they are interviewing for. */
export function CandidateForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Candidate;
  submitLabel: string;
  onSubmit: (input: CandidateInput) => Promise<void>;
  onCancel: () => void;
}) {
  const packs = usePacks();
  const [input, setInput] = useState<CandidateInput>(() => ({
    name: initial?.name ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
    packId: initial?.packId ?? packs[0]?.manifest.id ?? '',
    targetLevel: initial?.targetLevel ?? '',
    notes: initial?.notes ?? '',
  }));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const packId = input.packId || packs[0]?.manifest.id || '';
  const pack = packs.find((p) => p.manifest.id === packId);
  const levels = pack?.levels ?? [];
  const targetLevel = input.targetLevel || levels[Math.max(0, levels.length - 2)]?.id || '';
  const set = (patch: Partial<CandidateInput>) => setInput((prev) => ({ ...prev, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit({ ...input, packId, targetLevel, name: input.name.trim() });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsSaving(false);
    }
  };

  if (packs.length === 0) {
    return <p className="muted">Rubric packs are loading. A candidate is interviewed for a role from a rubric pack.</p>;
  }

  return (
    <form onSubmit={submit} aria-label="Candidate">
      <div className="form-grid">
        <label>
          Name
          <input
            value={input.name}
            onChange={(e) => set({ name: e.target.value })}
            required
            maxLength={200}
            autoFocus
          />
        </label>
        <label>
          Email
          <input type="email" value={input.email} onChange={(e) => set({ email: e.target.value })} maxLength={320} />
        </label>
        <label>
          Phone
          <input value={input.phone} onChange={(e) => set({ phone: e.target.value })} maxLength={64} />
        </label>
        <label>
          Role
          <select value={packId} onChange={(e) => set({ packId: e.target.value, targetLevel: '' })}>
            {packs.map((p) => (
              <option key={`${p.manifest.id}-${p.hash}`} value={p.manifest.id}>
                {p.manifest.role} ({p.manifest.title} {p.manifest.version})
              </option>
            ))}
          </select>
        </label>
        <label>
          Target level
          <select value={targetLevel} onChange={(e) => set({ targetLevel: e.target.value })}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Recruiter notes
        <textarea rows={3} value={input.notes} onChange={(e) => set({ notes: e.target.value })} maxLength={20000} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="form-row" style={{ marginTop: 16 }}>
        <button type="submit" className="primary" disabled={isSaving || !input.name.trim()}>
          {isSaving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
