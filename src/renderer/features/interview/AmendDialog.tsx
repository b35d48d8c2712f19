import { useState, type FormEvent } from 'react';
import { ModalDialog } from '../../components/ModalDialog';

/** Asks why a sealed scorecard is being changed; the reason goes to the audit log. */
export function AmendDialog({
  onConfirm,
  onClose,
}: {
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await onConfirm(reason));
  };
  return (
    <ModalDialog title="Amend submitted scorecard" onClose={onClose}>
      <form onSubmit={submit}>
        <p>The sealed version stays on record. Say what you are changing and why.</p>
        <label>
          Reason for the amendment
          <textarea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            maxLength={2000}
            required
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <p className="form-row" style={{ marginTop: 16 }}>
          <button type="submit" className="primary" disabled={reason.trim().length === 0}>
            Start amendment
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </p>
      </form>
    </ModalDialog>
  );
}
