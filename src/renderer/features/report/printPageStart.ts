/**
 * The print page's first work, done as this module is evaluated — the print page imports it before
 * anything else, so it runs before the print screen's and React's modules are evaluated: the rubric
 * packs' load and the reports' read (`reportScreenLive`, which opens the database), which the
 * screen takes over once it renders. A failure to read is reported by the screen.
 */
import { routeOf } from '../../app/router';
import { appDb } from '../../db/dbContext';
import { reportScreenLive, reportScreenPrefetch } from '../../db/reportScreenLive';
import { printRouteCandidateIds, printRubricsLoad } from './printRoute';

const candidateIds = printRouteCandidateIds(routeOf(location.hash));
reportScreenPrefetch(appDb(), candidateIds);

/**
 * Settles when both are in (or failed): the page renders then, so its first render is the whole
 * report — no fallback committed and revealed later (React holds a revealed fallback's content back
 * for up to 300 ms), no render before the packs and a second one after.
 */
export const printPageStarted: Promise<unknown> = Promise.allSettled([
  printRubricsLoad(),
  reportScreenLive(appDb(), candidateIds).first(),
]);
