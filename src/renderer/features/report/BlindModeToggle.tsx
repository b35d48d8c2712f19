import { useState } from 'react';
import { blindModeSet } from '../../db/actions/audienceActions';
import { appDb } from '../../db/dbContext';
import { blindModeExplanation } from './useAudience';

/**
 * The per-profile blind-mode switch, with what it does not hide. The box follows the click at
 * once; the stored setting (read back by a live query) catches up a moment later.
 */
export function BlindModeToggle({ isBlind }: { isBlind: boolean }) {
  // A click made while the setting read `from`; once the stored value moves on, it no longer applies.
  const [pending, setPending] = useState<{ value: boolean; from: boolean } | null>(null);
  const shown = pending && pending.from === isBlind ? pending.value : isBlind;
  return (
    <label className="checkbox" title={blindModeExplanation}>
      <input
        type="checkbox"
        checked={shown}
        onChange={(e) => {
          const next = e.target.checked;
          setPending({ value: next, from: isBlind });
          blindModeSet(appDb(), next).catch(() => setPending(null));
        }}
      />
      Blind mode (hide names)
    </label>
  );
}
