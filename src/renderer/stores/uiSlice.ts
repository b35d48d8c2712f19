import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

/** Transient UI state: notices and committee blind mode. */
export interface UiSlice {
  notices: Notice[];
  isBlindMode: boolean;
  noticeShow: (tone: Notice['tone'], text: string) => void;
  noticeDismiss: (id: number) => void;
  blindModeSet: (isBlind: boolean) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  isBlindMode: false,
  noticeShow: (tone, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNoticeId++, tone, text }] })),
  noticeDismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  blindModeSet: (isBlind) => set({ isBlindMode: isBlind }),
});
