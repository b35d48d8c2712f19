import { lazy, Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { rubricExercise, rubricKit } from '../../../core/rubric/lookup';
import type { ArtifactReviewExercise } from '../../../core/rubric/schema';
import { appDb } from '../../db/dbContext';
import { usePack } from '../../hooks/usePacks';
import { useAppStore } from '../../stores/appStore';
import { CodeView } from '../../components/CodeView';

const PresenterScreen = lazy(() => import('../incident/PresenterScreen').then((m) => ({ default: m.PresenterScreen })));

/**
 * The candidate's shared screen for an artifact review: the artifact with line numbers, and the
 * lines of defects the candidate has already found. Unfound defects, the checklist and anything
 * the interviewer writes never appear here.
 */
function ArtifactCandidateView({
  interviewId,
  exercise,
  artifactText,
}: {
  interviewId: string;
  exercise: ArtifactReviewExercise;
  artifactText: Record<string, string>;
}) {
  const [artifactId, setArtifactId] = useState(exercise.artifacts[0]?.id ?? '');
  const found =
    useLiveQuery(() => appDb().defectFindings.where('interviewId').equals(interviewId).toArray(), [interviewId]) ?? [];
  const foundIds = new Set(found.map((f) => f.defectId));
  const artifact = exercise.artifacts.find((a) => a.id === artifactId) ?? exercise.artifacts[0];
  const highlight = exercise.defects
    .filter((d) => foundIds.has(d.id) && d.artifact === artifact?.id)
    .map((d) => d.lines);
  return (
    <div className="page candidate-view" data-testid="candidate-view">
      <header className="page-header">
        <h1>{exercise.title}</h1>
        <span className="muted">{exercise.brief}</span>
      </header>
      {exercise.artifacts.length > 1 && (
        <div className="tabs" role="tablist" aria-label="Files">
          {exercise.artifacts.map((a) => (
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
      {artifact && (
        <CodeView
          text={artifactText[artifact.id] ?? ''}
          language={artifact.language}
          label={artifact.title}
          highlight={highlight}
        />
      )}
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
    return <ArtifactCandidateView interviewId={interviewId} exercise={exercise} artifactText={pack.artifactText} />;
  return <p className="page">Nothing is shared for this interview.</p>;
}
