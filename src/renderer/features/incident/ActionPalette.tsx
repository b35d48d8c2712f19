import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  incidentActionCatalogue,
  incidentTimeFormat,
  type IncidentAction,
  type IncidentActionCategory,
  type IncidentScenario,
  type IncidentTakenAction,
} from '../../../core/incident';
import { fuzzyFilter } from '../../../core/text/fuzzy';

const categoryTitle: Record<IncidentActionCategory, string> = {
  coordinate: 'Coordinate',
  investigate: 'Investigate',
  mitigate: 'Mitigate',
  communicate: 'Communicate',
  'anti-action': 'Anti-actions',
};

function ActionButton({
  action,
  taken,
  isActive,
  isDisabled,
  onLog,
}: {
  action: IncidentAction;
  taken: IncidentTakenAction[];
  isActive: boolean;
  isDisabled: boolean;
  onLog: (id: string) => void;
}) {
  const first = taken[0];
  return (
    <li>
      <button
        type="button"
        className={`incident-action${action.category === 'anti-action' ? ' incident-action-anti' : ''}${isActive ? ' is-active' : ''}`}
        onClick={() => onLog(action.id)}
        disabled={isDisabled}
        title={action.description}
        aria-keyshortcuts={action.shortcut?.toUpperCase()}
        data-testid={`action-${action.id}`}
      >
        <kbd className="incident-key">{action.shortcut?.toUpperCase() ?? '·'}</kbd>
        <span className="incident-action-label">{action.label}</span>
        {action.category === 'anti-action' && (
          <span className="incident-action-flag">
            <span aria-hidden="true">⚑</span> red flag
          </span>
        )}
        {first && (
          <span className="incident-action-taken">
            <span aria-hidden="true">✓</span> {incidentTimeFormat(first.at)}
            {taken.length > 1 ? ` ×${taken.length}` : ''}
          </span>
        )}
      </button>
    </li>
  );
}

/**
 * The action catalogue as the interviewer logs from it: grouped by kind of move with each one's
 * key, or — once something is typed — a fuzzy-matched list where Enter logs the highlighted
 * action. Anti-actions are listed like the rest (the interviewer logs what the candidate does).
 */
export function ActionPalette({
  scenario,
  taken,
  isDisabled,
  searchRef,
  onLog,
}: {
  scenario: IncidentScenario;
  taken: IncidentTakenAction[];
  isDisabled: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onLog: (actionId: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const groups = useMemo(() => incidentActionCatalogue(scenario), [scenario]);
  const matches = useMemo(
    () => fuzzyFilter(scenario.actions, query, (a) => `${a.label} ${a.category} ${a.shortcut ?? ''}`),
    [scenario, query],
  );
  const takenOf = (id: string) => taken.filter((t) => t.action === id);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pick = query.trim() ? matches[active] : undefined;
      if (pick && !isDisabled) {
        onLog(pick.id);
        setQuery('');
        setActive(0);
      }
    } else if (event.key === 'Escape') {
      setQuery('');
      setActive(0);
      event.currentTarget.closest<HTMLElement>('[data-incident-console]')?.focus();
    }
  };

  return (
    <div className="incident-palette">
      <input
        ref={searchRef}
        type="search"
        className="incident-palette-search"
        aria-label="Find an action"
        placeholder="Find an action (press / )… Enter logs it"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() ? (
        matches.length === 0 ? (
          <p className="muted">No action matches “{query}”. Log it as a communication or a note instead.</p>
        ) : (
          <ul className="incident-action-list" aria-label="Matching actions">
            {matches.map((action, i) => (
              <ActionButton
                key={action.id}
                action={action}
                taken={takenOf(action.id)}
                isActive={i === active}
                isDisabled={isDisabled}
                onLog={onLog}
              />
            ))}
          </ul>
        )
      ) : (
        <div className="incident-action-groups">
          {groups.map((group) => (
            <section key={group.category} className="incident-action-group" aria-label={categoryTitle[group.category]}>
              <h4>{categoryTitle[group.category]}</h4>
              <ul className="incident-action-list">
                {group.actions.map((action) => (
                  <ActionButton
                    key={action.id}
                    action={action}
                    taken={takenOf(action.id)}
                    isActive={false}
                    isDisabled={isDisabled}
                    onLog={onLog}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
