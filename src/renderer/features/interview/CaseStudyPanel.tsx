import type { Exercise } from '../../../core/rubric/schema';

/** A case study's prompt, constraints and the interviewer's evaluation guide. */
export function CaseStudyPanel({ exercise }: { exercise: Extract<Exercise, { format: 'case-study' }> }) {
  return (
    <section className="runner-case" aria-labelledby="case-title">
      <h2 id="case-title">{exercise.title}</h2>
      <div className="section-scroll">
        <h3>Prompt (read to the candidate)</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>{exercise.prompt}</p>
        {exercise.constraints.length > 0 && (
          <>
            <h3>Constraints and facts</h3>
            <ul>
              {exercise.constraints.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        )}
        <div className="good-looks-like">
          <h3>Evaluation guide (interviewer only)</h3>
          <ol>
            {exercise.evaluationGuide.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
