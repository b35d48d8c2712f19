/**
 * The app's page opened on a print route (a print tab of the app's own address) starts what the
 * print needs at once, in parallel, instead of one after the other as the screen mounts: the print
 * screen's code, the rubric packs and the reports' read (`reportScreenLive`, which opens the
 * database). Only this module is in the start-up bundle; the print screen's code stays a chunk of
 * its own. The print page the exports open starts the same from its own bundle (`printPageStart`).
 */
import { routeOf } from '../../app/router';
import { appDbLoad } from '../../db/useDbLive';
import { printRubricsLoad } from './printRoute';
import { printRouteCandidateIds } from './printRouteIds';

export function printRoutePreload(): void {
  void import('./PrintReportScreen');
  void printRubricsLoad();
  const ids = printRouteCandidateIds(routeOf(location.hash));
  // A failure to read is reported by the screen, which takes over the same read.
  void Promise.all([import('../../db/reportScreenLive'), appDbLoad()])
    .then(([m, db]) => m.reportScreenPrefetch(db, ids))
    .catch(() => undefined);
}
