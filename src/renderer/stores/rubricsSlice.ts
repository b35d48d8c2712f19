import type { StateCreator } from 'zustand';
import type { RubricLoadReport } from '../../shared/desktopApi';
import { desktopApi } from '../platform/desktopApi';
import type { AppState } from './appStore';

/** Loaded rubric packs: session state that comes from the host, not from the database. */
export interface RubricsSlice {
  rubrics: RubricLoadReport | null;
  rubricsLoadError: string | null;
  rubricsReload: () => Promise<void>;
  rubricsSet: (report: RubricLoadReport) => void;
}

export const createRubricsSlice: StateCreator<AppState, [], [], RubricsSlice> = (set) => ({
  rubrics: null,
  rubricsLoadError: null,
  rubricsReload: async () => {
    try {
      const report = await (await desktopApi()).loadRubrics();
      set({ rubrics: report, rubricsLoadError: null });
    } catch (error) {
      set({ rubricsLoadError: error instanceof Error ? error.message : String(error) });
    }
  },
  rubricsSet: (report) => set({ rubrics: report, rubricsLoadError: null }),
});
