import type { IncidentScenario } from '../../../core/incident';

/** Interviewer-only material of the scenario: what is really going on, and the debrief prompts. */
export function ScenarioGuide({ scenario }: { scenario: IncidentScenario }) {
  return (
    <section className="incident-section incident-guide" aria-label="Scenario guide (interviewer only)">
      <details>
        <summary>Situation (interviewer only)</summary>
        <p>{scenario.situation}</p>
      </details>
      <details>
        <summary>Debrief and postmortem prompts</summary>
        <ol className="incident-prompts">
          {[...scenario.debrief, ...scenario.postmortem].map((prompt) => (
            <li key={prompt.id}>
              <p className="question">{prompt.prompt}</p>
              {prompt.listenFor && prompt.listenFor.length > 0 && (
                <ul className="runner-probes">
                  {prompt.listenFor.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
