import { useState } from 'react';
import type { Interviewer } from '../../../core/model/records';
import type { ExchangeLogRow } from '../../db/rows/signingRows';
import { ExchangeConflictView } from './ExchangeConflictView';

/**
 * Files the exchange folder could not take in full because they differ from what is here: each
 * waits for a person, who compares both versions and keeps one (`ExchangeConflictView`).
 */
export function ExchangeConflictsPanel({ me, rows }: { me: Interviewer; rows: readonly ExchangeLogRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (rows.length === 0) return null;
  return (
    <div role="region" aria-label="Conflicts waiting for you" data-testid="exchange-conflicts">
      <h3>Conflicts waiting for you</h3>
      <ul>
        {rows.map((row) => (
          <li key={row.file}>
            <code>{row.file}</code>
            {row.signer ? ` from ${row.signer.name}` : ''}: <span>{row.detail}</span>{' '}
            <button type="button" aria-expanded={open === row.file} onClick={() => setOpen(open === row.file ? null : row.file)}>
              {open === row.file ? 'Hide versions' : 'Compare versions'}
            </button>
            {open === row.file && <ExchangeConflictView me={me} file={row.file} onDone={() => setOpen(null)} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
