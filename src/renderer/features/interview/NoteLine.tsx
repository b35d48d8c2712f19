import { memo } from 'react';
import type { Note } from '../../../core/model/records';
import type { Dimension, Signal } from '../../../core/rubric/schema';
import { clockText } from '../../../core/text/clockText';
import { appDb } from '../../db/dbContext';
import { noteFieldsSave } from '../../db/actions/interviewActions';
import { useAppStore } from '../../stores/appStore';
import { SignalPicker } from './SignalPicker';

interface NoteLineProps {
  note: Note;
  interviewId: string;
  dimensions: Dimension[];
  signals: Signal[];
  isReadOnly: boolean;
  isPickerOpen: boolean;
  onOpenPicker: (noteId: string | null) => void;
  onTag: (note: Note, signal: Signal) => void;
  onDelete: (note: Note) => void;
}

/** One saved note line: time, text, its dimension, and the actions on it. */
export const NoteLine = memo(
  function NoteLine({
    note,
    dimensions,
    signals,
    isReadOnly,
    isPickerOpen,
    onOpenPicker,
    onTag,
    onDelete,
  }: NoteLineProps) {
    const saveTrack = useAppStore((s) => s.saveTrack);
    const at = clockText(note.at);
    const dimTitle = dimensions.find((d) => d.id === note.dimensionId)?.title;
    return (
      <li className="note-line" data-testid="note-line">
        <span className="note-time mono">{at}</span>
        <div className="note-body">
          <span className="note-text">{note.text}</span>
          <span className="note-meta">
            {isReadOnly ? (
              dimTitle && <span className="badge">{dimTitle}</span>
            ) : (
              <select
                aria-label={`Dimension for note at ${at}`}
                className="compact"
                value={note.dimensionId ?? ''}
                // Only the dimension is written: text typed in another window is never overwritten.
                onChange={(e) =>
                  void saveTrack(noteFieldsSave(appDb(), note, { dimensionId: e.target.value || null }, Date.now()))
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
            {note.addedAt !== undefined && (
              <span className="badge note-added" title={new Date(note.addedAt).toLocaleString()}>
                added after the interview, {new Date(note.addedAt).toLocaleString()}
              </span>
            )}
            {note.simAt !== null && <span className="badge">sim {clockText(note.simAt)}</span>}
            {!isReadOnly && (
              <>
                <button type="button" className="link" onClick={() => onOpenPicker(note.id)}>
                  Tag signal<span className="sr-only"> for note at {at}</span>
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() => onDelete(note)}
                >
                  Delete<span className="sr-only"> note at {at}</span>
                </button>
              </>
            )}
          </span>
          {isPickerOpen && (
            <SignalPicker
              signals={signals}
              label={`Signal evidenced by the note at ${at}`}
              onPick={(signal) => onTag(note, signal)}
              onClose={() => onOpenPicker(null)}
            />
          )}
        </div>
      </li>
    );
  },
  // Dexie hands back new objects on every query: compare what the line shows, not identity.
  (a, b) =>
    a.note.id === b.note.id &&
    a.note.text === b.note.text &&
    a.note.at === b.note.at &&
    a.note.dimensionId === b.note.dimensionId &&
    a.note.isPrivate === b.note.isPrivate &&
    a.note.simAt === b.note.simAt &&
    a.isReadOnly === b.isReadOnly &&
    a.isPickerOpen === b.isPickerOpen &&
    a.dimensions === b.dimensions &&
    a.signals === b.signals &&
    a.onTag === b.onTag &&
    a.onOpenPicker === b.onOpenPicker &&
    a.onDelete === b.onDelete &&
    a.note.addedAt === b.note.addedAt &&
    a.interviewId === b.interviewId,
);
