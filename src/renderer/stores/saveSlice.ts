import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

/**
 * What the "Saved" mark shows. `dirty` holds edits typed but not yet handed to the database
 * (debounced text); `pending` counts writes handed over and not yet committed. "Saved" shows only
 * when both are empty and the last write committed.
 */
export interface SaveSlice {
  saveDirty: Record<string, true>;
  savePending: number;
  saveError: string | null;
  saveLastAt: number | null;
  saveMarkDirty: (key: string, isDirty: boolean) => void;
  /** Tracks a write; resolves true when it committed, false when it failed (the error is shown). */
  saveTrack: (write: Promise<unknown>) => Promise<boolean>;
  saveReset: () => void;
}

export function saveErrorText(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'Storage full: the last change is not saved. Free disk space or download a backup; your text stays here.';
  }
  if (name === 'DatabaseClosedError' || /closed/i.test(message)) {
    return 'The database closed (another window upgraded it or it was deleted). Reload; your text stays here until then.';
  }
  return `Not saved: ${message}`;
}

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  saveDirty: {},
  savePending: 0,
  saveError: null,
  saveLastAt: null,
  saveMarkDirty: (key, isDirty) =>
    set((s) => {
      if (isDirty === !!s.saveDirty[key]) return s;
      const next = { ...s.saveDirty };
      if (isDirty) next[key] = true;
      else delete next[key];
      return { saveDirty: next };
    }),
  saveTrack: async (write) => {
    set((s) => ({ savePending: s.savePending + 1 }));
    try {
      await write;
      set((s) => ({ savePending: s.savePending - 1, saveError: null, saveLastAt: Date.now() }));
      return true;
    } catch (error) {
      set((s) => ({ savePending: s.savePending - 1, saveError: saveErrorText(error) }));
      return false;
    }
  },
  saveReset: () => set({ saveDirty: {}, savePending: 0, saveError: null, saveLastAt: null }),
});
