import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

/** Transient UI state: notices. (Blind mode is a per-profile setting: `db/actions/audienceActions`.) */
export interface UiSlice {
  notices: Notice[];
  noticeShow: (tone: Notice['tone'], text: string) => void;
  noticeDismiss: (id: number) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  noticeShow: (tone, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNoticeId++, tone, text }] })),
  noticeDismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
