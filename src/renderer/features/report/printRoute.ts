/**
 * What a print route (`#/print/report/<id>?audience=…` or `#/print/batch?candidates=a.b&…`) asks
 * for, and the rubric packs it needs, loaded once: shared by the app's page, which shows print
 * routes too, and the print page (`print.html`), which the exports open.
 */
import type { Route } from '../../app/routeOf';
import { printRouteCandidateIds } from './printRouteIds';
import { useAppStore } from '../../stores/appStore';
import type { ReportAudience } from '../../../core/report/reportBuild';

/** What a print route asks for: its candidates, audience, blind mode and (web) printing itself. */
export function printRouteProps(route: Route): {
  candidateIds: string[];
  audience: ReportAudience;
  isBlindRequested: boolean;
  isAutoPrint: boolean;
} {
  return {
    candidateIds: printRouteCandidateIds(route),
    audience: route.query.get('audience') === 'recruiter' ? 'recruiter' : 'committee',
    isBlindRequested: route.query.get('blind') === '1',
    isAutoPrint: route.query.get('autoprint') === '1',
  };
}

let rubrics: Promise<void> | undefined;

/** Loads the rubric packs once for the print route (the shell, which otherwise does, is not mounted). */
export function printRubricsLoad(): Promise<void> {
  rubrics ??= useAppStore.getState().rubricsReload();
  return rubrics;
}
