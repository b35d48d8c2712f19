import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
  /** The profile that was active when it was shown; it is shown only to that profile (null: before any). */
  profileId: string | null;
}

/** Transient UI state: notices. (Blind mode is a per-profile setting: `db/actions/audienceActions`.) */
export interface UiSlice {
  notices: Notice[];
  noticeShow: (tone: Notice['tone'], text: string) => void;
  noticeDismiss: (id: number) => void;
  /** The active profile, so notices belong to the profile that caused them. */
  noticeProfileId: string | null;
  noticeProfileSet: (profileId: string | null) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  noticeProfileId: null,
  noticeProfileSet: (profileId) => set({ noticeProfileId: profileId }),
  noticeShow: (tone, text) =>
    set((s) => ({
      notices: [...s.notices.slice(-4), { id: nextNoticeId++, tone, text, profileId: s.noticeProfileId }],
    })),
  noticeDismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
