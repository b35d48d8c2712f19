import { DimensionTags } from './DimensionTags';
import { Prose } from './Prose';
import { countText, type LoadedPack } from './packView';

/** `"30:00"` (sim mm:ss) as `30 min`, `"12:30"` as `12 min 30 s`. */
function durationText(mmss: string): string {
  const [minutes = '0', seconds = '00'] = mmss.split(':');
  return Number(seconds) === 0 ? `${Number(minutes)} min` : `${Number(minutes)} min ${Number(seconds)} s`;
}

/** Incident scenarios at a glance: what the candidate is told and how big the simulation is. */
export function ScenarioList({ pack }: { pack: LoadedPack }) {
  if (pack.scenarios.length === 0) {
    return (
      <section aria-labelledby="pack-tab-title" className="empty-state">
        <h2 id="pack-tab-title">No incident scenarios</h2>
        <p>
          This pack has no scenarios yet. A scenario is a file in the pack's <code>scenarios/</code> folder.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="pack-tab-title">
      <div className="tab-intro">
        <h2 id="pack-tab-title">Incident scenarios</h2>
        <p className="muted">
          The brief is what the candidate sees at the start; the simulation itself runs in an interview.
        </p>
      </div>
      <ul className="scenario-list">
        {pack.scenarios.map((scenario) => (
          <li key={scenario.id} className="panel scenario-card">
            <header className="item-head">
              <h3>{scenario.title}</h3>
              <span className="muted">{durationText(scenario.duration)} planned</span>
            </header>
            <Prose text={scenario.brief} />
            <ul className="scenario-counts" aria-label="Size">
              <li>{countText(scenario.services.length, 'service')}</li>
              <li>{countText(scenario.metrics.length, 'metric')}</li>
              <li>{countText(scenario.injects.length, 'inject')}</li>
              <li>{countText(scenario.actions.length, 'action')}</li>
              <li>{countText(scenario.milestones.length, 'milestone')}</li>
              <li>{countText(scenario.stakeholders.length, 'stakeholder')}</li>
            </ul>
            <DimensionTags pack={pack} ids={scenario.dimensions} />
          </li>
        ))}
      </ul>
    </section>
  );
}
