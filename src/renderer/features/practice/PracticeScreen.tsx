import { PracticeHomeScreen } from './PracticeHomeScreen';
import { PracticeRunScreen } from './PracticeRunScreen';

/** `#/practice` lists the practice cases and this interviewer's history; `#/practice/<runId>` is one run. */
export function PracticeScreen({ runId }: { runId: string | undefined }) {
  return runId ? <PracticeRunScreen key={runId} runId={runId} /> : <PracticeHomeScreen />;
}
