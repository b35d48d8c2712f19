import type { IncidentPresenterView } from '../../../core/incident';
import { MetricChart } from './MetricChart';
import { storyClock } from './storyTime';

/** A small copy of the presenter in the console: the charts the candidate sees and what is on their screen. */
export function CandidateScreen({ view }: { view: IncidentPresenterView }) {
  const clock = storyClock(view);
  const endMs = Math.max(10 * 60_000, view.simMs);
  const lastChat = view.chat[view.chat.length - 1];
  return (
    <section className="incident-section" aria-labelledby="incident-candidate-title">
      <h3 id="incident-candidate-title">What the candidate sees now</h3>
      <p className="muted">
        {view.alerts.length} alerts and pages · {view.chat.length} chat messages · {view.logs.length} log excerpts
        {lastChat && (
          <>
            {' '}
            · last message from {lastChat.from} at {clock.at(lastChat.at)}
          </>
        )}
      </p>
      <div className="incident-mini-charts">
        {view.dashboards.flatMap((d) =>
          d.panels.map((panel) => (
            <MetricChart key={panel.key} panel={panel} nowMs={view.simMs} endMs={endMs} timeText={clock.tick} height={84} isCompact />
          )),
        )}
      </div>
    </section>
  );
}
