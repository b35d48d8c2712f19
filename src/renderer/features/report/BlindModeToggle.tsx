import { blindModeSet } from '../../db/actions/audienceActions';
import { appDb } from '../../db/dbContext';
import { blindModeExplanation } from './useAudience';

/** The per-profile blind-mode switch, with what it does not hide. */
export function BlindModeToggle({ isBlind }: { isBlind: boolean }) {
  return (
    <label className="checkbox" title={blindModeExplanation}>
      <input type="checkbox" checked={isBlind} onChange={(e) => void blindModeSet(appDb(), e.target.checked)} />
      Blind mode (hide names)
    </label>
  );
}
