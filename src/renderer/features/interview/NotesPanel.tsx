import { useEffect, useRef, useState } from 'react';
import type { Note, SignalTag } from '../../../core/model/records';
import type { Dimension, Signal } from '../../../core/rubric/schema';
import { clockText } from '../../../core/text/clockText';
import { appDb } from '../../db/dbContext';
import { noteDelete, noteSave, signalTagRemove, signalTagSave } from '../../db/actions/interviewActions';
import { useAppStore } from '../../stores/appStore';
import { NoteComposer } from './NoteComposer';
import { SignalBadge } from '../../components/SignalBadge';
import { SignalPicker } from './SignalPicker';

/**
 * Evidence: time-stamped note lines (each linkable to a dimension), and signals from the pack's
 * catalogue, each linked to the notes that evidence it.
 */
export function NotesPanel({
  interviewId,
  startedAt,
  notes,
  signalTags,
  dimensions,
  signals,
  isReadOnly,
  simAt,
}: {
  interviewId: string;
  startedAt: number;
  notes: Note[];
  signalTags: SignalTag[];
  dimensions: Dimension[];
  signals: Signal[];
  isReadOnly: boolean;
  simAt?: () => number | null;
}) {
  const [pickerFor, setPickerFor] = useState<string | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const lines = draftId ? notes.filter((n) => n.id !== draftId) : notes;
  const saveTrack = useAppStore((s) => s.saveTrack);
  const listEnd = useRef<HTMLLIElement>(null);
  const dimTitle = (id: string | null) => dimensions.find((d) => d.id === id)?.title;
  const signalOf = (id: string) => signals.find((s) => s.id === id);
  const noteTime = (id: string) => {
    const note = notes.find((n) => n.id === id);
    return note ? clockText(note.at) : 'deleted note';
  };

  useEffect(() => {
    listEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);

  const tagNote = (note: Note, signal: Signal) => {
    const existing = signalTags.find((t) => t.signalId === signal.id);
    const tag: SignalTag = existing
      ? { ...existing, noteIds: existing.noteIds.includes(note.id) ? existing.noteIds : [...existing.noteIds, note.id] }
      : { id: crypto.randomUUID(), interviewId, signalId: signal.id, noteIds: [note.id], at: note.at };
    void saveTrack(signalTagSave(appDb(), tag));
    setPickerFor(null);
  };

  const orderedTags = [...signalTags].sort((a, b) => {
    const rank = { 'red-flag': 0, strong: 1, weak: 2 } as const;
    return (
      rank[signalOf(a.signalId)?.polarity ?? 'weak'] - rank[signalOf(b.signalId)?.polarity ?? 'weak'] || a.at - b.at
    );
  });

  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Evidence</h2>
      {orderedTags.length > 0 && (
        <ul className="tag-list" aria-label="Signals tagged">
          {orderedTags.map((tag) => {
            const signal = signalOf(tag.signalId);
            return (
              <li key={tag.id} data-testid={`tag-${tag.signalId}`}>
                {signal && <SignalBadge polarity={signal.polarity} />} <span>{signal?.title ?? tag.signalId}</span>
                <span className="muted">
                  {tag.noteIds.length === 0
                    ? ' — no evidence linked'
                    : ` — evidence at ${tag.noteIds.map(noteTime).join(', ')}`}
                </span>
                {!isReadOnly && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void saveTrack(signalTagRemove(appDb(), interviewId, tag.id))}
                  >
                    Remove<span className="sr-only"> signal {signal?.title}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ol className="note-list" aria-label="Notes">
        {lines.length === 0 && (
          <li className="muted note-empty">No notes yet. Type below; every line is time-stamped.</li>
        )}
        {lines.map((note) => (
          <li key={note.id} className="note-line" data-testid="note-line">
            <span className="note-time mono">{clockText(note.at)}</span>
            <div className="note-body">
              <span className="note-text">{note.text}</span>
              <span className="note-meta">
                {isReadOnly ? (
                  dimTitle(note.dimensionId) && <span className="badge">{dimTitle(note.dimensionId)}</span>
                ) : (
                  <select
                    aria-label={`Dimension for note at ${clockText(note.at)}`}
                    className="compact"
                    value={note.dimensionId ?? ''}
                    onChange={(e) =>
                      void saveTrack(noteSave(appDb(), { ...note, dimensionId: e.target.value || null }))
                    }
                  >
                    <option value="">No dimension</option>
                    {dimensions.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                  </select>
                )}
                {note.isPrivate && <span className="badge">Private</span>}
                {note.simAt !== null && <span className="badge">sim {clockText(note.simAt)}</span>}
                {!isReadOnly && (
                  <>
                    <button type="button" className="link" onClick={() => setPickerFor(note.id)}>
                      Tag signal<span className="sr-only"> for note at {clockText(note.at)}</span>
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() => void saveTrack(noteDelete(appDb(), interviewId, note.id))}
                    >
                      Delete<span className="sr-only"> note at {clockText(note.at)}</span>
                    </button>
                  </>
                )}
              </span>
              {pickerFor === note.id && (
                <SignalPicker
                  signals={signals}
                  label={`Signal evidenced by the note at ${clockText(note.at)}`}
                  onPick={(signal) => tagNote(note, signal)}
                  onClose={() => setPickerFor(null)}
                />
              )}
            </div>
          </li>
        ))}
        <li ref={listEnd} aria-hidden="true" className="note-end" />
      </ol>
      {!isReadOnly && (
        <NoteComposer
          interviewId={interviewId}
          startedAt={startedAt}
          dimensions={dimensions}
          simAt={simAt}
          onDraftChange={setDraftId}
        />
      )}
    </section>
  );
}
