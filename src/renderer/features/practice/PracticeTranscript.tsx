import type { PracticeCase } from '../../../core/rubric/practiceSchema';
import type { KitSection } from '../../../core/rubric/schema';

/** What the scripted candidate (and the interviewer) said in the current kit section. */
export function PracticeTranscript({ practiceCase, section }: { practiceCase: PracticeCase; section: KitSection }) {
  const excerpts = practiceCase.candidate.sections.find((s) => s.section === section.id)?.excerpts ?? [];
  return (
    <section
      className="practice-transcript"
      aria-labelledby="practice-transcript-title"
      data-testid="practice-transcript"
    >
      <h2 id="practice-transcript-title">Transcript · {section.title}</h2>
      {excerpts.length === 0 ? (
        <p className="muted">The script has no excerpt for this section: move to another section on the left.</p>
      ) : (
        <ol>
          {excerpts.map((e, i) => (
            <li key={i} className={`practice-excerpt is-${e.speaker}`}>
              <span className="practice-speaker">{e.speaker === 'candidate' ? 'Candidate' : 'Interviewer'}</span>
              <p>{e.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
