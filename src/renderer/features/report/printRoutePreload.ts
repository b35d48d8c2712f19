/**
 * A window opened on a print route (printToPDF's hidden window, a print tab) starts what the print
 * needs at once, in parallel, instead of one after the other as the screen mounts: the print
 * screen's code, the rubric packs and the reports' read (`reportScreenLive`, which opens the
 * database). Only this module is in the start-up bundle; the print screen's code stays a chunk of
 * its own.
 */
import { routeOf, type Route } from '../../app/router';
import { appDbLoad } from '../../db/useDbLive';
import { useAppStore } from '../../stores/appStore';

/** The candidates a print route is of: `#/print/report/<id>` or `#/print/batch?candidates=a.b`. */
export function printRouteCandidateIds({ path, query }: Route): string[] {
  if (path[1] === 'batch') return (query.get('candidates') ?? '').split('.').filter(Boolean);
  return path[2] ? [path[2]] : [];
}

let rubrics: Promise<void> | undefined;

/** Loads the rubric packs once for the print route (the shell, which otherwise does, is not mounted). */
export function printRubricsLoad(): Promise<void> {
  rubrics ??= useAppStore.getState().rubricsReload();
  return rubrics;
}

export function printRoutePreload(): void {
  void import('./PrintReportScreen');
  void printRubricsLoad();
  const ids = printRouteCandidateIds(routeOf(location.hash));
  // A failure to read is reported by the screen, which takes over the same read.
  void Promise.all([import('../../db/reportScreenLive'), appDbLoad()])
    .then(([m, db]) => m.reportScreenPrefetch(db, ids))
    .catch(() => undefined);
}
