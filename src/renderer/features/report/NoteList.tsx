import type { ReportNote } from '../../../core/report/reportBuild';
import { clockText } from '../../../core/text/clockText';

/** Notes as evidence: time in the interview, the text, and a mark on private ones. */
export function NoteList({ notes, dimensionTitle }: { notes: ReportNote[]; dimensionTitle?: (id: string | null) => string | null }) {
  if (notes.length === 0) return null;
  return (
    <ul className="note-list">
      {notes.map((n) => {
        const dimension = dimensionTitle?.(n.dimensionId);
        return (
          <li key={n.id} data-testid="evidence-note">
            <span className="mono muted at">{clockText(n.at)}</span> {n.text}
            {dimension && <span className="muted small"> · {dimension}</span>}
            {n.isPrivate && <span className="badge">private note</span>}
          </li>
        );
      })}
    </ul>
  );
}
