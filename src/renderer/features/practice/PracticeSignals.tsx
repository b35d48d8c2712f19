import { useState } from 'react';
import type { Signal } from '../../../core/rubric/schema';
import { SignalBadge } from '../../components/SignalBadge';
import { SignalPicker } from '../interview/SignalPicker';

/** The signals tagged on this practice run, with the catalogue's type-to-find picker to add one. */
export function PracticeSignals({
  signals,
  tagged,
  onSet,
}: {
  signals: Signal[];
  tagged: string[];
  onSet: (signalId: string, isTagged: boolean) => void;
}) {
  const [isPicking, setPicking] = useState(false);
  const untagged = signals.filter((s) => !tagged.includes(s.id));
  return (
    <section className="practice-signals" aria-labelledby="practice-signals-title">
      <h2 id="practice-signals-title">Signals you tagged</h2>
      {tagged.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="tag-list">
          {tagged.map((id) => {
            const signal = signals.find((s) => s.id === id);
            return (
              <li key={id} data-testid="practice-tag">
                <span>
                  <SignalBadge polarity={signal?.polarity ?? 'none'} /> {signal?.title ?? id}
                </span>
                <button type="button" className="link" onClick={() => onSet(id, false)}>
                  Remove<span className="sr-only"> {signal?.title ?? id}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {isPicking ? (
        <SignalPicker
          signals={untagged}
          label="Signal to tag"
          onPick={(s) => {
            onSet(s.id, true);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      ) : (
        <button type="button" onClick={() => setPicking(true)}>
          Tag signal…
        </button>
      )}
    </section>
  );
}
