import type { Dimension, Kit, KitSection } from '../../../core/rubric/schema';
import { SectionCountdown } from './RunnerClocks';

/** The current section's plan: goal, questions with probes, what good looks like, dimensions. */
export function KitPanel({
  kit,
  section,
  dimensions,
  sectionStartedAt,
  onMove,
  isReadOnly,
}: {
  kit: Kit;
  section: KitSection;
  dimensions: Dimension[];
  sectionStartedAt: number | null;
  onMove: (sectionId: string) => void;
  isReadOnly: boolean;
}) {
  const index = kit.sections.findIndex((s) => s.id === section.id);
  const next = kit.sections[index + 1];
  const prev = kit.sections[index - 1];
  return (
    <section className="kit-panel" aria-labelledby="section-title">
      <nav aria-label="Sections" className="section-nav">
        <ol>
          {kit.sections.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === section.id ? 'is-current' : undefined}
                aria-current={s.id === section.id ? 'step' : undefined}
                title={`${s.title} (${s.minutes} min)`}
                onClick={() => onMove(s.id)}
              >
                {i + 1} · {s.minutes}′<span className="sr-only"> {s.title}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="section-head">
        <h2 id="section-title">
          {index + 1}. {section.title}
        </h2>
        {!isReadOnly && <SectionCountdown sectionStartedAt={sectionStartedAt} minutes={section.minutes} />}
      </div>
      <div className="section-scroll" tabIndex={0} aria-label={`Section ${index + 1}: ${section.title}`}>
        <p className="section-goal">{section.goal}</p>
        {section.questions.length > 0 && (
          <ol className="question-list">
            {section.questions.map((q) => (
              <li key={q.id}>
                <p className="question">{q.prompt}</p>
                {q.probes.length > 0 && (
                  <ul className="runner-probes" aria-label="Follow-up probes">
                    {q.probes.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        {section.whatGoodLooksLike.length > 0 && (
          <div className="good-looks-like">
            <h3>What good looks like</h3>
            <ul>
              {section.whatGoodLooksLike.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </div>
        )}
        {section.dimensions.length > 0 && (
          <p className="muted">
            Covers: {section.dimensions.map((id) => dimensions.find((d) => d.id === id)?.title ?? id).join(' · ')}
          </p>
        )}
      </div>
      {!isReadOnly && (
        <div className="section-move">
          {prev && (
            <button type="button" onClick={() => onMove(prev.id)}>
              ← {prev.title}
            </button>
          )}
          {next && (
            <button type="button" className="primary" onClick={() => onMove(next.id)}>
              Next: {next.title} →
            </button>
          )}
        </div>
      )}
    </section>
  );
}
