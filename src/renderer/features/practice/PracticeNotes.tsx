import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../stores/appStore';

const saveDelayMs = 400;

/** Free notes on a practice run, written shortly after typing stops and at once on leaving. */
export function PracticeNotes({ initial, onSave }: { initial: string; onSave: (notes: string) => Promise<void> }) {
  const [text, setText] = useState(initial);
  const saveMarkDirty = useAppStore((s) => s.saveMarkDirty);
  const saveTrack = useAppStore((s) => s.saveTrack);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useRef(onSave);
  useEffect(() => {
    save.current = onSave;
  });
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current === null) return;
    const value = pending.current;
    pending.current = null;
    saveMarkDirty('practice-notes', false);
    void saveTrack(save.current(value));
  }, [saveMarkDirty, saveTrack]);
  useEffect(() => flush, [flush]);
  return (
    <section className="practice-notes">
      <h2 id="practice-notes-title">Your notes</h2>
      <textarea
        aria-labelledby="practice-notes-title"
        rows={5}
        value={text}
        placeholder="What you noticed, for your own comparison afterwards"
        onChange={(e) => {
          setText(e.target.value);
          pending.current = e.target.value;
          saveMarkDirty('practice-notes', true);
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, saveDelayMs);
        }}
        onBlur={flush}
      />
    </section>
  );
}
