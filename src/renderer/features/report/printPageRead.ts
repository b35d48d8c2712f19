/**
 * The print window's report read, started by the page's first script (`printEntry`) while the
 * rest of the page — React, Dexie, the report's code — is fetched and compiled: one bare
 * read-only transaction (`rowsReadIdbOnce`) of what `reportScreenRead` reads, so the read's round
 * trips and the page's compile overlap instead of following each other. A print is a snapshot of
 * the evidence as the window opened; the screen takes it as its first read (`printPageStart`).
 * `null` when the database cannot be read that way (not created, an older version, a failed
 * read): the screen then reads through Dexie as the app's own page does, and reports a failure.
 */
import { routeOf } from '../../app/routeOf';
import { reportScreenRead, reportScreenTables, type ReportScreenData } from '../../db/reportScreenRead';
import { rowsReadIdbOnce } from '../../db/rowsReadIdb';
import { appWorkspaceDbName } from '../../db/workspace';
import { printRouteCandidateIds } from './printRouteIds';

/** The candidates of this window's print route. */
export const printPageCandidateIds = (): string[] => printRouteCandidateIds(routeOf(location.hash));

let started: Promise<ReportScreenData | null> | undefined;

/** The read of this window's reports: started on the first call, the same promise after. */
export function printPageRead(): Promise<ReportScreenData | null> {
  started ??= rowsReadIdbOnce(appWorkspaceDbName(), reportScreenTables, (rows) =>
    reportScreenRead(rows, printPageCandidateIds()),
  ).catch(() => null);
  return started;
}
