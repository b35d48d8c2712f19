import type { Exercise } from '../../../core/rubric/schema';
import { ArtifactView } from './ArtifactView';
import { DimensionTags } from './DimensionTags';
import { Prose } from './Prose';
import { exerciseFormatTitles, type LoadedPack } from './packView';

/** A case study (prompt, constraints, evaluation guide) or an artifact review (brief, artifacts, defects). */
export function ExerciseView({ pack, exercise }: { pack: LoadedPack; exercise: Exercise }) {
  return (
    <article className="item-detail" aria-labelledby="exercise-title">
      <header className="item-head">
        <h2 id="exercise-title">{exercise.title}</h2>
        <span className="badge">{exerciseFormatTitles[exercise.format]}</span>
      </header>
      <dl className="item-facts">
        <div>
          <dt>Evidence for</dt>
          <dd>
            <DimensionTags pack={pack} ids={exercise.dimensions} />
          </dd>
        </div>
      </dl>
      {exercise.format === 'case-study' ? (
        <div className="case-study">
          <section className="panel">
            <h3>Prompt</h3>
            <Prose text={exercise.prompt} />
          </section>
          {exercise.constraints.length > 0 && (
            <section className="panel">
              <h3>Constraints given to the candidate</h3>
              <ul>
                {exercise.constraints.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel">
            <h3>Evaluation guide</h3>
            <p className="muted">In order of weight.</p>
            <ol>
              {exercise.evaluationGuide.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ol>
          </section>
        </div>
      ) : (
        <>
          <section className="panel">
            <h3>Brief</h3>
            <Prose text={exercise.brief} />
          </section>
          {exercise.artifacts.map((artifact) => (
            <ArtifactView
              key={artifact.id}
              pack={pack}
              artifact={artifact}
              text={pack.artifactText[artifact.id] ?? ''}
              defects={exercise.defects.filter((d) => d.artifact === artifact.id)}
            />
          ))}
        </>
      )}
    </article>
  );
}
