import { useState } from 'react';
import type { SubmitProblem } from '../../../core/interview/interviewLifecycle';
import { KEY_TAKEAWAYS_MAX_LENGTH } from '../../../core/limits/inputLimits';
import type { OverallRecommendation } from '../../../core/model/records';
import { overallRecommendationLabels, overallRecommendationOrder } from '../../../core/report/reportOverall';
import { ModalDialog } from '../../components/ModalDialog';

/** What the interviewer gives at submit beside the ratings: sealed with the scorecard, scored by nothing. */
export interface SubmitOverall {
  recommendation: OverallRecommendation;
  keyTakeaways: string;
}

/**
 * Confirms sealing; lists what must be completed first. The overall recommendation (Strong no →
 * Strong yes) and the key takeaways are both required to seal; an amendment starts from the sealed ones.
 */
export function SubmitDialog({
  problems,
  isAmendment,
  initialOverall,
  onConfirm,
  onClose,
}: {
  problems: SubmitProblem[];
  isAmendment: boolean;
  initialOverall?: Partial<SubmitOverall>;
  onConfirm: (overall: SubmitOverall) => Promise<void>;
  onClose: () => void;
}) {
  const [isBusy, setIsBusy] = useState(false);
  const [recommendation, setRecommendation] = useState<OverallRecommendation | null>(initialOverall?.recommendation ?? null);
  const [keyTakeaways, setKeyTakeaways] = useState(initialOverall?.keyTakeaways ?? '');
  const missing = [
    ...(recommendation ? [] : ['choose an overall recommendation']),
    ...(keyTakeaways.trim() ? [] : ['write the key takeaways']),
  ];
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
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!recommendation || !keyTakeaways.trim() || isBusy) return;
            setIsBusy(true);
            void onConfirm({ recommendation, keyTakeaways: keyTakeaways.trim() }).finally(() => setIsBusy(false));
          }}
        >
          <fieldset className="overall-choice">
            <legend>Overall recommendation</legend>
            {overallRecommendationOrder.map((value, index) => (
              <label key={value} className="checkbox">
                <input
                  type="radio"
                  name="overall-recommendation"
                  value={value}
                  checked={recommendation === value}
                  onChange={() => setRecommendation(value)}
                  autoFocus={index === 0 && !recommendation}
                />
                {overallRecommendationLabels[value]}
              </label>
            ))}
          </fieldset>
          <label>
            Key takeaways
            <textarea
              rows={3}
              value={keyTakeaways}
              maxLength={KEY_TAKEAWAYS_MAX_LENGTH}
              onChange={(e) => setKeyTakeaways(e.target.value)}
              placeholder="What the committee should know first, in two or three lines"
            />
          </label>
          <p className="muted small">
            Your overall view is shown beside your ratings in the report; it feeds no score.
          </p>
          <p>
            Submitting seals your ratings, notes, signals and this recommendation. After that, changes need an amendment
            with a reason, and the sealed version is kept. Once sealed, you can see the other panelists' submitted ratings.
          </p>
          {missing.length > 0 && (
            <p className="muted" data-testid="submit-overall-missing">
              To seal: {missing.join(' and ')}.
            </p>
          )}
          <p className="form-row">
            <button type="submit" className="primary" disabled={isBusy || missing.length > 0}>
              {isBusy ? 'Sealing…' : isAmendment ? 'Seal amendment' : 'Submit and seal'}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </ModalDialog>
  );
}
