/**
 * A window opened on a print route (printToPDF's hidden window, a print tab) starts what the print
 * needs at once, in parallel, instead of one after the other as the screen mounts: the print
 * screen's code, the rubric packs and the database. Only this module is in the start-up bundle;
 * the print screen's code stays a chunk of its own.
 */
import { appDbLoad } from '../../db/useDbLive';
import { useAppStore } from '../../stores/appStore';

let rubrics: Promise<void> | undefined;

/** Loads the rubric packs once for the print route (the shell, which otherwise does, is not mounted). */
export function printRubricsLoad(): Promise<void> {
  rubrics ??= useAppStore.getState().rubricsReload();
  return rubrics;
}

export function printRoutePreload(): void {
  void import('./PrintReportScreen');
  void printRubricsLoad();
  void appDbLoad()
    .then((db) => db.open())
    .catch(() => undefined); // a failure to open is reported by the screen's own reads
}
