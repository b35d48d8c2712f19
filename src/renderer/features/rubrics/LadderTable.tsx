import type { Level } from '../../../core/rubric/schema';
import type { LoadedPack } from './packView';

const fields: Array<{ key: Exclude<keyof Level, 'id' | 'title'>; label: string }> = [
  { key: 'tenure', label: 'Tenure' },
  { key: 'scope', label: 'Scope' },
  { key: 'decisionOwnership', label: 'Decision ownership' },
  { key: 'stakeholderSurface', label: 'Stakeholder surface' },
  { key: 'unlock', label: 'Unlocks the next level' },
  { key: 'plateau', label: 'Common plateau' },
  { key: 'failureMode', label: 'Failure mode' },
];

/** The level ladder (levels across, fields down) and the levelling probes with what to listen for. */
export function LadderTable({ pack }: { pack: LoadedPack }) {
  return (
    <section aria-labelledby="pack-tab-title">
      <div className="tab-intro">
        <h2 id="pack-tab-title">Level ladder</h2>
        <p className="muted">Levels from lowest to highest. Levelling probes help place a candidate on the ladder.</p>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Level ladder table">
        <table className="ladder-table">
          <thead>
            <tr>
              <th scope="col" className="ladder-field">
                <span className="sr-only">Field</span>
              </th>
              {pack.levels.map((level) => (
                <th scope="col" key={level.id}>
                  {level.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.key}>
                <th scope="row" className="ladder-field">
                  {field.label}
                </th>
                {pack.levels.map((level) => (
                  <td key={level.id}>{level[field.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="section-title">Levelling probes</h2>
      {pack.probes.length === 0 ? (
        <p className="muted">This pack has no levelling probes.</p>
      ) : (
        <ol className="probe-list">
          {pack.probes.map((probe) => (
            <li key={probe.id} className="panel">
              <h3>{probe.question}</h3>
              <p className="muted probe-listen">Listen for</p>
              <ul>
                {probe.listenFor.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
