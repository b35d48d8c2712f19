import { lazy, Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { rubricExercise, rubricKit } from '../../../core/rubric/lookup';
import { audienceCandidateArtifact, type AudienceCandidateArtifactView } from '../../../core/audience/audienceCandidate';
import { appDb } from '../../db/dbContext';
import { usePack } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { CodeView } from '../../components/CodeView';

const PresenterScreen = lazy(() => import('../incident/PresenterScreen').then((m) => ({ default: m.PresenterScreen })));

/**
 * The candidate's shared screen for an artifact review: the brief and the files with line numbers.
 * It reads nothing the interviewer records (see `audienceCandidateArtifact`): ticking a planted
 * defect on the interviewer's side changes nothing here.
 */
function ArtifactCandidateView({ view }: { view: AudienceCandidateArtifactView }) {
  const [artifactId, setArtifactId] = useState(view.artifacts[0]?.id ?? '');
  const artifact = view.artifacts.find((a) => a.id === artifactId) ?? view.artifacts[0];
  return (
    <div className="page candidate-view" data-testid="candidate-view">
      <header className="page-header">
        <h1>{view.title}</h1>
        <span className="muted">{view.brief}</span>
      </header>
      {view.artifacts.length > 1 && (
        <div className="tabs" role="tablist" aria-label="Files">
          {view.artifacts.map((a) => (
            <button
              key={a.id}
              type="button"
              role="tab"
              aria-selected={a.id === artifact?.id}
              onClick={() => setArtifactId(a.id)}
            >
              {a.title}
            </button>
          ))}
        </div>
      )}
      {artifact && <CodeView text={artifact.text} language={artifact.language} label={artifact.title} />}
    </div>
  );
}

/** `#/presenter/<interviewId>`: the incident presenter, or the artifact for a review interview. */
export function CandidateViewScreen({ interviewId }: { interviewId: string }) {
  const rubricsReload = useAppStore((s) => s.rubricsReload);
  const hasRubrics = useAppStore((s) => s.rubrics !== null);
  useEffect(() => {
    if (!hasRubrics) void rubricsReload();
  }, [hasRubrics, rubricsReload]);
  const data = useLiveQuery(async () => {
    const interview = await appDb().interviews.get(interviewId);
    const loop = interview ? await appDb().loops.get(interview.loopId) : undefined;
    return { interview, loop };
  }, [interviewId]);
  const { pack } = usePack(data?.loop?.packId, data?.loop?.packHash);
  if (!data || !pack) return <p className="page muted">Waiting for the interview…</p>;
  const kit = data.interview ? rubricKit(pack, data.interview.kitId) : undefined;
  if (kit?.scenario) {
    return (
      <Suspense fallback={<p className="page muted">Loading…</p>}>
        <PresenterScreen interviewId={interviewId} />
      </Suspense>
    );
  }
  const exercise = kit?.exercise ? rubricExercise(pack, kit.exercise) : undefined;
  if (exercise?.format === 'artifact-review')
    return <ArtifactCandidateView view={audienceCandidateArtifact(exercise, pack.artifactText)} />;
  return <p className="page">Nothing is shared for this interview.</p>;
}
