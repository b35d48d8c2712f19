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

/** Maps the hash route to a screen. */
export function App() {
  const { path, query } = useRoute();
  const [section = 'today'] = path;
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
    default:
      screen = <NotFoundScreen />;
  }
  return <AppShell>{screen}</AppShell>;
}
