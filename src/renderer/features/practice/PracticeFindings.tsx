import type { PracticeCase } from '../../../core/rubric/practiceSchema';
import type { ArtifactReviewExercise } from '../../../core/rubric/schema';

/** The planted defects the scripted candidate found (with what they said) and the ones they did not. */
export function PracticeFindings({
  practiceCase,
  exercise,
}: {
  practiceCase: PracticeCase;
  exercise: ArtifactReviewExercise;
}) {
  const found = practiceCase.candidate.findings.filter((f) => f.exercise === exercise.id);
  const foundIds = new Set(found.map((f) => f.defect));
  const unfound = exercise.defects.filter((d) => !foundIds.has(d.id));
  return (
    <section className="practice-findings" aria-labelledby="practice-findings-title">
      <h2 id="practice-findings-title">
        Artifact findings · {found.length} of {exercise.defects.length} planted defects found
      </h2>
      <ul>
        {found.map((f) => {
          const defect = exercise.defects.find((d) => d.id === f.defect);
          return (
            <li key={f.defect}>
              <strong>
                ✓ {defect?.title ?? f.defect}
                {defect ? ` (${defect.artifact}, lines ${defect.lines[0]}–${defect.lines[1]}, ${defect.severity})` : ''}
              </strong>
              <p>“{f.said}”</p>
            </li>
          );
        })}
      </ul>
      {unfound.length > 0 && (
        <>
          <h3>Not found</h3>
          <ul className="muted">
            {unfound.map((d) => (
              <li key={d.id}>
                – {d.title} ({d.severity})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
