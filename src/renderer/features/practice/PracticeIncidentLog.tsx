import type { PracticeCase } from '../../../core/rubric/practiceSchema';

/** The scripted candidate's incident run: what they did, at which simulation time. */
export function PracticeIncidentLog({ practiceCase }: { practiceCase: PracticeCase }) {
  return (
    <section className="practice-incident-log" aria-labelledby="practice-incident-title">
      <h2 id="practice-incident-title">Incident action log</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Sim time</th>
            <th scope="col">What the candidate did</th>
          </tr>
        </thead>
        <tbody>
          {practiceCase.candidate.incidentLog.map((a, i) => (
            <tr key={i}>
              <td className="mono">{a.at}</td>
              <td>{a.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
