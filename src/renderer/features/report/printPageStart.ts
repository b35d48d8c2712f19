/**
 * The print page's first work, done as this module is evaluated — the print page imports it before
 * anything else, so it runs before the print screen's and React's modules are evaluated: the rubric
 * packs' load and the reports' read (`reportScreenLive`, which opens the database), which the
 * screen takes over once it renders. A failure to read is reported by the screen.
 */
import { routeOf } from '../../app/router';
import { appDb } from '../../db/dbContext';
import { reportScreenPrefetch } from '../../db/reportScreenLive';
import { printRouteCandidateIds, printRubricsLoad } from './printRoute';

void printRubricsLoad();
reportScreenPrefetch(appDb(), printRouteCandidateIds(routeOf(location.hash)));
