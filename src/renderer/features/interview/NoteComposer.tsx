import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Note } from '../../../core/model/records';
import type { Dimension } from '../../../core/rubric/schema';
import { clockText } from '../../../core/text/clockText';
import { appDb } from '../../db/dbContext';
import { noteDelete, noteSave } from '../../db/actions/interviewActions';
import { useAppStore } from '../../stores/appStore';

/** How long typing may pause before the draft line is written (the issue allows ≤ 300 ms). */
const textDebounceMs = 250;

interface Draft {
  id: string;
  at: number;
  isPersisted: boolean;
}

/**
 * The fast note line. The first keystroke stamps the line with the time since the interview
 * started and creates the note; typing is written at most 250 ms later; Enter starts a new line.
 * Local state keeps typing independent of the rest of the runner (no re-render on keystroke
 * outside this component), and the text stays here if a write fails.
 */
export const NoteComposer = memo(function NoteComposer({
  interviewId,
  startedAt,
  dimensions,
  simAt,
  onDraftChange,
}: {
  interviewId: string;
  startedAt: number;
  dimensions: Dimension[];
  /** The id of the line being typed (already saved as a note), or null between lines. */
  onDraftChange: (noteId: string | null) => void;
  /** Current incident sim time (ms) when a simulation is running, so notes link to it. */
  simAt?: () => number | null;
}) {
  const [text, setText] = useState('');
  const [dimensionId, setDimensionId] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);
  const [stamp, setStamp] = useState<number | null>(null);
  const draft = useRef<Draft | null>(null);
  const latest = useRef({ text: '', dimensionId: '', isPrivate: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveTrack = useAppStore((s) => s.saveTrack);
  const saveMarkDirty = useAppStore((s) => s.saveMarkDirty);

  const write = (d: Draft): Promise<boolean> => {
    clearTimeout(timer.current);
    const snapshot = { ...latest.current };
    const key = `note:${d.id}`;
    let op: Promise<unknown>;
    if (snapshot.text.trim() === '') {
      op = d.isPersisted ? noteDelete(appDb(), interviewId, d.id) : Promise.resolve();
      d.isPersisted = false;
    } else {
      const note: Note = {
        id: d.id,
        interviewId,
        at: d.at,
        text: snapshot.text,
        dimensionId: snapshot.dimensionId || null,
        simAt: simAt?.() ?? null,
        isPrivate: snapshot.isPrivate,
      };
      op = noteSave(appDb(), note);
      d.isPersisted = true;
    }
    return saveTrack(op).then((ok) => {
      const now = latest.current;
      const isCurrent =
        draft.current?.id !== d.id ||
        (now.text === snapshot.text &&
          now.dimensionId === snapshot.dimensionId &&
          now.isPrivate === snapshot.isPrivate);
      if (ok && isCurrent) saveMarkDirty(key, false);
      return ok;
    });
  };

  const schedule = () => {
    const d = draft.current;
    if (!d) return;
    saveMarkDirty(`note:${d.id}`, true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => write(d), textDebounceMs);
  };

  const onChange = (value: string) => {
    if (!draft.current && value.trim() !== '') {
      const at = Math.max(0, Date.now() - startedAt);
      draft.current = { id: crypto.randomUUID(), at, isPersisted: false };
      setStamp(at);
      onDraftChange(draft.current.id);
    }
    latest.current.text = value;
    setText(value);
    schedule();
  };

  const commitLine = () => {
    const d = draft.current;
    if (!d || latest.current.text.trim() === '') return;
    const lineText = latest.current.text;
    void write(d).then((ok) => {
      // A failed write puts the line back so nothing typed is lost.
      if (!ok && draft.current === null && latest.current.text === '') {
        draft.current = d;
        onDraftChange(d.id);
        latest.current.text = lineText;
        setText(lineText);
        setStamp(d.at);
        saveMarkDirty(`note:${d.id}`, true);
      }
    });
    draft.current = null;
    onDraftChange(null);
    latest.current.text = '';
    setText('');
    setStamp(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      commitLine();
    }
  };

  // Leaving the runner writes what is pending instead of dropping it.
  useEffect(
    () => () => {
      if (draft.current && timer.current) void write(draft.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <div className="note-composer">
      <div className="note-composer-meta">
        <span className="note-time mono" aria-label="Time stamp of this line">
          {stamp === null ? '--:--' : clockText(stamp)}
        </span>
        <label className="inline">
          <span className="sr-only">Dimension for this note</span>
          <select
            value={dimensionId}
            onChange={(e) => {
              setDimensionId(e.target.value);
              latest.current.dimensionId = e.target.value;
              if (draft.current) schedule();
            }}
          >
            <option value="">No dimension</option>
            {dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="inline checkbox">
          <input
            type="checkbox"
            checked={isPrivate}
            onChange={(e) => {
              setIsPrivate(e.target.checked);
              latest.current.isPrivate = e.target.checked;
              if (draft.current) schedule();
            }}
          />
          Private
        </label>
      </div>
      <label className="sr-only" htmlFor={`note-input-${interviewId}`}>
        Note
      </label>
      <textarea
        id={`note-input-${interviewId}`}
        className="note-input"
        rows={3}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type what the candidate says or does. Enter starts a new time-stamped line; Shift+Enter for a line break."
        maxLength={5000}
      />
    </div>
  );
});
