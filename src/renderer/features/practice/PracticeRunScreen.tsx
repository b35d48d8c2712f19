import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../db/dbContext';
import { useMe } from '../../db/hooks';
import { usePacks, usePacksLoaded } from '../../hooks/usePacks';
import { PracticeRunner } from './PracticeRunner';
import { PracticeComparison } from './PracticeComparison';
import { practiceCaseOf } from './usePracticeRuns';
import './practice.css';

function Missing({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="page">
      <section className="empty-state">
        <h1>{title}</h1>
        <p>{children}</p>
        <a href="#/practice">Back to Practice</a>
      </section>
    </div>
  );
}

/** One practice run: the runner while it is open, the comparison with the key once sealed. */
export function PracticeRunScreen({ runId }: { runId: string }) {
  const me = useMe();
  const packs = usePacks();
  const packsLoaded = usePacksLoaded();
  const run = useLiveQuery(async () => (await appDb().practiceRuns.get(runId)) ?? null, [runId]);
  if (run === undefined || me === undefined || !packsLoaded) return <p className="page muted">Loading…</p>;
  if (run === null) return <Missing title="Practice run not found">It may have been discarded.</Missing>;
  if (!me || run.interviewerId !== me.id) {
    return (
      <Missing title="This practice run belongs to another profile">
        Practice runs are personal. Switch profile on <a href="#/today">Today</a> if it is yours.
      </Missing>
    );
  }
  const { pack, practiceCase } = practiceCaseOf(packs, run);
  if (run.sealedAt !== null && run.score)
    return <PracticeComparison run={run} score={run.score} practiceCase={practiceCase} pack={pack} />;
  if (!pack || !practiceCase) {
    return (
      <Missing title="The practice case is not available">
        Case “{run.caseId}” of pack “{run.packId}” is not loaded. Check the <a href="#/rubrics">rubric library</a> for
        load errors.
      </Missing>
    );
  }
  return <PracticeRunner run={run} pack={pack} practiceCase={practiceCase} />;
}
