/**
 * A synchronous copy of the note line being typed, written to localStorage when the page goes
 * away (pagehide). An IndexedDB write started then may not finish before the page is gone; this
 * copy does, and the next load of the runner writes it and puts the line back in the note box.
 */
import { noteSchema, type Note } from '../../../core/model/records';

export interface NoteDraftStash extends Note {
  /** Fields typed here and not yet written (so recovery writes only those). */
  fields: Array<'text' | 'dimensionId' | 'isPrivate'>;
}

/** The localStorage key of an interview's stashed line. */
export const noteDraftStashKey = (interviewId: string) => `loopdesk:noteDraft:${interviewId}`;
const stashKey = noteDraftStashKey;

export function noteDraftStashWrite(stash: NoteDraftStash): void {
  try {
    localStorage.setItem(stashKey(stash.interviewId), JSON.stringify(stash));
  } catch {
    // Storage full or disabled: the IndexedDB write started alongside is all we have.
  }
}

/** Takes (reads and removes) the stashed line of an interview, if a valid one is there. */
export function noteDraftStashTake(interviewId: string): NoteDraftStash | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(stashKey(interviewId));
    if (raw !== null) localStorage.removeItem(stashKey(interviewId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    const { fields, ...rest } = value as { fields?: unknown } & Record<string, unknown>;
    const note = noteSchema.safeParse(rest);
    if (!note.success || note.data.interviewId !== interviewId) return null;
    const known = ['text', 'dimensionId', 'isPrivate'] as const;
    const typed = Array.isArray(fields) ? known.filter((f) => fields.includes(f)) : [];
    return { ...note.data, fields: typed };
  } catch {
    return null;
  }
}
