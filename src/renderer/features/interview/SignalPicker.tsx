import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Signal } from '../../../core/rubric/schema';
import { fuzzyFilter } from '../../../core/text/fuzzy';
import { SignalBadge } from '../../components/SignalBadge';

const polarityText = { strong: 'strong', weak: 'weak', 'red-flag': 'red flag' } as const;

/** Type-to-find combobox over the pack's signal catalogue. */
export function SignalPicker({
  signals,
  onPick,
  onClose,
  label,
}: {
  signals: Signal[];
  onPick: (signal: Signal) => void;
  onClose: () => void;
  label: string;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(
    () => fuzzyFilter(signals, query, (s) => `${s.title} ${polarityText[s.polarity]} ${s.category}`).slice(0, 8),
    [signals, query],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pick = matches[active];
      if (pick) onPick(pick);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="signal-picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={matches[active] ? `${listId}-${matches[active].id}` : undefined}
        aria-autocomplete="list"
        autoFocus
        value={query}
        placeholder="Type to find a signal…"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) onClose();
        }}
      />
      <ul role="listbox" id={listId} aria-label="Matching signals">
        {matches.map((s, i) => (
          <li
            key={s.id}
            id={`${listId}-${s.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(s);
            }}
          >
            <SignalBadge polarity={s.polarity} /> {s.title}
          </li>
        ))}
        {matches.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted">
            No signal matches “{query}”
          </li>
        )}
      </ul>
    </div>
  );
}
