import { rubricExercise, rubricScenario } from '../../../core/rubric/lookup';
import type { Kit } from '../../../core/rubric/schema';
import { DimensionTags } from './DimensionTags';
import { Prose } from './Prose';
import { kitFormatTitles, kitMinutes, packHref, type LoadedPack } from './packView';

/** One interview kit: its plan section by section, with running time, questions and probes. */
export function KitView({ pack, kit }: { pack: LoadedPack; kit: Kit }) {
  const exercise = kit.exercise ? rubricExercise(pack, kit.exercise) : undefined;
  const scenario = kit.scenario ? rubricScenario(pack, kit.scenario) : undefined;
  const starts = kit.sections.map((_, i) => kit.sections.slice(0, i).reduce((sum, s) => sum + s.minutes, 0));
  return (
    <article className="item-detail" aria-labelledby="kit-title">
      <header className="item-head">
        <h2 id="kit-title">{kit.title}</h2>
        <span className="badge">{kitFormatTitles[kit.format]}</span>
        <span className="muted">{kitMinutes(kit)} min in total</span>
      </header>
      <Prose text={kit.summary} />
      <dl className="item-facts">
        <div>
          <dt>Rates</dt>
          <dd>
            <DimensionTags pack={pack} ids={kit.dimensions} label="Dimensions rated" />
          </dd>
        </div>
        {kit.exercise && (
          <div>
            <dt>Exercise</dt>
            <dd>
              <a href={packHref(pack, 'exercises', kit.exercise)}>{exercise?.title ?? kit.exercise}</a>
            </dd>
          </div>
        )}
        {kit.scenario && (
          <div>
            <dt>Incident scenario</dt>
            <dd>
              <a href={packHref(pack, 'scenarios')}>{scenario?.title ?? kit.scenario}</a>
            </dd>
          </div>
        )}
      </dl>
      <ol className="kit-sections">
        {kit.sections.map((section, i) => {
          const from = starts[i] ?? 0;
          const to = from + section.minutes;
          return (
            <li key={section.id} className="panel kit-section">
              <header className="kit-section-head">
                <h3>{section.title}</h3>
                <span className="kit-time">
                  {section.minutes} min{' '}
                  <span className="muted">
                    · minute {from}–{to}
                  </span>
                </span>
              </header>
              <p>
                <span className="muted">Goal: </span>
                {section.goal}
              </p>
              {section.questions.length > 0 && (
                <>
                  <h4>Questions</h4>
                  <ol className="kit-questions">
                    {section.questions.map((question) => (
                      <li key={question.id}>
                        <p className="kit-prompt">{question.prompt}</p>
                        {question.probes.length > 0 && (
                          <ul className="kit-probes" aria-label="Probes">
                            {question.probes.map((probe, i) => (
                              <li key={i}>{probe}</li>
                            ))}
                          </ul>
                        )}
                        <DimensionTags pack={pack} ids={question.dimensions} />
                      </li>
                    ))}
                  </ol>
                </>
              )}
              {section.whatGoodLooksLike.length > 0 && (
                <>
                  <h4>What good looks like</h4>
                  <ul className="kit-good">
                    {section.whatGoodLooksLike.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                </>
              )}
              {section.dimensions.length > 0 && (
                <div className="kit-section-dims">
                  <span className="muted">Evidence for</span>
                  <DimensionTags pack={pack} ids={section.dimensions} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
