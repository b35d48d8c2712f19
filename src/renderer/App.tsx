import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { AppShell } from './app/AppShell';
import { useRoute, type Route } from './app/router';
import { appDbLoad } from './db/useDbLive';
import { useAppStore } from './stores/appStore';
import { TodayScreen } from './features/today/TodayScreen';
import { NotFoundScreen } from './features/NotFoundScreen';
import { printRouteProps } from './features/report/printRoute';
import { importKept } from './app/importKept';

// Today is in the first bundle; every other screen loads on first visit, so cold start stays small.
const RubricLibraryScreen = lazy(() =>
  import('./features/rubrics/RubricLibraryScreen').then((m) => ({ default: m.RubricLibraryScreen })),
);
const PackBrowserScreen = lazy(() =>
  import('./features/rubrics/PackBrowserScreen').then((m) => ({ default: m.PackBrowserScreen })),
);
const CandidatesScreen = lazy(() =>
  import('./features/people/CandidatesScreen').then((m) => ({ default: m.CandidatesScreen })),
);
const NewCandidateScreen = lazy(() =>
  import('./features/people/NewCandidateScreen').then((m) => ({ default: m.NewCandidateScreen })),
);
const CandidateScreen = lazy(() =>
  import('./features/people/CandidateScreen').then((m) => ({ default: m.CandidateScreen })),
);
const LoopScreen = lazy(() => import('./features/people/LoopScreen').then((m) => ({ default: m.LoopScreen })));
const InterviewRunnerScreen = lazy(() =>
  import('./features/interview/InterviewRunnerScreen').then((m) => ({ default: m.InterviewRunnerScreen })),
);
const CandidateViewScreen = lazy(() =>
  import('./features/interview/CandidateViewScreen').then((m) => ({ default: m.CandidateViewScreen })),
);
const ReportScreen = lazy(() => import('./features/report/ReportScreen').then((m) => ({ default: m.ReportScreen })));
const CommitteeScreen = lazy(() =>
  import('./features/report/CommitteeScreen').then((m) => ({ default: m.CommitteeScreen })),
);
const ScorecardScreen = lazy(() =>
  import('./features/report/ScorecardScreen').then((m) => ({ default: m.ScorecardScreen })),
);
const PrintReportScreen = lazy(() =>
  import('./features/report/PrintReportScreen').then((m) => ({ default: m.PrintReportScreen })),
);
const ScorecardsDueScreen = lazy(() =>
  import('./features/people/ScorecardsDueScreen').then((m) => ({ default: m.ScorecardsDueScreen })),
);
const PracticeScreen = lazy(() => import('./features/practice/PracticeScreen').then((m) => ({ default: m.PracticeScreen })));
const DataScreen = lazy(() => import('./features/data/DataScreen').then((m) => ({ default: m.DataScreen })));
const AnalyticsScreen = lazy(() => import('./features/analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })));

const loading = <p className="page muted">Loading…</p>;

// The code of the reads a route starts while its screen loads (below), imported once.
const committeeLiveLoad = importKept(() => import('./db/committeeScreenLive'));
const reportLiveLoad = importKept(() => import('./db/reportScreenLive'));

/** Maps the hash route to a screen. */
export function App() {
  // The screen follows the route as a deferred update: while a screen's code is still loading, the
  // one before stays (the rail already shows the new place) instead of a "Loading…" that React then
  // keeps on screen for at least 300 ms (its throttle on revealing content after a fallback). So a
  // screen reads its route from here (props), never the address: that may already be the next one.
  const route = useRoute();
  // The committee screen's rows (5,000 candidates) are read from the moment the route changes, while
  // its code loads; the screen takes over the same read (`committeeScreenLive`). Like React's
  // resource preloads, a warm-up started in render: it holds the read a few seconds, nothing more.
  if (route.path[0] === 'committee') {
    const pack = useAppStore.getState().rubrics?.packs[0];
    // The read's code (Dexie's liveQuery, the committee row builders) stays out of the start-up
    // bundle: it arrives with its own small chunk, still well before the screen's.
    if (pack)
      void Promise.all([committeeLiveLoad(), appDbLoad()]).then(([m, db]) => m.committeeScreenPrefetch(db, pack));
  }
  // A report's read likewise: the screen suspends until it has arrived, so the screen before stays
  // on view and the report's first frame is the whole report.
  const reportCandidateId = route.path[0] === 'reports' ? route.path[1] : undefined;
  if (reportCandidateId)
    void Promise.all([reportLiveLoad(), appDbLoad()]).then(([m, db]) => m.reportScreenPrefetch(db, [reportCandidateId]));
  const shown = useDeferredValue(route);
  // The screen's element is kept while the shown route is the same: the urgent render of a route
  // change (the rail) then leaves the screen before alone instead of rendering it again.
  const screen = useMemo(() => screenOf(shown), [shown]);
  const { path, query } = shown;
  const [section = 'today'] = path;
  // The candidate's shared screen: no navigation, nothing of the app around it.
  if (section === 'presenter' && path[1]) {
    return (
      <Suspense fallback={loading}>
        <CandidateViewScreen key={path[1]} interviewId={path[1]} />
      </Suspense>
    );
  }
  if (section === 'print') {
    // Print routes render the report alone (no navigation) for printToPDF / browser print; the
    // exports open them on the print page (print.html), which holds this screen and nothing else.
    return (
      <Suspense fallback={loading}>
        <PrintReportScreen {...printRouteProps({ path, query })} />
      </Suspense>
    );
  }
  return (
    <AppShell>
      <Suspense fallback={loading}>{screen}</Suspense>
    </AppShell>
  );
}

/** The screen of an in-app route (not the presenter's or the print page's). */
function screenOf({ path, query }: Route) {
  const [section = 'today'] = path;
  let screen;
  switch (section) {
    case 'today':
      screen = <TodayScreen />;
      break;
    case 'rubrics':
      // #/rubrics is the library; #/rubrics/<packId>[/<tab>[/<item>]] browses one pack.
      screen = path[1] ? <PackBrowserScreen route={{ path, query }} /> : <RubricLibraryScreen />;
      break;
    case 'candidates':
      if (path[1] === 'new') screen = <NewCandidateScreen />;
      else if (path[1])
        screen = <CandidateScreen key={path[1]} candidateId={path[1]} isPlanning={query.get('plan') === '1'} />;
      else screen = <CandidatesScreen />;
      break;
    case 'loops':
      screen = path[1] ? <LoopScreen key={path[1]} loopId={path[1]} /> : <NotFoundScreen />;
      break;
    case 'interviews':
      screen = path[1] ? <InterviewRunnerScreen key={path[1]} interviewId={path[1]} /> : <NotFoundScreen />;
      break;
    case 'reports':
      screen = path[1] ? (
        <ReportScreen
          key={path[1]}
          candidateId={path[1]}
          audience={query.get('audience') === 'recruiter' ? 'recruiter' : 'committee'}
        />
      ) : (
        <NotFoundScreen />
      );
      break;
    case 'committee':
      screen = <CommitteeScreen />;
      break;
    case 'analytics':
      screen = <AnalyticsScreen />;
      break;
    case 'scorecards':
      screen = path[1] ? <ScorecardScreen key={path[1]} interviewId={path[1]} /> : <NotFoundScreen />;
      break;
    case 'practice':
      screen = <PracticeScreen runId={path[1]} />;
      break;
    case 'data':
      screen = <DataScreen />;
      break;
    case 'due':
      screen = <ScorecardsDueScreen />;
      break;
    default:
      screen = <NotFoundScreen />;
  }
  return screen;
}
