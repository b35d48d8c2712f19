import type { CandidateReport } from '../../../core/report/reportBuild';
import { SignalBadge } from '../../components/SignalBadge';
import { evidenceAnchorId } from './evidenceAnchor';
import { NoteList } from './NoteList';

/**
 * Under each dimension, per interviewer: the rating with the anchor that applied, the notes linked
 * to the dimension and the signals that evidence it. Then each interviewer's notes linked to no
 * dimension — so every note the audience may read is in the report once.
 */
export function EvidenceByDimension({ report }: { report: CandidateReport }) {
  const noteById = new Map(report.notes.map((n) => [n.id, n]));
  const notesOf = (ids: string[]) => ids.map((id) => noteById.get(id)).filter((n): n is NonNullable<typeof n> => !!n);
  return (
    <section aria-labelledby="evidence-title" className="report-section">
      <h2 id="evidence-title">Evidence by dimension</h2>
      {report.evidenceByDimension.map((d) => (
        <div key={d.dimensionId} className="evidence-dimension">
          <h3>{d.title}</h3>
          {d.entries.length === 0 ? (
            <p className="muted">No interviewer recorded anything on this dimension.</p>
          ) : (
            d.entries.map((e) => (
              <div
                key={e.interviewId}
                id={evidenceAnchorId(d.dimensionId, e.interviewId)}
                className="evidence-entry"
                tabIndex={-1}
                data-testid="evidence-entry"
                aria-label={`${d.title}: ${e.interviewerName}`}
              >
                <div>
                  <span className="who">{e.interviewerName}</span> <span className="muted">· {e.kitTitle}</span> ·{' '}
                  {e.rating === null ? 'not rated' : e.rating === 'no-evidence' ? 'no evidence' : `rated ${e.rating}`}
                </div>
                {e.anchor && <div className="anchor">{e.anchor}</div>}
                <NoteList notes={notesOf(e.noteIds)} />
                {e.signals.map((s) => (
                  <div key={s.signalId} className="small">
                    <SignalBadge polarity={s.polarity} /> {s.title}
                    {s.noteIds.length > 0 && <span className="muted"> — cites {s.noteIds.length === 1 ? 'a note' : `${s.noteIds.length} notes`} in the signals above</span>}
                  </div>
                ))}
                {e.noteIds.length === 0 && e.signals.length === 0 && <p className="muted small">No note linked to this dimension.</p>}
              </div>
            ))
          )}
        </div>
      ))}
      {report.generalNotes.length > 0 && (
        <div className="evidence-dimension">
          <h3>Notes linked to no dimension</h3>
          {report.generalNotes.map((g) => (
            <div key={g.interviewId} className="evidence-entry">
              <span className="who">{g.interviewerName}</span>
              <NoteList notes={notesOf(g.noteIds)} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
