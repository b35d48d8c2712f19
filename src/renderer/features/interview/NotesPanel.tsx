import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, SignalTag } from '../../../core/model/records';
import type { Dimension, Signal } from '../../../core/rubric/schema';
import { clockText } from '../../../core/text/clockText';
import { appDb } from '../../db/dbContext';
import {
  noteDelete,
  noteRestore,
  signalTagRemove,
  signalTagSave,
  type NoteDeleted,
} from '../../db/actions/interviewActions';
import { useAppStore } from '../../stores/appStore';
import { NoteComposer, noteInputId } from './NoteComposer';
import { SignalBadge } from '../../components/SignalBadge';
import { NoteLine } from './NoteLine';

/**
 * Evidence: time-stamped note lines (each linkable to a dimension), and signals from the pack's
 * catalogue, each linked to the notes that evidence it.
 */
/** How long a deleted note can be brought back with Undo. */
const undoMs = 10_000;

export function NotesPanel({
  interviewId,
  actor,
  elapsedNow,
  isAmending,
  notes,
  signalTags,
  dimensions,
  signals,
  isReadOnly,
  simAt,
}: {
  interviewId: string;
  /** Who deletes or restores a note, for the audit log. */
  actor: string;
  elapsedNow: () => number;
  isAmending: boolean;
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
  const signalOf = (id: string) => signals.find((s) => s.id === id);
  const noteTime = (id: string) => {
    const note = notes.find((n) => n.id === id);
    return note ? clockText(note.at) : 'deleted note';
  };

  useEffect(() => {
    listEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);

  // Stable across renders so unchanged note lines skip re-rendering while the interviewer types.
  const latestTags = useRef(signalTags);
  useEffect(() => {
    latestTags.current = signalTags;
  }, [signalTags]);
  const onTag = useCallback(
    (note: Note, signal: Signal) => {
      const existing = latestTags.current.find((t) => t.signalId === signal.id);
      const tag: SignalTag = existing
        ? {
            ...existing,
            noteIds: existing.noteIds.includes(note.id) ? existing.noteIds : [...existing.noteIds, note.id],
          }
        : { id: crypto.randomUUID(), interviewId, signalId: signal.id, noteIds: [note.id], at: note.at };
      void saveTrack(signalTagSave(appDb(), tag));
      setPickerFor(null);
      // Back to typing: the interviewer tags while listening and goes on writing.
      document.getElementById(noteInputId(interviewId))?.focus();
    },
    [interviewId, saveTrack],
  );

  const [deleted, setDeleted] = useState<NoteDeleted | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const onDelete = useCallback(
    (note: Note) => {
      const write = noteDelete(appDb(), interviewId, note.id, { actor, now: Date.now() });
      void saveTrack(write);
      void write.then((result) => {
        if (result) setDeleted(result);
      }).catch(() => undefined);
    },
    [interviewId, actor, saveTrack],
  );
  useEffect(() => {
    if (!deleted) return;
    undoRef.current?.focus();
    const timer = setTimeout(() => setDeleted(null), undoMs);
    return () => clearTimeout(timer);
  }, [deleted]);
  const undo = () => {
    if (!deleted) return;
    void saveTrack(noteRestore(appDb(), deleted, actor, Date.now()));
    setDeleted(null);
    document.getElementById(noteInputId(interviewId))?.focus();
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
      <ol className="note-list" aria-label="Notes" tabIndex={0}>
        {lines.length === 0 && (
          <li className="muted note-empty">No notes yet. Type below; every line is time-stamped.</li>
        )}
        {lines.map((note) => (
          <NoteLine
            key={note.id}
            note={note}
            interviewId={interviewId}
            dimensions={dimensions}
            signals={signals}
            isReadOnly={isReadOnly}
            isPickerOpen={pickerFor === note.id}
            onOpenPicker={setPickerFor}
            onTag={onTag}
            onDelete={onDelete}
          />
        ))}
        <li ref={listEnd} aria-hidden="true" className="note-end" />
      </ol>
      {deleted && (
        <div className="note-undo" role="status" data-testid="note-undo">
          <span>
            Note at {clockText(deleted.note.at)} deleted.
          </span>
          <button
            ref={undoRef}
            type="button"
            onClick={undo}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setDeleted(null);
                document.getElementById(noteInputId(interviewId))?.focus();
              }
            }}
          >
            Undo
          </button>
        </div>
      )}
      {!isReadOnly && (
        <NoteComposer
          interviewId={interviewId}
          elapsedNow={elapsedNow}
          isAmending={isAmending}
          dimensions={dimensions}
          simAt={simAt}
          onDraftChange={setDraftId}
        />
      )}
    </section>
  );
}
