import { memo, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Note } from '../../../core/model/records';
import type { Dimension } from '../../../core/rubric/schema';
import { clockText } from '../../../core/text/clockText';
import { appDb } from '../../db/dbContext';
import { noteDelete, noteFieldsSave, type NoteFields } from '../../db/actions/interviewActions';
import { useAppStore } from '../../stores/appStore';
import { renderProbe } from '../../app/renderProbe';
import { noteDraftStashKey, noteDraftStashTake, noteDraftStashWrite, type NoteDraftStash } from './noteDraftStash';

/** How long typing may pause before the draft line is written (the issue allows ≤ 300 ms). */
const textDebounceMs = 250;

interface Draft {
  id: string;
  at: number;
  simAt: number | null;
  isPersisted: boolean;
}

type Field = keyof Required<Pick<NoteFields, 'text' | 'dimensionId' | 'isPrivate'>>;

/** The id of the note box of an interview, so other parts of the runner can hand focus back to it. */
export function noteInputId(interviewId: string): string {
  return `note-input-${interviewId}`;
}

/**
 * The fast note line. The line is stamped (time since the interview started) when it first
 * becomes non-empty and the stamp is dropped when it is emptied again; typing is written at most
 * 250 ms later, and only the fields this window changed, so another window changing the line's
 * dimension never loses text typed here. Leaving the page writes what is pending at once and
 * keeps a synchronous copy in localStorage that the next load puts back. The text and the stamp
 * live in the DOM (an uncontrolled textarea, the stamp set on its span), so a keystroke costs no
 * React render: only starting or emptying a line, or changing its dimension or privacy, renders.
 */
