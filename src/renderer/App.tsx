import { AppShell } from './app/AppShell';
import { useRoute } from './app/router';
import { TodayScreen } from './features/today/TodayScreen';
import { RubricLibraryScreen } from './features/rubrics/RubricLibraryScreen';
import { PackBrowserScreen } from './features/rubrics/PackBrowserScreen';
import { NotFoundScreen } from './features/NotFoundScreen';
import { CandidatesScreen } from './features/people/CandidatesScreen';
import { NewCandidateScreen } from './features/people/NewCandidateScreen';
import { CandidateScreen } from './features/people/CandidateScreen';
import { LoopScreen } from './features/people/LoopScreen';
import { InterviewRunnerScreen } from './features/interview/InterviewRunnerScreen';
import { PresenterScreen } from './features/incident/PresenterScreen';
import { ReportScreen } from './features/report/ReportScreen';
import { CommitteeScreen } from './features/report/CommitteeScreen';
import { PrintReportScreen } from './features/report/PrintReportScreen';
import { DataScreen } from './features/data/DataScreen';

/** Maps the hash route to a screen. */
export function App() {
  const { path, query } = useRoute();
  const [section = 'today'] = path;
  // The candidate's shared screen: no navigation, nothing of the app around it.
  if (section === 'presenter' && path[1]) return <PresenterScreen key={path[1]} interviewId={path[1]} />;
  if (section === 'print') {
    // Print routes render the report alone (no navigation) for printToPDF / browser print.
    const audience = query.get('audience') === 'recruiter' ? 'recruiter' : 'committee';
    const ids = path[1] === 'batch' ? (query.get('candidates') ?? '').split('.').filter(Boolean) : path[2] ? [path[2]] : [];
    return <PrintReportScreen candidateIds={ids} audience={audience} isAutoPrint={query.get('autoprint') === '1'} />;
  }
  let screen;
  switch (section) {
    case 'today':
      screen = <TodayScreen />;
      break;
    case 'rubrics':
      // #/rubrics is the library; #/rubrics/<packId>[/<tab>[/<item>]] browses one pack.
      screen = path[1] ? <PackBrowserScreen /> : <RubricLibraryScreen />;
      break;
    case 'candidates':
      if (path[1] === 'new') screen = <NewCandidateScreen />;
      else if (path[1]) screen = <CandidateScreen key={path[1]} candidateId={path[1]} isPlanning={query.get('plan') === '1'} />;
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
        <ReportScreen key={path[1]} candidateId={path[1]} audience={query.get('audience') === 'recruiter' ? 'recruiter' : 'committee'} />
      ) : (
        <NotFoundScreen />
      );
      break;
    case 'committee':
      screen = <CommitteeScreen />;
      break;
    case 'data':
      screen = <DataScreen />;
      break;
    default:
      screen = <NotFoundScreen />;
  }
  return <AppShell>{screen}</AppShell>;
}
