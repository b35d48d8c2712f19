import { useId, useState } from 'react';
import type { Signal, SignalPolarity } from '../../../core/rubric/schema';
import { SignalBadge } from '../../components/SignalBadge';
import { DimensionTags } from './DimensionTags';
import { countText, packLevelTitle, type LoadedPack } from './packView';

const polarities: Array<{ polarity: SignalPolarity; title: string }> = [
  { polarity: 'strong', title: 'Strong signals' },
  { polarity: 'weak', title: 'Weak signals' },
  { polarity: 'red-flag', title: 'Red flags' },
];

const categoryTitles: Record<Signal['category'], string> = {
  blueprint: 'Role blueprint',
  'mid-level-trap': 'Mid-level trap',
  plateau: 'Level plateau',
  'anti-pattern': 'Anti-pattern',
  incident: 'Incident',
};

const severityTitles: Record<Signal['severity'], string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The signal catalogue grouped strong / weak / red flag, filterable by dimension. */
export function SignalList({ pack }: { pack: LoadedPack }) {
  const [dimensionId, setDimensionId] = useState('');
  const filterId = useId();
  const shown = dimensionId ? pack.signals.filter((s) => s.dimensions.includes(dimensionId)) : pack.signals;

  return (
    <section aria-labelledby="pack-tab-title">
      <div className="tab-intro tab-intro-row">
        <div>
          <h2 id="pack-tab-title">Signals</h2>
          <p className="muted">
            What interviewers hear or see, and what it counts towards. A level cap limits the recommendation while the
            signal stands.
          </p>
        </div>
        <div className="filter">
          <label htmlFor={filterId}>Dimension</label>
          <select id={filterId} value={dimensionId} onChange={(e) => setDimensionId(e.target.value)}>
            <option value="">All dimensions</option>
            {pack.dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {polarities.map(({ polarity, title }) => {
        const signals = shown.filter((s) => s.polarity === polarity);
        const hasCaps = signals.some((s) => s.levelCap);
        const headingId = `signals-${polarity}`;
        return (
          <section key={polarity} className="signal-group" aria-labelledby={headingId}>
            <h3 id={headingId} className="signal-group-title">
              <SignalBadge polarity={polarity} label={title} />
              <span className="muted">{countText(signals.length, 'signal')}</span>
            </h3>
            {signals.length === 0 ? (
              <p className="muted">None{dimensionId ? ' for this dimension' : ''}.</p>
            ) : (
              <table className="signal-table">
                <thead>
                  <tr>
                    <th scope="col">Signal</th>
                    <th scope="col">Category</th>
                    <th scope="col">Dimensions</th>
                    <th scope="col">Severity</th>
                    {hasCaps && <th scope="col">Level cap</th>}
                  </tr>
                </thead>
                <tbody>
                  {signals.map((signal) => (
                    <tr key={signal.id}>
                      <td>
                        <strong>{signal.title}</strong>
                        <p className="signal-description">{signal.description}</p>
                      </td>
                      <td>{categoryTitles[signal.category]}</td>
                      <td>
                        <DimensionTags pack={pack} ids={signal.dimensions} />
                      </td>
                      <td>
                        <span className={`badge severity severity-${signal.severity}`}>
                          {severityTitles[signal.severity]}
                        </span>
                      </td>
                      {hasCaps && (
                        <td>
                          {signal.levelCap ? (
                            `Up to ${packLevelTitle(pack, signal.levelCap)}`
                          ) : (
                            <span className="muted">–</span>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </section>
  );
}
