import { useState } from 'react';
import type { SubmitProblem } from '../../../core/interview/interviewLifecycle';
import { ModalDialog } from '../../components/ModalDialog';

/** Confirms sealing; lists what must be completed first. */
export function SubmitDialog({
  problems,
  isAmendment,
  onConfirm,
  onClose,
}: {
  problems: SubmitProblem[];
  isAmendment: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [isBusy, setIsBusy] = useState(false);
  return (
    <ModalDialog title={isAmendment ? 'Submit amendment' : 'Submit scorecard'} onClose={onClose}>
      {problems.length > 0 ? (
        <>
          <p>Complete these before submitting:</p>
          <ul className="problem-list" data-testid="submit-problems">
            {problems.map((p) => (
              <li key={p.kind + ('dimensionId' in p ? p.dimensionId : p.signalId)}>{p.message}</li>
            ))}
          </ul>
          <p className="form-row">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Back to the interview
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            Submitting seals your ratings, notes and signals. After that, changes need an amendment with a reason, and
            the sealed version is kept. Once sealed, you can see the other panelists' submitted ratings.
          </p>
          <p className="form-row">
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={isBusy}
              onClick={() => {
                setIsBusy(true);
                void onConfirm().finally(() => setIsBusy(false));
              }}
            >
              {isBusy ? 'Sealing…' : isAmendment ? 'Seal amendment' : 'Submit and seal'}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </p>
        </>
      )}
    </ModalDialog>
  );
}
