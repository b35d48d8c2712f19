/**
 * The one zustand store, assembled from slices. It holds session and UI state only; saved records
 * are read from Dexie with `useLiveQuery` and never copied here.
 */
import { create } from 'zustand';
import { createRubricsSlice, type RubricsSlice } from './rubricsSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createSaveSlice, type SaveSlice } from './saveSlice';

export type AppState = RubricsSlice & UiSlice & SaveSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createRubricsSlice(...a),
  ...createUiSlice(...a),
  ...createSaveSlice(...a),
}));