export const NoteComposer = memo(function NoteComposer({
  interviewId,
  elapsedNow,
  isAmending,
  dimensions,
  simAt,
  onDraftChange,
}: {
  interviewId: string;
  /** Interview time now (ms); during an amendment the stopped clock's time. */
  elapsedNow: () => number;
  isAmending: boolean;
  dimensions: Dimension[];
  /** The id of the line being typed (already saved as a note), or null between lines. */
  onDraftChange: (noteId: string | null) => void;
  /** Current incident sim time (ms) when a simulation is running, so notes link to it. */
  simAt?: () => number | null;
}) {
  renderProbe('NoteComposer');
  const [dimensionId, setDimensionId] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const stampView = useRef<HTMLSpanElement>(null);
  const draft = useRef<Draft | null>(null);
  const latest = useRef({ text: '', dimensionId: '', isPrivate: false });
  const dirty = useRef(new Set<Field>());
  /** Fields of writes started and not finished: unsaved until IndexedDB says so. */
  const writing = useRef(new Map<Field, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveTrack = useAppStore((s) => s.saveTrack);
  const saveMarkDirty = useAppStore((s) => s.saveMarkDirty);

  const showStamp = (at: number | null) => {
    if (stampView.current) stampView.current.textContent = at === null ? '--:--' : clockText(at);
  };
  /** Puts text in the box (recovery, a failed line put back); typing itself never goes through here. */
  const showText = (value: string) => {
    if (input.current) input.current.value = value;
  };
  // Before the first paint: the box starts between lines.
  useLayoutEffect(() => {
    if (stampView.current) stampView.current.textContent = '--:--';
  }, []);

  const noteOf = (d: Draft): Note => ({
    id: d.id,
    interviewId,
    at: d.at,
    text: latest.current.text,
    dimensionId: latest.current.dimensionId || null,
    simAt: d.simAt,
    isPrivate: latest.current.isPrivate,
  });

  const write = (d: Draft): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const fields: NoteFields = {};
    for (const field of dirty.current) {
      if (field === 'text') fields.text = latest.current.text;
      else if (field === 'dimensionId') fields.dimensionId = latest.current.dimensionId || null;
      else fields.isPrivate = latest.current.isPrivate;
    }
    dirty.current.clear();
    const written = Object.keys(fields) as Field[];
    for (const field of written) writing.current.set(field, (writing.current.get(field) ?? 0) + 1);
    const note = noteOf(d);
    d.isPersisted = true;
    const key = `note:${d.id}`;
    return saveTrack(noteFieldsSave(appDb(), note, fields, Date.now(), note)).then((ok) => {
      for (const field of written) {
        const left = (writing.current.get(field) ?? 1) - 1;
        if (left > 0) writing.current.set(field, left);
        else writing.current.delete(field);
      }
      if (!ok) for (const field of written) dirty.current.add(field);
      else if (draft.current?.id !== d.id || dirty.current.size === 0) saveMarkDirty(key, false);
      return ok;
    });
  };

  const schedule = (field: Field) => {
    const d = draft.current;
    dirty.current.add(field);
    if (!d) return;
    saveMarkDirty(`note:${d.id}`, true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void write(d), textDebounceMs);
  };

  const stampNew = (): Draft => {
    const d = { id: crypto.randomUUID(), at: Math.max(0, Math.round(elapsedNow())), simAt: simAt?.() ?? null, isPersisted: false };
    draft.current = d;
    showStamp(d.at);
    onDraftChange(d.id);
    return d;
  };

  /** The line was emptied: its stamp goes, and so does the note if it was already written. */
  const dropDraft = () => {
    const d = draft.current;
    if (!d) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    dirty.current.delete('text');
    draft.current = null;
    showStamp(null);
    onDraftChange(null);
    const key = `note:${d.id}`;
    if (d.isPersisted) void saveTrack(noteDelete(appDb(), interviewId, d.id)).then(() => saveMarkDirty(key, false));
    else saveMarkDirty(key, false);
  };

  const onChange = (value: string) => {
    latest.current.text = value;
    if (value.trim() === '') {
      dropDraft();
      return;
    }
    if (!draft.current) {
      stampNew();
      // A new line carries the dimension and privacy chosen for it, whatever was written before.
      dirty.current.add('dimensionId');
      dirty.current.add('isPrivate');
    }
    schedule('text');
  };

  const clearLine = () => {
    draft.current = null;
    onDraftChange(null);
    latest.current.text = '';
    showText('');
    showStamp(null);
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
        showText(lineText);
        showStamp(d.at);
        dirty.current.add('text');
        saveMarkDirty(`note:${d.id}`, true);
      }
    });
    clearLine();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      commitLine();
    } else if (event.key === 'Escape') {
      // Out of the text field, so single keys rate and log incident actions again.
      event.currentTarget.blur();
    }
  };

  // Leaving the page: write now instead of in 250 ms, and keep a synchronous copy in case the
  // write cannot finish before the page goes away. Hiding the window writes too.
  // A write still running counts as unsaved: the page may go before it commits, so its fields go
  // into the copy too.
  const flush = useEffectEvent((isLeaving: boolean) => {
    const d = draft.current;
    if (!d) return;
    const unsaved = new Set([...dirty.current, ...writing.current.keys()]);
    if (unsaved.size === 0 && timer.current === undefined) return;
    if (isLeaving) {
      noteDraftStashWrite({
        ...noteOf(d),
        at: d.at,
        fields: [...unsaved],
      });
    }
    if (dirty.current.size > 0 || timer.current !== undefined) void write(d);
  });
  useEffect(() => {
    const onPageHide = () => flush(true);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush(true);
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the runner writes what is pending instead of dropping it.
      flush(false);
    };
  }, []);

  // A line the last page load could not finish writing comes back here, still being typed.
  const recover = useEffectEvent((stash: NoteDraftStash) => {
    const d: Draft = { id: stash.id, at: stash.at, simAt: stash.simAt, isPersisted: true };
    draft.current = d;
    latest.current = { text: stash.text, dimensionId: stash.dimensionId ?? '', isPrivate: stash.isPrivate };
    showText(stash.text);
    setDimensionId(stash.dimensionId ?? '');
    setIsPrivate(stash.isPrivate);
    showStamp(stash.at);
    onDraftChange(stash.id);
    for (const field of stash.fields) dirty.current.add(field);
    dirty.current.add('text');
    saveMarkDirty(`note:${d.id}`, true);
    void write(d);
  });
  useEffect(() => {
    const stash = noteDraftStashTake(interviewId);
    if (stash) recover(stash);
  }, [interviewId]);

  // On a loaded machine the page being left may write its copy only after this page has loaded
  // (its pagehide runs late): the copy then arrives as a storage event. Into the box when nothing
  // is being typed; otherwise written as a line of its own, so neither text is lost.
  const recoverLate = useEffectEvent((stash: NoteDraftStash) => {
    if (!draft.current && latest.current.text === '') {
      recover(stash);
      return;
    }
    const { fields: typed, ...note } = stash;
    const fields: NoteFields = { text: note.text };
    if (typed.includes('dimensionId')) fields.dimensionId = note.dimensionId;
    if (typed.includes('isPrivate')) fields.isPrivate = note.isPrivate;
    void saveTrack(noteFieldsSave(appDb(), note, fields, Date.now(), note));
  });
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== noteDraftStashKey(interviewId) || event.newValue === null) return;
      const stash = noteDraftStashTake(interviewId);
      if (stash) recoverLate(stash);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [interviewId]);

  return (
    <div className="note-composer">
      <div className="note-composer-meta">
        {/* Filled by showStamp: the stamp changes without a render. */}
        <span
          ref={stampView}
          className="note-time mono"
          aria-label="Time stamp of this line"
          data-testid="composer-stamp"
        />
        {isAmending && <span className="badge note-added">added after the interview</span>}
        <label className="inline">
          <span className="sr-only">Dimension for this note</span>
          <select
            value={dimensionId}
            onChange={(e) => {
              setDimensionId(e.target.value);
              latest.current.dimensionId = e.target.value;
              schedule('dimensionId');
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
              schedule('isPrivate');
            }}
          />
          Private
        </label>
      </div>
      <label className="sr-only" htmlFor={noteInputId(interviewId)}>
        Note
      </label>
      <textarea
        id={noteInputId(interviewId)}
        className="note-input"
        rows={3}
        ref={input}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type what the candidate says or does. Enter starts a new time-stamped line; Shift+Enter for a line break."
        maxLength={5000}
      />
    </div>
  );
});
